import { text } from "node:stream/consumers";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, customFieldDefinitions } from "@/db/schema";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { bulkTagOperations } from "../bulk/service";
import { seedContacts } from "../bulk/test-helpers";
import { findFile } from "../files/queries";
import type { FilterNode } from "../filters/types";
import { createTemporaryFileStorage } from "../imports/test-helpers";
import { findJob } from "../jobs/queries";
import { createMemoryRateLimiter } from "../rate-limit";
import { updateWorkspaceSettings } from "../workspaces/service";
import { openExportDownload } from "./download";
import { verifyExportLink } from "./links";
import { exportContacts, listExports } from "./service";

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
const secret = "export-test-secret-0123456789";
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

const options = () => ({ storage: files.storage, dispatch: false, linkSecret: secret, rateLimiter: createMemoryRateLimiter() });

describe("exportContacts", () => {
  it("streams the filter's contacts to a CSV with tags and custom fields, neutralises formulas, signs an expiring link and audits the export", async () => {
    const ctx = await createTestWorkspace(handle.db);
    await handle.db.insert(customFieldDefinitions).values({ workspaceId: ctx.workspaceId, objectType: "contact", fieldName: "budget", label: "Budget", fieldType: "number" });
    const seeded = await seedContacts(handle.db, ctx.workspaceId, 12, (i) => ({
      lifecycleStage: i < 5 ? "MQL" : "lead", firstName: i === 0 ? "=HYPERLINK(\"http://evil\")" : `Name${i}`, lastName: i === 1 ? "@SUM(A1)" : "-", customFields: { budget: i * 10 },
    }));
    await bulkTagOperations(ctx, { target: { ids: [seeded[0]!.id] }, addTags: ["VIP", "Q3"], removeTags: [] }, { storage: files.storage });
    const filter: FilterNode = { field: "lifecycleStage", operator: "eq", value: "MQL" };

    const result = await exportContacts(ctx, { format: "csv", filters: filter, fields: ["email", "firstName", "lastName", "tags", "customFields.budget"] }, { ...options(), batchSize: 2 });
    expect(result).toMatchObject({ status: "succeeded", rowCount: 5 });
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    const url = new URL(result.downloadUrl!, "http://x");
    const check = verifyExportLink(secret, { exportId: result.exportId, w: url.searchParams.get("w"), e: url.searchParams.get("e"), s: url.searchParams.get("s") });
    expect(check).toMatchObject({ isValid: true, workspaceId: ctx.workspaceId });
    expect(verifyExportLink(secret, { exportId: result.exportId, w: url.searchParams.get("w"), e: url.searchParams.get("e"), s: url.searchParams.get("s") }, new Date(Date.now() + 2 * 86_400_000))).toEqual({ isValid: false, reason: "expired" });
    expect(verifyExportLink(secret, { exportId: crypto.randomUUID(), w: url.searchParams.get("w"), e: url.searchParams.get("e"), s: url.searchParams.get("s") })).toEqual({ isValid: false, reason: "invalid" });

    const job = await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: result.exportId });
    const file = await findFile(handle.db, { workspaceId: ctx.workspaceId, id: job!.result!.fileId as string });
    const csv = await text((await files.storage.source(file!.storageKey)).stream());
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("email,firstName,lastName,tags,customFields.budget");
    expect(lines).toHaveLength(6);
    const first = lines.find((line) => line.startsWith(seeded[0]!.email))!;
    expect(first).toBe(`${seeded[0]!.email},"'=HYPERLINK(""http://evil"")",'-,"Q3, VIP",0`);
    expect(lines.find((line) => line.startsWith(seeded[1]!.email))).toBe(`${seeded[1]!.email},Name1,'@SUM(A1),,10`);

    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, ctx.workspaceId), eq(auditLog.action, "export")));
    expect(audit).toMatchObject({ actorId: ctx.userId, entityId: result.exportId, metadata: { filters: filter, rowCount: 5 } });
    const link = { exportId: result.exportId, w: url.searchParams.get("w"), e: url.searchParams.get("e"), s: url.searchParams.get("s"), secret };
    const opened = await openExportDownload(handle.db, files.storage, link);
    expect(opened.ok && (await text(opened.stream))).toBe(csv);
    expect(await openExportDownload(handle.db, files.storage, { ...link, s: "forged" })).toMatchObject({ ok: false, status: 403 });
    const listed = await listExports(ctx, { first: 10 }, { linkSecret: secret });
    expect(listed.map((entry) => entry.exportId)).toEqual([result.exportId]);
  });

  it("refuses roles the workspace setting does not allow (admins only by default)", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const rep = await addTestMember(handle.db, ctx.workspaceId, "rep");
    const manager = await addTestMember(handle.db, ctx.workspaceId, "manager");
    await expect(exportContacts(rep, { format: "csv" }, options())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportContacts(manager, { format: "csv" }, options())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateWorkspaceSettings(ctx, { exportRoles: ["admin", "manager"] });
    await expect(exportContacts(manager, { format: "csv" }, options())).resolves.toMatchObject({ status: "succeeded" });
    await expect(exportContacts(rep, { format: "csv" }, options())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers TOO_MANY_REQUESTS with the time to wait after 5 exports in an hour", async () => {
    const ctx = await createTestWorkspace(handle.db);
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const rateLimiter = createMemoryRateLimiter(() => now);
    const run = () => exportContacts(ctx, { format: "csv" }, { ...options(), rateLimiter });
    for (let i = 0; i < 5; i++) await run();
    now += 20 * 60 * 1000;
    await expect(run()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/try again in 40 minute\(s\) \(retry after 2400 s\)/) });
    now += 40 * 60 * 1000;
    await expect(run()).resolves.toMatchObject({ status: "succeeded" });
  });
});
