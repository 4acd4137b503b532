import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { createTemporaryFileStorage } from "../imports/test-helpers";
import { findFile } from "./queries";
import { handleUploadRequest } from "./upload";

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

const csv = "Email,Name\nann@x.io,Ann\n";

describe("POST /api/files", () => {
  it("streams a raw body to storage and records the file", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const res = await handleUploadRequest(ctx, files.storage, new Request("http://x/api/files?name=people.csv", { method: "POST", body: csv }));
    expect(res.status).toBe(201);
    const { fileId, sizeBytes } = (await res.json()) as { fileId: string; sizeBytes: number };
    expect(sizeBytes).toBe(csv.length);
    const record = await findFile(handle.db, { workspaceId: ctx.workspaceId, id: fileId });
    expect(record).toMatchObject({ fileName: "people.csv", purpose: "import" });
    const source = await files.storage.source(record!.storageKey);
    const chunks: Buffer[] = [];
    for await (const chunk of source.stream()) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).toBe(csv);
  });

  it("takes the first file of multipart form data", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const form = new FormData();
    form.append("note", "ignored");
    form.append("file", new Blob([csv], { type: "text/csv" }), "from-form.csv");
    const res = await handleUploadRequest(ctx, files.storage, new Request("http://x/api/files", { method: "POST", body: form }));
    expect(res.status).toBe(201);
    const { fileId } = (await res.json()) as { fileId: string };
    const record = await findFile(handle.db, { workspaceId: ctx.workspaceId, id: fileId });
    expect(record).toMatchObject({ fileName: "from-form.csv", sizeBytes: csv.length });
  });

  it("answers 413 past the size limit and keeps nothing", async () => {
    const ctx = await createTestWorkspace(handle.db);
    process.env.HASTECRM_MAX_UPLOAD_BYTES = "10";
    try {
      const res = await handleUploadRequest(ctx, files.storage, new Request("http://x/api/files?name=big.csv", { method: "POST", body: csv }));
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
      const left = fs.readdirSync(files.dir, { recursive: true }).filter((f) => String(f).includes("big.csv"));
      expect(left).toEqual([]);
    } finally {
      delete process.env.HASTECRM_MAX_UPLOAD_BYTES;
    }
  });

  it("is for admins", async () => {
    const admin = await createTestWorkspace(handle.db);
    const rep = await addTestMember(handle.db, admin.workspaceId, "rep");
    const res = await handleUploadRequest(rep, files.storage, new Request("http://x/api/files?name=a.csv", { method: "POST", body: csv }));
    expect(res.status).toBe(403);
  });
});
