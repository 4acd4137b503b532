import { Readable } from "node:stream";
import { openExportDownload } from "@/server/exports/download";
import { getFileStorage } from "@/server/files/storage";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * A signed, expiring export link: the signature is the authorisation (it was issued to someone allowed
 * to export), so the link works from a new tab or a download manager without a session.
 */
export async function GET(req: Request, { params }: { params: Promise<{ exportId: string }> }) {
  const { exportId } = await params;
  const url = new URL(req.url);
  const { handle } = await getRuntime();
  const opened = await openExportDownload(handle.db, getFileStorage(), { exportId, w: url.searchParams.get("w"), e: url.searchParams.get("e"), s: url.searchParams.get("s") });
  if (!opened.ok) return Response.json({ error: { code: opened.status === 410 ? "GONE" : "FORBIDDEN", message: opened.message } }, { status: opened.status });
  const body = Readable.toWeb(Readable.from(opened.stream)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": opened.contentType,
      "content-length": String(opened.size),
      "content-disposition": `attachment; filename="${opened.fileName.replace(/"/g, "")}"`,
      "cache-control": "private, no-store",
    },
  });
}
