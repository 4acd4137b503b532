import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AwsClient } from "aws4fetch";
import type { ByteSource } from "../imports/pipeline/source";
import { FileTooLargeError, type FileStorage, type StoredObject } from "./storage";

export interface S3Config {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, …); AWS's regional endpoint when absent. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path rather than the host name: what most S3-compatible servers expect. */
  forcePathStyle: boolean;
  /** Prepended to every key, so one bucket can hold several deployments. */
  prefix: string;
}

/** S3's minimum for every part but the last is 5 MiB; 8 MiB keeps memory flat and requests few. */
export const S3_PART_BYTES = 8 * 1024 * 1024;

/** Reads S3_* (falling back to the AWS_* names for credentials); null when S3_BUCKET is unset. */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): S3Config | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error("S3_BUCKET is set but S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) are missing");
  }
  return {
    bucket,
    region: env.S3_REGION ?? env.AWS_REGION ?? "us-east-1",
    endpoint: env.S3_ENDPOINT?.replace(/\/+$/, "") || undefined,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" : Boolean(env.S3_ENDPOINT),
    prefix: env.S3_PREFIX?.replace(/^\/+|\/+$/g, "") ?? "",
  };
}

const encodeKey = (key: string) => key.split("/").map(encodeURIComponent).join("/");
const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

class S3RequestError extends Error {
  constructor(readonly status: number, action: string, body: string) {
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
    super(`S3 ${action} failed with ${status}${code ? ` ${code}` : ""}`);
  }
}

/** Byte chunks of any size regrouped into parts of exactly `size` bytes (the last may be shorter). */
async function* parts(body: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let part = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of body) {
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(size - filled, chunk.length - at);
      part.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === size) {
        yield part;
        // A fresh buffer: the one just yielded may still be in flight.
        part = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield part.slice(0, filled);
}

/**
 * Files in an S3-compatible bucket: uploads stream through a multipart upload one 8 MiB part at a time
 * (a small file is one PUT), reads are ranged GETs. Requests are signed with SigV4 (aws4fetch).
 */
export function createS3Storage(config: S3Config): FileStorage {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const send = (url: string, init: RequestInit) => client.fetch(url, init);
  const base = config.endpoint
    ? config.forcePathStyle ? `${config.endpoint}/${config.bucket}` : config.endpoint.replace("://", `://${config.bucket}.`)
    : config.forcePathStyle ? `https://s3.${config.region}.amazonaws.com/${config.bucket}` : `https://${config.bucket}.s3.${config.region}.amazonaws.com`;
  const urlOf = (key: string, query = "") => `${base}/${encodeKey(config.prefix ? `${config.prefix}/${key}` : key)}${query}`;

  async function expectOk(response: Response, action: string): Promise<Response> {
    if (!response.ok) throw new S3RequestError(response.status, action, await response.text());
    return response;
  }

  async function abort(key: string, uploadId: string) {
    await send(urlOf(key, `?uploadId=${encodeURIComponent(uploadId)}`), { method: "DELETE" }).then((r) => r.body?.cancel()).catch(() => undefined);
  }

  return {
    kind: "s3",
    async write(key, body, writeOptions = {}): Promise<StoredObject> {
      const limit = writeOptions.maxBytes ?? Number.POSITIVE_INFINITY;
      const input = body instanceof ReadableStream ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : body;
      const hash = createHash("sha256");
      let size = 0;
      let uploadId: string | null = null;
      const etags: string[] = [];
      try {
        for await (const part of parts(input, S3_PART_BYTES)) {
          size += part.length;
          if (size > limit) throw new FileTooLargeError(limit);
          hash.update(part);
          if (uploadId === null && part.length < S3_PART_BYTES) {
            // The whole file fits in one part: a single PUT, no multipart bookkeeping.
            await expectOk(await send(urlOf(key), { method: "PUT", body: part }), "PutObject");
            return { sizeBytes: size, sha256: hash.digest("hex") };
          }
          if (uploadId === null) {
            const created = await expectOk(await send(urlOf(key, "?uploads"), { method: "POST" }), "CreateMultipartUpload");
            uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await created.text())?.[1] ?? null;
            if (!uploadId) throw new Error("S3 CreateMultipartUpload returned no UploadId");
          }
          const query = `?partNumber=${etags.length + 1}&uploadId=${encodeURIComponent(uploadId)}`;
          const uploaded = await expectOk(await send(urlOf(key, query), { method: "PUT", body: part }), "UploadPart");
          await uploaded.body?.cancel();
          etags.push(uploaded.headers.get("etag") ?? "");
        }
        if (uploadId === null) {
          // An empty file.
          await expectOk(await send(urlOf(key), { method: "PUT", body: new Uint8Array(0) }), "PutObject");
          return { sizeBytes: 0, sha256: hash.digest("hex") };
        }
        const manifest = `<CompleteMultipartUpload>${etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${xmlEscape(etag)}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
        const completed = await expectOk(await send(urlOf(key, `?uploadId=${encodeURIComponent(uploadId)}`), { method: "POST", body: manifest }), "CompleteMultipartUpload");
        // S3 can answer 200 with an error document when completing fails late.
        const text = await completed.text();
        if (text.includes("<Error>")) throw new S3RequestError(200, "CompleteMultipartUpload", text);
        return { sizeBytes: size, sha256: hash.digest("hex") };
      } catch (error) {
        if (uploadId) await abort(key, uploadId);
        throw error;
      }
    },
    async source(key): Promise<ByteSource> {
      const head = await expectOk(await send(urlOf(key), { method: "HEAD" }), "HeadObject");
      const size = Number(head.headers.get("content-length") ?? 0);
      return {
        size,
        async *stream(range = {}) {
          const start = range.start ?? 0;
          const end = Math.min(range.end ?? size, size);
          if (start >= end) return;
          const response = await expectOk(await send(urlOf(key), { method: "GET", headers: { range: `bytes=${start}-${end - 1}` } }), "GetObject");
          if (!response.body) return;
          for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) yield chunk as Uint8Array;
        },
      };
    },
    async delete(key) {
      const response = await send(urlOf(key), { method: "DELETE" });
      await response.body?.cancel();
      // Deleting what is already gone is fine, as on local disk.
      if (!response.ok && response.status !== 404) throw new S3RequestError(response.status, "DeleteObject", "");
    },
  };
}
