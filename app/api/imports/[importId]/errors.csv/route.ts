import { TRPCError } from "@trpc/server";
import { getFileStorage } from "@/server/files/storage";
import { errorRowsCsv } from "@/server/imports/errors-csv";
import { getRuntime } from "@/server/runtime";
import { resolveIdentity } from "@/server/trpc/identity";

export const dynamic = "force-dynamic";

const status: Partial<Record<TRPCError["code"], number>> = { NOT_FOUND: 404, FORBIDDEN: 403, BAD_REQUEST: 400 };

export async function GET(req: Request, context: { params: Promise<{ importId: string }> }) {
  const { importId } = await context.params;
  const { handle, auth } = await getRuntime();
  const identity = await resolveIdentity(handle.db, auth, req.headers);
  if (!identity?.workspace) return Response.json({ error: { code: "UNAUTHORIZED", message: "Sign in to download import errors" } }, { status: 401 });
  if (!/^[0-9a-f-]{36}$/i.test(importId)) return Response.json({ error: { code: "NOT_FOUND", message: `Import ${importId} was not found` } }, { status: 404 });
  try {
    const ctx = { db: handle.db, workspaceId: identity.workspace.id, actor: identity.workspace.actor };
    const { fileName, body } = await errorRowsCsv(ctx, getFileStorage(), { importId });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await body.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await body.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return Response.json({ error: { code: error.code, message: error.message } }, { status: status[error.code] ?? 500 });
    throw error;
  }
}
