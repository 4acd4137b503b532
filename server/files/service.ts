import { randomUUID } from "node:crypto";
import type { ServiceContext } from "../context";
import { requireRole } from "../lib/authorize";
import { insertFileRow, type FileRecord } from "./queries";
import type { FileStorage } from "./storage";

export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export function maxUploadBytes(): number {
  return Number(process.env.HASTECRM_MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES);
}

/** Keeps a name safe to use as the last part of a storage key and in a download header. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.normalize("NFC").replace(/[^\p{L}\p{N}._ -]+/gu, "_").trim().slice(0, 200);
  return base || "upload.csv";
}

/**
 * Streams an upload into storage (never whole in memory), then records it. Uploads feed imports, which
 * are for admins, so uploading is too.
 */
export async function storeUpload(
  ctx: ServiceContext,
  storage: FileStorage,
  input: { fileName: string; contentType: string; body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>; maxBytes?: number },
): Promise<FileRecord> {
  requireRole(ctx, "admin", "upload files for import");
  const id = randomUUID();
  const fileName = safeFileName(input.fileName);
  const storageKey = `${ctx.workspaceId}/${id}/${fileName}`;
  const stored = await storage.write(storageKey, input.body, { maxBytes: input.maxBytes ?? maxUploadBytes() });
  return insertFileRow(ctx.db, {
    workspaceId: ctx.workspaceId, id, purpose: "import", fileName, contentType: input.contentType || "text/csv",
    sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey, createdBy: ctx.actor.userId,
  });
}
