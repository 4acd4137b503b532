import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestWorkspace, openTestDatabase } from "@/test/db";
import { callerFor, fixturesDir, upload, waitForJob } from "../imports/test-helpers";
import { createS3Storage, s3ConfigFromEnv, S3_PART_BYTES, type S3Config } from "./s3-storage";
import { FileTooLargeError, getFileStorage } from "./storage";

// s3rver speaks the S3 REST protocol (SigV4 checked, multipart uploads, ranged GETs) over real HTTP, on
// a disk directory of its own: the driver is exercised exactly as against a bucket, without credentials.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-s3rver-"));
const BUCKET = "hastecrm-test";
let server: http.Server;
let config: S3Config;
let handle: DatabaseHandle;

beforeAll(async () => {
  const s3 = new S3rver({ directory: dir, silent: true, configureBuckets: [{ name: BUCKET }] });
  await s3.configureBuckets();
  server = http.createServer(s3.callback());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // s3rver's fixed development credentials.
  Object.assign(process.env, { S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER", S3_PREFIX: "files" });
  config = s3ConfigFromEnv()!;
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function* chunked(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(at + size, bytes.length));
}

async function readAll(iterable: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of iterable) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("S3 storage", () => {
  it("is what getFileStorage returns once S3_BUCKET is set, with the prefix and path-style URLs for a custom endpoint", () => {
    expect(getFileStorage().kind).toBe("s3");
    expect(config).toMatchObject({ bucket: BUCKET, region: "us-east-1", forcePathStyle: true, prefix: "files" });
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b" })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(s3ConfigFromEnv({})).toBeNull();
  });

  it("writes a small file in one PUT and reads any range of it", async () => {
    const storage = createS3Storage(config);
    const bytes = Buffer.from("email,first name\nada@example.com,Ada\n");
    const stored = await storage.write("ws/small.csv", chunked(bytes, 7));
    expect(stored).toEqual({ sizeBytes: bytes.length, sha256: sha256(bytes) });
    const source = await storage.source("ws/small.csv");
    expect(source.size).toBe(bytes.length);
    expect((await readAll(source.stream())).toString()).toBe(bytes.toString());
    expect((await readAll(source.stream({ start: 6, end: 16 }))).toString()).toBe(bytes.subarray(6, 16).toString());
  });

  it("streams a file larger than a part through a multipart upload, byte for byte", async () => {
    const storage = createS3Storage(config);
    const bytes = new Uint8Array(S3_PART_BYTES * 2 + 12_345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 13)) & 0xff;
    // Odd-sized chunks, so parts are assembled across chunk boundaries.
    const stored = await storage.write("ws/large.bin", chunked(bytes, 1_000_003));
    expect(stored).toEqual({ sizeBytes: bytes.length, sha256: sha256(bytes) });
    const source = await storage.source("ws/large.bin");
    expect(source.size).toBe(bytes.length);
    expect(sha256(await readAll(source.stream()))).toBe(sha256(bytes));
    // A range across the first part boundary.
    const start = S3_PART_BYTES - 100;
    expect(Buffer.compare(await readAll(source.stream({ start, end: start + 300 })), Buffer.from(bytes.subarray(start, start + 300)))).toBe(0);
  });

  it("refuses a file over the limit and keeps nothing of it", async () => {
    const storage = createS3Storage(config);
    const bytes = new Uint8Array(S3_PART_BYTES + 5_000_000);
    await expect(storage.write("ws/too-large.bin", chunked(bytes, 1 << 20), { maxBytes: S3_PART_BYTES + 1_000 })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(storage.source("ws/too-large.bin")).rejects.toThrow(/404/);
  });

  it("deletes, and deleting again is not an error", async () => {
    const storage = createS3Storage(config);
    await storage.write("ws/gone.txt", chunked(Buffer.from("bye"), 3));
    await storage.delete("ws/gone.txt");
    await expect(storage.source("ws/gone.txt")).rejects.toThrow(/404/);
    await expect(storage.delete("ws/gone.txt")).resolves.toBeUndefined();
  });

  it("names S3's error code when the credentials are refused", async () => {
    const storage = createS3Storage({ ...config, accessKeyId: "NOT-A-KEY" });
    await expect(storage.write("ws/denied.txt", chunked(Buffer.from("x"), 1))).rejects.toThrow(/S3 PutObject failed with 403 InvalidAccessKeyId/);
  });

  it("serves a whole import from the bucket: upload, preview, job and its counts", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const api = callerFor(handle.db, ctx);
    const file = "pipedrive_people.csv";
    const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, file.replace(/\.csv$/, ".expected.json")), "utf8")) as { valid_unique_email_rows: number };
    const fileId = await upload(ctx, getFileStorage(), file, fs.readFileSync(path.join(fixturesDir, file)));
    const preview = await api.imports.preview({ fileId });
    const started = await api.imports.importContacts({ fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { skipInvalid: true } });
    await waitForJob(handle.db, ctx.workspaceId, started.importId);
    const result = await api.imports.get({ importId: started.importId });
    expect(result.status).toBe("succeeded");
    expect(result.counts.created).toBe(expected.valid_unique_email_rows);
  });
});
