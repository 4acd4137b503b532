import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { contacts, contactTags, tags } from "@/db/schema";
import type { Database } from "@/db/types";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestAuth, openTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { createLocalStorage } from "../files/storage";
import { handleUploadRequest } from "../files/upload";
import { watchJob } from "../jobs/progress";
import type { Identity } from "../trpc/identity";
import { createCallerFactory } from "../trpc/init";
import { appRouter } from "../trpc/root";

export const fixturesDir = path.resolve(process.cwd(), "../shared/fixtures/csv");

/**
 * The usual setup of a test file that imports: a fresh database opened before its tests and closed after
 * them (or Node never exits), and a temporary file store removed with it.
 */
export function importTestEnvironment() {
  const env = { handle: undefined as unknown as DatabaseHandle, files: createTemporaryFileStorage() };
  beforeAll(async () => {
    env.handle = await openTestDatabase();
  });
  afterAll(async () => {
    await env.handle?.close();
    env.files.cleanup();
  });
  return env;
}

/** Files go to a fresh temporary directory per test file (the services read HASTECRM_FILES_DIR). */
export function createTemporaryFileStorage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-files-"));
  process.env.HASTECRM_FILES_DIR = dir;
  return { dir, storage: createLocalStorage(dir), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function callerFor(db: Database, ctx: ServiceContext) {
  const identity: Identity = {
    userId: ctx.actor.userId, userName: ctx.actor.name, userEmail: null, via: "session",
    workspace: { id: ctx.workspaceId, name: "Test", actor: ctx.actor },
  };
  return createCallerFactory(appRouter)({ db, auth: createTestAuth(db), headers: new Headers(), identity });
}

/** Uploads bytes through the REST handler, as the wizard does. */
export async function upload(ctx: ServiceContext, storage: ReturnType<typeof createLocalStorage>, fileName: string, bytes: Uint8Array) {
  const req = new Request(`http://localhost/api/files?name=${encodeURIComponent(fileName)}`, {
    method: "POST", body: new Blob([new Uint8Array(bytes)]), headers: { "content-type": "text/csv" },
  });
  const res = await handleUploadRequest(ctx, storage, req);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { fileId: string }).fileId;
}

export async function waitForJob(db: Database, workspaceId: string, jobId: string) {
  let last;
  for await (const progress of watchJob(db, { workspaceId, jobId })) last = progress;
  return last!;
}

/** Every contact of the workspace with its tags, in a stable order: compared before and after an undo. */
export async function dumpContacts(db: Database, workspaceId: string) {
  const rows = await db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(asc(contacts.id));
  const links = await db
    .select({ contactId: contactTags.contactId, name: tags.name })
    .from(contactTags)
    .innerJoin(tags, and(eq(tags.workspaceId, contactTags.workspaceId), eq(tags.id, contactTags.tagId)))
    .where(eq(contactTags.workspaceId, workspaceId));
  return rows.map((row) => ({ ...row, tags: links.filter((l) => l.contactId === row.id).map((l) => l.name).sort() }));
}
