import type { Executor } from "@/db/types";
import { findFile } from "../files/queries";
import type { FileStorage } from "../files/storage";
import { findJob } from "../jobs/queries";
import { exportLinkSecret, verifyExportLink } from "./links";

type Opened =
  | { ok: true; stream: AsyncIterable<Uint8Array>; size: number; fileName: string; contentType: string }
  | { ok: false; status: 403 | 404 | 410; message: string };

/** Checks a download link and opens the export's file; the link's workspace scopes every lookup. */
export async function openExportDownload(
  db: Executor,
  storage: FileStorage,
  params: { exportId: string; w: string | null; e: string | null; s: string | null; secret?: string },
): Promise<Opened> {
  const check = verifyExportLink(params.secret ?? exportLinkSecret(), params);
  if (!check.isValid) return check.reason === "expired" ? { ok: false, status: 410, message: "This download link has expired; export again" } : { ok: false, status: 403, message: "This download link is not valid" };
  const job = await findJob(db, { workspaceId: check.workspaceId, jobId: params.exportId });
  const fileId = job?.kind === "export" ? job.result?.fileId : undefined;
  const file = typeof fileId === "string" ? await findFile(db, { workspaceId: check.workspaceId, id: fileId }) : null;
  if (!file) return { ok: false, status: 404, message: "This export no longer exists" };
  if (file.expiresAt && file.expiresAt.getTime() <= Date.now()) return { ok: false, status: 410, message: "This export has expired; export again" };
  const source = await storage.source(file.storageKey);
  return { ok: true, stream: source.stream(), size: source.size, fileName: file.fileName, contentType: file.contentType };
}
