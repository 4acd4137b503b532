import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, jobSteps } from "@/db/schema";
import { createTestWorkspace, testDatabaseKind } from "@/test/db";
import { findJob } from "../jobs/queries";
import { importContacts, previewImport } from "./service";
import { upload, importTestEnvironment } from "./test-helpers";

const env = importTestEnvironment();

// PostgreSQL only: PGlite takes the INSERT … ON CONFLICT path, which has no such race.
describe.runIf(testDatabaseKind() === "postgres")("an import's COPY racing another writer", () => {
  it("fails the batch with the unique violation (no hang), and the retried batch skips the contact the other writer created", async () => {
    const ctx = await createTestWorkspace(env.handle.db);
    const csv = "Email,First Name\nfirst@example.com,First\nraced@example.com,Importer\nlast@example.com,Last\n";
    const fileId = await upload(ctx, env.files.storage, "race.csv", new TextEncoder().encode(csv));
    const preview = await previewImport(ctx, { fileId }, { storage: env.files.storage });

    // Another writer has inserted the same email and not committed yet: the import's lookup cannot see
    // it, and its COPY waits on that row until the writer commits, then violates the unique index.
    let commit!: () => void;
    let importId = "";
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const writer = env.handle.db.transaction(async (tx) => {
      await tx.insert(contacts).values({ workspaceId: ctx.workspaceId, email: "raced@example.com", firstName: "Writer" });
      await committed;
    });
    try {
      const started = await importContacts(
        ctx,
        { fileId, mapping: preview.suggestedMapping, newCustomFields: [], options: { updateExisting: false, skipInvalid: true, notifyOnComplete: false, matchOn: "email", tags: [] } },
        { storage: env.files.storage, localRun: { retry: { attempts: 3, baseDelayMs: 10 } } },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      commit();
      await writer;
      await started.done;
      importId = started.importId;
    } finally {
      commit();
      await writer.catch(() => {});
    }

    const job = await findJob(env.handle.db, { workspaceId: ctx.workspaceId, jobId: importId });
    expect(job).toMatchObject({ status: "succeeded", processedCount: 3 });
    expect(job!.result).toMatchObject({ counts: { created: 2, skipped: 1 } });
    // The first attempt of the batch is the one that met the other writer's row.
    const [write] = await env.handle.db.select().from(jobSteps).where(and(eq(jobSteps.workspaceId, ctx.workspaceId), eq(jobSteps.jobId, importId), eq(jobSteps.stepId, "write-0")));
    expect(write!.attempts).toBe(2);
    const raced = await env.handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.email, "raced@example.com")));
    expect(raced.map((c) => c.firstName)).toEqual(["Writer"]);
    const all = await env.handle.db.select({ email: contacts.email }).from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId));
    expect(all.map((c) => c.email).sort()).toEqual(["first@example.com", "last@example.com", "raced@example.com"]);
  });
});
