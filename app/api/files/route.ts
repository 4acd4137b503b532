import { getFileStorage } from "@/server/files/storage";
import { handleUploadRequest } from "@/server/files/upload";
import { getRuntime } from "@/server/runtime";
import { resolveIdentity } from "@/server/trpc/identity";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const { handle, auth } = await getRuntime();
  const identity = await resolveIdentity(handle.db, auth, req.headers);
  if (!identity) return Response.json({ error: { code: "UNAUTHORIZED", message: "Sign in, or pass an API key as Authorization: Bearer <key>" } }, { status: 401 });
  if (!identity.workspace) return Response.json({ error: { code: "FORBIDDEN", message: "You are not a member of any workspace" } }, { status: 403 });
  const ctx = { db: handle.db, workspaceId: identity.workspace.id, actor: identity.workspace.actor };
  return handleUploadRequest(ctx, getFileStorage(), req);
}
