/**
 * Import throughput on PostgreSQL: a generated clean CSV (HubSpot-style headers, as in
 * ../shared/fixtures/csv/update_existing.csv) imported end to end — upload streamed to storage, format
 * scan, validation, batched upserts with audit rows — beside a plain COPY of the same rows into the
 * contacts table itself (another workspace), measured in the same run. Peak RSS is the import process's.
 *
 *   npx tsx bench/scenarios/import.ts --rows 100000 [--without-search-triggers]
 *   (BENCH_DATABASE_URL, DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import type { Faker } from "@faker-js/faker";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { copyValue } from "@/db/copy";
import { migrate } from "@/db/migrate";
import { and, eq, sql } from "drizzle-orm";
import { jobs, memberships, users, workspaces } from "@/db/schema";
import type { Database } from "@/db/types";
import type { ServiceContext } from "@/server/context";
import { storeUpload } from "@/server/files/service";
import { createLocalStorage } from "@/server/files/storage";
import { findJob } from "@/server/jobs/queries";
import { importContacts, previewImport } from "@/server/imports/service";
import { runJsonChild } from "../lib/child";

export interface ImportBenchResult {
  scenario: "import";
  rows: number;
  searchTriggers: boolean;
  fileBytes: number;
  importSeconds: number;
  importRowsPerSecond: number;
  endToEndSeconds: number;
  endToEndRowsPerSecond: number;
  /** After the import ends, until its search_index job has made every imported contact searchable. */
  searchIndexSeconds: number;
  /** COPY of the same rows into contacts itself: the target's baseline. */
  copySeconds: number;
  copyRowsPerSecond: number;
  ratioToCopy: number;
  /** COPY into a bare copy of the table (indexes without the foreign keys every contact row is checked against). */
  bareCopySeconds: number;
  bareCopyRowsPerSecond: number;
  ratioToBareCopy: number;
  peakRssMb: number;
  baselineRssMb: number;
  status: string;
  created: number;
  target: { ratioToCopy: number; peakRssMb: number };
  passed: boolean;
}

const HEADERS = ["Email", "First Name", "Last Name", "Company Name", "Job Title", "HubSpot Score", "Phone Number", "City", "Country/Region"];

interface GeneratedRow {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  score: number;
  phone: string;
  city: string;
  country: string;
}

// faker is loaded only by the generating process, so the measured child does not carry it.
const loadFaker = async () => (await import("@faker-js/faker")).fakerEN;

function* generateRows(faker: Faker, count: number): Generator<GeneratedRow> {
  faker.seed(1001);
  for (let i = 0; i < count; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const local = `${firstName}.${lastName}`.normalize("NFKD").replace(/[^A-Za-z.]/g, "").toLowerCase() || "contact";
    yield {
      email: `${local}.${i}@${faker.internet.domainName()}`,
      firstName, lastName,
      company: faker.company.name(),
      title: faker.person.jobTitle(),
      score: faker.number.int({ min: 0, max: 100 }),
      phone: `+1 ${faker.string.numeric(3)}-555-${faker.string.numeric(4)}`,
      city: faker.location.city(),
      country: "United States",
    };
  }
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

async function writeCsv(file: string, rows: number) {
  const faker = await loadFaker();
  async function* lines() {
    yield `${HEADERS.join(",")}\n`;
    let chunk = "";
    for (const r of generateRows(faker, rows)) {
      chunk += `${[r.email, r.firstName, r.lastName, r.company, r.title, r.score, r.phone, r.city, r.country].map(csvCell).join(",")}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), fs.createWriteStream(file));
  return fs.statSync(file).size;
}

/** The columns the import writes for each new contact (the id comes from the column default here). */
const COPY_COLUMNS = "workspace_id, email, first_name, last_name, company, title, phone, city, country, source, custom_fields, owner_id, created_by, source_details";

/**
 * The same rows as COPY text with everything the import writes per contact (owner, creator, where it
 * came from), written to a file first so the baseline times COPY alone, not the generator.
 */
async function writeCopyFile(file: string, rows: number, ids: { workspaceId: string; userId: string }) {
  const faker = await loadFaker();
  async function* lines() {
    let chunk = "";
    let row = 1;
    for (const r of generateRows(faker, rows)) {
      const custom = JSON.stringify({ score: r.score });
      const source = JSON.stringify({ importId: ids.workspaceId, fileName: "contacts.csv", row: ++row });
      chunk += `${[ids.workspaceId, r.email.toLowerCase(), r.firstName, r.lastName, r.company, r.title, r.phone, r.city, r.country, "import", custom, ids.userId, ids.userId, source].map(copyValue).join("\t")}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), fs.createWriteStream(file));
}

/** Seconds for `COPY table FROM` the file, inside a transaction that `prepare` sets up; rolled back afterwards. */
async function timeCopy(url: string, table: string, file: string, prepare?: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let seconds = 0;
    await sql.begin(async (tx) => {
      if (prepare) await tx.unsafe(prepare);
      const start = performance.now();
      const writable = await tx.unsafe(`copy ${table} (${COPY_COLUMNS}) from stdin`).writable();
      await pipeline(fs.createReadStream(file), writable);
      seconds = (performance.now() - start) / 1000;
      throw new RolledBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
    // Rebuilt, so the next measurement (another baseline run, then the import) starts from the same
    // empty table and indexes as this one did.
    await sql.unsafe(`vacuum full ${table}`);
    return seconds;
  } finally {
    await sql.end();
  }
}

class RolledBack extends Error {}

export async function runImportBench(options: { rows: number; databaseUrl?: string; searchTriggers?: boolean }): Promise<ImportBenchResult> {
  const adminUrl = options.databaseUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const dbName = `hastecrm_bench_import_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = openPostgres(url.toString(), { max: 4 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-bench-import-"));
  try {
    await migrate(handle.db, { log: () => {} });
    const [user] = await handle.db.insert(users).values({ id: crypto.randomUUID(), name: "Bench Admin", email: `bench-${Date.now()}@bench.local` }).returning();
    const [workspace] = await handle.db.insert(workspaces).values({ name: "Bench", slug: `bench-${Date.now()}` }).returning();
    await handle.db.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: "admin" });
    const ctx: ServiceContext = { db: handle.db, workspaceId: workspace!.id, actor: { type: "user", userId: user!.id, name: user!.name, role: "admin" } };
    const csvFile = path.join(dir, "contacts.csv");
    const fileBytes = await writeCsv(csvFile, options.rows);

    // Baselines, measured in this run: a plain COPY of the same rows into the contacts table itself
    // (its indexes and foreign keys; the search refresh deferred as the import defers it), and, for
    // reference, into a bare copy of the table (LIKE … INCLUDING ALL: the indexes, no foreign keys).
    const copyFile = path.join(dir, "contacts.copy");
    await writeCopyFile(copyFile, options.rows, { workspaceId: workspace!.id, userId: user!.id });
    const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await raw.unsafe(`create table contacts_copy_bench (like contacts including all)`);
    const bareCopySeconds = await timeCopy(url.toString(), "contacts_copy_bench", copyFile);
    await raw.unsafe(`drop table contacts_copy_bench`);
    // The better of two runs: a slow baseline would flatter the import.
    const deferred = "select set_config('hastecrm.search_deferred', 'on', true)";
    const copySeconds = Math.min(await timeCopy(url.toString(), "contacts", copyFile, deferred), await timeCopy(url.toString(), "contacts", copyFile, deferred));
    // The search index's statement triggers on contacts (0004_search) cost more than the import itself;
    // `searchTriggers: false` measures the importer alone, like for like with the COPY above.
    if (!options.searchTriggers) await raw.unsafe(`alter table contacts disable trigger user`);
    await raw.end();

    // The import runs in a child process that loads only the app, so its peak RSS is the importer's
    // own (this process holds faker and the generator).
    const child = await runChild({ databaseUrl: url.toString(), workspaceId: ctx.workspaceId, userId: user!.id, userName: user!.name, csvFile, filesDir: path.join(dir, "files") });
    const importSeconds = child.importSeconds;
    const endToEndSeconds = child.endToEndSeconds;
    const peakRss = child.maxRssBytes;
    const baselineRss = child.baselineRssBytes;
    const job = child.job;
    const copyRowsPerSecond = options.rows / copySeconds;
    const bareCopyRowsPerSecond = options.rows / bareCopySeconds;
    const importRowsPerSecond = options.rows / importSeconds;
    const result: ImportBenchResult = {
      scenario: "import",
      rows: options.rows,
      searchTriggers: Boolean(options.searchTriggers),
      fileBytes,
      importSeconds: round(importSeconds),
      importRowsPerSecond: Math.round(importRowsPerSecond),
      endToEndSeconds: round(endToEndSeconds),
      endToEndRowsPerSecond: Math.round(options.rows / endToEndSeconds),
      searchIndexSeconds: round(child.searchIndexSeconds),
      copySeconds: round(copySeconds),
      copyRowsPerSecond: Math.round(copyRowsPerSecond),
      ratioToCopy: round(options.rows / endToEndSeconds / copyRowsPerSecond),
      bareCopySeconds: round(bareCopySeconds),
      bareCopyRowsPerSecond: Math.round(bareCopyRowsPerSecond),
      ratioToBareCopy: round(options.rows / endToEndSeconds / bareCopyRowsPerSecond),
      peakRssMb: Math.round(peakRss / 1048576),
      baselineRssMb: Math.round(baselineRss / 1048576),
      status: job.status,
      created: job.created,
      target: { ratioToCopy: 0.7, peakRssMb: 400 },
      passed: false,
    };
    result.passed = result.status === "succeeded" && result.created === options.rows && result.ratioToCopy >= 0.7 && result.peakRssMb <= 400;
    return result;
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

interface ChildArgs {
  databaseUrl: string;
  workspaceId: string;
  userId: string;
  userName: string;
  csvFile: string;
  filesDir: string;
}

interface ChildResult {
  importSeconds: number;
  searchIndexSeconds: number;
  endToEndSeconds: number;
  maxRssBytes: number;
  baselineRssBytes: number;
  job: { status: string; created: number };
}

/**
 * The server's V8 setting (package.json `dev`/`start`): a 4 MB young generation. With V8's default the
 * batches an import holds across awaits are promoted, and the old generation fills with ~150 MB of
 * garbage before a full collection (live heap stays near 40 MB); peak RSS 404–440 MB instead of 330–355.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=4"];

const runChild = (args: ChildArgs) => runJsonChild<ChildResult>(fileURLToPath(import.meta.url), "--child", args, SERVER_NODE_FLAGS);

/** When the search_index job the import queued has finished (performance.now() time). */
async function waitForSearchIndex(db: Database, workspaceId: string, importId: string): Promise<number> {
  for (;;) {
    const [row] = await db.select({ status: jobs.status }).from(jobs)
      .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.kind, "search_index"), sql`${jobs.input}->>'sourceJobId' = ${importId}`));
    if (row && row.status !== "queued" && row.status !== "running") {
      if (row.status !== "succeeded") throw new Error(`search index job ${row.status}`);
      return performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The measured part: upload (streamed), preview, import job on the in-process runner. */
async function childImport(args: ChildArgs): Promise<ChildResult> {
  const handle = openPostgres(args.databaseUrl, { max: 4 });
  try {
    const ctx: ServiceContext = { db: handle.db, workspaceId: args.workspaceId, actor: { type: "user", userId: args.userId, name: args.userName, role: "admin" } };
    const storage = createLocalStorage(args.filesDir);
    const baselineRssBytes = process.memoryUsage().rss;
    const endToEndStart = performance.now();
    const file = await storeUpload(ctx, storage, { fileName: "contacts.csv", contentType: "text/csv", body: fs.createReadStream(args.csvFile) });
    const preview = await previewImport(ctx, { fileId: file.id }, { storage });
    const importStart = performance.now();
    const started = await importContacts(
      ctx,
      { fileId: file.id, mapping: preview.suggestedMapping, newCustomFields: preview.newCustomFields, options: { updateExisting: false, skipInvalid: true, notifyOnComplete: false, matchOn: "email", tags: [] } },
      { storage },
    );
    await started.done;
    const end = performance.now();
    const job = await findJob(handle.db, { workspaceId: ctx.workspaceId, jobId: started.importId });
    // The import defers the search refresh to a search_index job (started as the import finishes):
    // the contacts are in the table, lists and filters when the import ends, in search when this does.
    const searchIndexSeconds = (await waitForSearchIndex(handle.db, ctx.workspaceId, started.importId) - end) / 1000;
    return {
      importSeconds: (end - importStart) / 1000,
      endToEndSeconds: (end - endToEndStart) / 1000,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      baselineRssBytes,
      searchIndexSeconds,
      job: { status: job?.status ?? "missing", created: Number((job?.result?.counts as { created?: number } | undefined)?.created ?? 0) },
    };
  } finally {
    await handle.close();
  }
}

/** For bench/run.ts's registry. */
export const importScenario = {
  name: "import",
  description: "CSV import end to end on PostgreSQL vs a plain COPY of the same rows; peak RSS",
  run: (options: { rows?: number; databaseUrl?: string; searchTriggers?: boolean } = {}) =>
    runImportBench({ rows: options.rows ?? 100_000, databaseUrl: options.databaseUrl, searchTriggers: options.searchTriggers ?? true }),
};

const childAt = process.argv.indexOf("--child");
if (childAt > 0) {
  childImport(JSON.parse(process.argv[childAt + 1]!) as ChildArgs)
    .then((result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--rows");
  const rows = at > 0 ? Number(process.argv[at + 1]) : 100_000;
  runImportBench({ rows, searchTriggers: !process.argv.includes("--without-search-triggers") })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(result.passed ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
