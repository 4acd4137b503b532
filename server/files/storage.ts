import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createHash } from "node:crypto";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { ByteSource } from "../imports/pipeline/source";
import { createS3Storage, s3ConfigFromEnv } from "./s3-storage";

export interface StoredObject {
  sizeBytes: number;
  sha256: string;
}

/** Where uploaded and generated files live: local disk by default, an S3-compatible bucket when configured (s3-storage.ts). */
export interface FileStorage {
  readonly kind: "local" | "s3";
  /** Streams `body` to `key`, failing with FileTooLargeError past `maxBytes` (nothing is kept then). */
  write(key: string, body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, options?: { maxBytes?: number }): Promise<StoredObject>;
  /** Random-access reads of a stored object. */
  source(key: string): Promise<ByteSource>;
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${Math.round(maxBytes / 1048576)} MB, the most one upload takes`);
  }
}

export function createLocalStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`storage key escapes the storage root: ${key}`);
    return file;
  };
  return {
    kind: "local",
    async write(key, body, options = {}) {
      const file = resolve(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.partial-${process.pid}-${Date.now()}`;
      const hash = createHash("sha256");
      let size = 0;
      const limit = options.maxBytes ?? Number.POSITIVE_INFINITY;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > limit) return callback(new FileTooLargeError(limit));
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      const input = body instanceof ReadableStream ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from(body);
      try {
        await pipeline(input, meter, fs.createWriteStream(partial));
        await fs.promises.rename(partial, file);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
      return { sizeBytes: size, sha256: hash.digest("hex") };
    },
    async source(key) {
      const file = resolve(key);
      const { size } = await fs.promises.stat(file);
      return {
        size,
        stream(range = {}) {
          const end = range.end ?? size;
          if ((range.start ?? 0) >= end) return Readable.from([]);
          // createReadStream's `end` is inclusive.
          return fs.createReadStream(file, { start: range.start ?? 0, end: end - 1, highWaterMark: 1024 * 1024 });
        },
      };
    },
    async delete(key) {
      await fs.promises.rm(resolve(key), { force: true });
    },
  };
}

const drivers = new Map<string, FileStorage>();

/** An S3-compatible bucket when S3_BUCKET is set (see s3ConfigFromEnv), else local disk under HASTECRM_FILES_DIR (default .data/files). */
export function getFileStorage(): FileStorage {
  const s3 = s3ConfigFromEnv();
  if (s3) {
    const id = `s3:${s3.endpoint ?? s3.region}/${s3.bucket}/${s3.prefix}`;
    let driver = drivers.get(id);
    if (!driver) {
      driver = createS3Storage(s3);
      drivers.set(id, driver);
    }
    return driver;
  }
  const root = process.env.HASTECRM_FILES_DIR ?? path.resolve(process.cwd(), ".data", "files");
  let driver = drivers.get(root);
  if (!driver) {
    driver = createLocalStorage(root);
    drivers.set(root, driver);
  }
  return driver;
}
