import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { errorRowsCsv } from "./errors-csv";
import { callerFor, fixturesDir, upload, createTemporaryFileStorage } from "./test-helpers";

let handle: DatabaseHandle;
const files = createTemporaryFileStorage();
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  files.cleanup();
});

const pipedrive = fs.readFileSync(path.join(fixturesDir, "pipedrive_people.csv"));
const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, "pipedrive_people.expected.json"), "utf8"));

describe("imports API", () => {
  it("dry-runs, imports with live progress, notifies, and serves the failed rows as CSV", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const api = callerFor(handle.db, ctx);
    const fileId = await upload(ctx, files.storage, "pipedrive_people.csv", pipedrive);
    const preview = await api.imports.preview({ fileId });
    expect(preview.detectedSource?.id).toBe("pipedrive");
    expect(preview.columns.find((c) => c.header === "Person - Budget")).toMatchObject({ target: "customFields.budget", samples: expect.arrayContaining(["1250000"]) });
    const input = { fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { tags: ["Pipedrive import"], notifyOnComplete: true } };

    const dry = await api.imports.dryRun(input);
    expect(dry).toMatchObject({
      totalRows: 200, toCreate: expected.valid_unique_email_rows, toUpdate: 0, toSkip: 0,
      invalid: expected.invalid_email_rows, missing: expected.missing_email_rows, duplicates: expected.duplicate_rows,
    });

    const started = await api.imports.importContacts(input);
    const events = [];
    for await (const event of await api.imports.importProgress({ importId: started.importId })) events.push(event);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ status: "succeeded", progress: 1, processedRows: 200, successCount: expected.valid_unique_email_rows, errorCount: 18 });
    expect(events.map((e) => e.processedRows)).toEqual([...events.map((e) => e.processedRows)].sort((a, b) => a - b));

    const list = await api.imports.list({ first: 10 });
    expect(list.nodes[0]).toMatchObject({ importId: started.importId, fileName: "pipedrive_people.csv", status: "succeeded", startedBy: { id: ctx.actor.userId } });
    const notes = await api.notifications.list({ first: 5 });
    expect(notes.nodes[0]).toMatchObject({ kind: "import.succeeded", link: `/imports/${started.importId}` });

    const { body, fileName } = await errorRowsCsv(ctx, files.storage, { importId: started.importId });
    let text = "";
    for await (const chunk of body) text += chunk;
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(fileName).toBe("pipedrive_people-errors.csv");
    expect(rows[0]!.slice(-2)).toEqual(["Row", "Error"]);
    expect(rows).toHaveLength(1 + expected.invalid_email_rows + expected.missing_email_rows + expected.duplicate_rows);
    expect(rows.slice(1).every((r) => /email: /.test(r.at(-1)!))).toBe(true);
  });

  it("reuses a saved mapping template when the same headers come back", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const api = callerFor(handle.db, ctx);
    const fileId = await upload(ctx, files.storage, "pipedrive_people.csv", pipedrive);
    const preview = await api.imports.preview({ fileId });
    const mapping = { ...preview.suggestedMapping, "Person - Owner": null };
    await api.imports.saveTemplate({ name: "Pipedrive", headers: preview.headers, mapping });
    const again = await api.imports.preview({ fileId: await upload(ctx, files.storage, "again.csv", pipedrive) });
    expect(again.template?.name).toBe("Pipedrive");
    expect(again.suggestedMapping["Person - Owner"]).toBeNull();
    expect(await api.imports.templates()).toHaveLength(1);
  });

  it("keeps imports to admins", async () => {
    const admin = await createTestWorkspace(handle.db);
    const rep = await addTestMember(handle.db, admin.workspaceId, "rep");
    const fileId = await upload(admin, files.storage, "pipedrive_people.csv", pipedrive);
    await expect(callerFor(handle.db, rep).imports.preview({ fileId })).rejects.toThrow(/Only admins can import contacts/);
  });

  it("writes nothing when skipInvalid is off and a row is invalid, and reports every error", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const api = callerFor(handle.db, ctx);
    const fileId = await upload(ctx, files.storage, "pipedrive_people.csv", pipedrive);
    const preview = await api.imports.preview({ fileId });
    const started = await api.imports.importContacts({ fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { skipInvalid: false } });
    for await (const _ of await api.imports.importProgress({ importId: started.importId })) void _;
    const result = await api.imports.get({ importId: started.importId });
    expect(result).toMatchObject({ status: "failed", counts: { created: 0, invalid: expected.invalid_email_rows, missing: expected.missing_email_rows } });
    expect(result.error).toMatch(/nothing was imported/);
    const contacts = await api.contacts.list({ first: 5 });
    expect(contacts.totalCount).toBe(0);
    const errors = await api.imports.issues({ importId: started.importId, severity: "error", first: 500 });
    expect(new Set(errors.nodes.map((e) => e.row)).size).toBe(expected.invalid_email_rows + expected.missing_email_rows);
  });

  it("matches on an external id custom field when asked, restores soft-deleted contacts, and adds option tags", async () => {
    const ctx = await createTestWorkspace(handle.db);
    const api = callerFor(handle.db, ctx);
    const run = async (csv: string, options: Record<string, unknown>) => {
      const fileId = await upload(ctx, files.storage, "people.csv", new TextEncoder().encode(csv));
      const preview = await api.imports.preview({ fileId });
      const started = await api.imports.importContacts({ fileId, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options });
      for await (const _ of await api.imports.importProgress({ importId: started.importId })) void _;
      return api.imports.get({ importId: started.importId });
    };
    const first = await run("Email,First Name,External ID\nann@x.io,Ann,A-1\nbo@x.io,Bo,B-2\n", {});
    expect(first.counts).toMatchObject({ created: 2 });
    const bo = (await api.contacts.list({ first: 10 })).nodes.find((c) => c.email === "bo@x.io")!;
    await api.contacts.delete({ id: bo.id });

    const second = await run("Email,First Name,External ID\nann.new@x.io,Annie,A-1\nBO@x.io,Bob,B-9\n", {
      updateExisting: true, matchOn: "customFields.externalId", tags: ["Reimported"],
    });
    expect(second.counts).toMatchObject({ created: 0, updated: 1, restored: 1 });
    const contacts = (await api.contacts.list({ first: 10 })).nodes;
    expect(contacts.map((c) => [c.email, c.firstName]).sort()).toEqual([["ann.new@x.io", "Annie"], ["bo@x.io", "Bob"]]);
    expect(contacts.find((c) => c.email === "bo@x.io")!.id).toBe(bo.id);
    const profile = await api.contacts.get({ id: bo.id });
    expect(profile.tags.map((t) => t.name)).toEqual(["Reimported"]);
  });
});
