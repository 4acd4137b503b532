import "server-only";
import type { ServiceContext } from "../context";
import { boundaryOf, firstFilePart, MultipartError } from "./multipart";
import { maxUploadBytes, storeUpload } from "./service";
import { FileTooLargeError, type FileStorage } from "./storage";

const json = (status: number, body: unknown) => Response.json(body, { status });

/**
 * POST /api/files: the file as the raw body (name in `?name=` or an `x-file-name` header) or as the
 * first file of multipart/form-data. Streamed to storage; past the size limit the answer is 413.
 */
export async function handleUploadRequest(ctx: ServiceContext, storage: FileStorage, req: Request): Promise<Response> {
  const limit = maxUploadBytes();
  const declared = Number(req.headers.get("content-length") ?? 0);
  const tooLarge = () =>
    json(413, { error: { code: "PAYLOAD_TOO_LARGE", message: `file: larger than ${Math.round(limit / 1048576)} MB, the most one upload takes; split the file`, maxBytes: limit } });
  if (declared > limit + 64 * 1024) return tooLarge();
  if (!req.body) return json(400, { error: { code: "BAD_REQUEST", message: "file: the request has no body" } });
  const contentType = req.headers.get("content-type") ?? "";
  try {
    let upload: { fileName: string; contentType: string; body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> };
    if (contentType.toLowerCase().startsWith("multipart/form-data")) {
      const boundary = boundaryOf(contentType);
      if (!boundary) return json(400, { error: { code: "BAD_REQUEST", message: "file: multipart body without a boundary" } });
      upload = await firstFilePart(req.body, boundary);
    } else {
      const url = new URL(req.url);
      const header = req.headers.get("x-file-name");
      upload = {
        fileName: url.searchParams.get("name") ?? (header ? decodeURIComponent(header) : "upload.csv"),
        contentType: contentType || "text/csv",
        body: req.body,
      };
    }
    const file = await storeUpload(ctx, storage, { ...upload, maxBytes: limit });
    return json(201, { fileId: file.id, fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 });
  } catch (error) {
    if (error instanceof FileTooLargeError) return tooLarge();
    if (error instanceof MultipartError) return json(400, { error: { code: "BAD_REQUEST", message: `file: ${error.message}` } });
    const code = (error as { code?: string }).code;
    if (code === "FORBIDDEN") return json(403, { error: { code, message: (error as Error).message } });
    throw error;
  }
}
