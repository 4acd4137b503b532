import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { createTestWorkspace, openTestDatabase } from "@/test/db";
import { callerFor, dumpContacts, fixturesDir, upload, createTemporaryFileStorage, waitForJob } from "./test-helpers";

interface Sidecar {
  file: string;
  encoding: string;
  delimiter: string;
  header_row_index: number;
  total_data_rows: number;
  valid_unique_email_rows: number;
  invalid_email_rows: number;
  missing_email_rows: number;
  duplicate_rows: number;
  mapping_by_column: Record<string, string | null>;
  matching_existing_rows?: number;
  new_rows?: number;
  changes?: { email: string; title: [string, string]; score: [number, number] }[];
}

const sidecar = (file: string): Sidecar => JSON.parse(fs.readFileSync(path.join(fixturesDir, file.replace(/\.csv$/, ".expected.json")), "utf8"));
const exportFixtures = JSON.parse(fs.readFileSync(path.join(fixturesDir, "manifest.json"), "utf8")).files
  .map((f: { file: string }) => f.file)
  .filter((f: string) => f !== "update_existing.csv") as string[];

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

async function importThroughApi(ctx: Awaited<ReturnType<typeof createTestWorkspace>>, file: string, options: Record<string, unknown> = {}) {
  const api = callerFor(handle.db, ctx);
  const fileId = await upload(ctx, files.storage, file, fs.readFileSync(path.join(fixturesDir, file)));
  const preview = await api.imports.preview({ fileId });
  const started = await api.imports.importContacts({
    fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { skipInvalid: true, ...options },
  });
  const progress = await waitForJob(handle.db, ctx.workspaceId, started.importId);
  const result = await api.imports.get({ importId: started.importId });
  return { api, fileId, preview, started, progress, result };
}

describe.each(exportFixtures)("%s imported through the API with the suggested mapping", (file) => {
  const expected = sidecar(file);

  it("reads the file as its sidecar describes and suggests its mapping", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const api = callerFor(handle.db, ctx);
    const fileId = await upload(ctx, files.storage, file, fs.readFileSync(path.join(fixturesDir, file)));
    const preview = await api.imports.preview({ fileId });
    expect(preview.format.encoding).toBe(expected.encoding);
    expect(preview.format.delimiter).toBe(expected.delimiter);
    expect(preview.format.headerRow - 1).toBe(expected.header_row_index);
    expect(preview.format.totalRows).toBe(expected.total_data_rows);
    expect(preview.rows).toHaveLength(20);
    const mapped = Object.entries(expected.mapping_by_column).filter(([column, field]) => column && field !== null);
    const agreeing = mapped.filter(([column, field]) => preview.suggestedMapping[column] === field);
    expect(agreeing.length / mapped.length).toBeGreaterThanOrEqual(0.9);
    // Columns the sidecar ignores are ignored too.
    for (const [column, field] of Object.entries(expected.mapping_by_column)) {
      if (column && field === null) expect(preview.suggestedMapping[column] ?? null).toBeNull();
    }
  });

  it("creates exactly the valid unique rows and reports the rest with their row numbers", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const { started, progress, result, api } = await importThroughApi(ctx, file);
    expect(started.totalRows).toBe(expected.total_data_rows);
    expect(started.validRows).toBe(expected.valid_unique_email_rows + expected.duplicate_rows);
    if (process.env.SHOW_COUNTS) console.log(file, JSON.stringify(result.counts), JSON.stringify(result.issueRows));
    expect(progress.status).toBe("succeeded");
    expect(result.counts).toMatchObject({
      rows: expected.total_data_rows,
      created: expected.valid_unique_email_rows,
      invalid: expected.invalid_email_rows,
      missing: expected.missing_email_rows,
      duplicates: expected.duplicate_rows,
    });
    const [live] = await handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt)));
    expect(live!.count).toBe(expected.valid_unique_email_rows);
    const issues = await api.imports.issues({ importId: started.importId, first: 500 });
    const failedRows = new Set(issues.nodes.filter((i) => i.severity !== "warning").map((i) => i.row));
    expect(failedRows.size).toBe(expected.invalid_email_rows + expected.missing_email_rows + expected.duplicate_rows);
    // Row numbers are spreadsheet rows: past the header, and unique per failed row.
    for (const row of failedRows) expect(row).toBeGreaterThan(expected.header_row_index + 1);
    const sample = await handle.db.select().from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId)).limit(1);
    expect(sample[0]).toMatchObject({ source: "import", sourceDetails: { importId: started.importId, fileName: file } });
  });
});

describe("update_existing.csv after the HubSpot and Google imports", () => {
  it("updates and creates exactly as its sidecar says, and undo restores the workspace exactly", { timeout: 120_000 }, async () => {
    const expected = sidecar("update_existing.csv");
    const ctx = await createTestWorkspace(handle.db);
    await importThroughApi(ctx, "hubspot_contacts.csv");
    await importThroughApi(ctx, "google_contacts.csv");
    const before = await dumpContacts(handle.db, ctx.workspaceId);

    const { result, started, api } = await importThroughApi(ctx, "update_existing.csv", { updateExisting: true });
    expect(result.counts).toMatchObject({ rows: 500, created: expected.new_rows, updated: expected.matching_existing_rows, invalid: 0, duplicates: 0 });
    for (const change of expected.changes!.slice(0, 25)) {
      const [row] = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.email, change.email), isNull(contacts.deletedAt)));
      expect(row?.title).toBe(change.title[1]);
      expect(row?.customFields.score).toBe(change.score[1]);
    }

    const undo = await api.imports.undo({ importId: started.importId, force: false });
    expect(undo.status).toBe("started");
    const undone = await waitForJob(handle.db, ctx.workspaceId, undo.undoJobId!);
    expect(undone.status).toBe("succeeded");
    expect(await dumpContacts(handle.db, ctx.workspaceId)).toEqual(before);
    const after = await api.imports.get({ importId: started.importId });
    expect(after.undo).toMatchObject({ status: "succeeded" });
    await expect(api.imports.undo({ importId: started.importId, force: false })).rejects.toThrow(/already undone/);
  });
});
