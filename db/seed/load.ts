import type { Database, Executor } from "@/db/types";
import { ensureCustomFieldIndexes } from "@/server/custom-fields/queries";
import { contactCore, DealCache } from "./contacts";
import { createLayout, generateCompanies, generateContactBatch, generateFixtures, seededContactId, type SeedPlan } from "./generate";
import {
  analyzeSeededTables, batchRowCount, canSkipForeignKeyChecks, findDanglingReferences, insertCompanies, insertContactBatch, insertFixtures,
  refreshCompanyLastActivity, skipForeignKeyChecks,
} from "./insert";
import { countSeeded } from "./progress";

export interface LoadOptions {
  /** Contacts per transaction; memory stays flat at roughly this many contacts' rows. */
  batchSize?: number;
  log?: (message: string) => void;
  /** Foreign-key triggers are switched off during the load where that is safe (see canSkipForeignKeyChecks); false keeps them on. */
  skipForeignKeyChecks?: boolean;
}

export interface LoadReport {
  /** How many contacts were already there (an earlier, interrupted run). */
  resumedFrom: number;
  contactsInserted: number;
  rowsInserted: number;
  seconds: number;
}

async function finishLoad(tx: Executor, workspaceId: string, isUnchecked: boolean) {
  if (isUnchecked) {
    const dangling = await findDanglingReferences(tx, workspaceId);
    if (dangling.length > 0) throw new Error(`the seeded data has dangling references (${dangling.join(", ")}); this is a generator bug`);
  }
  await refreshCompanyLastActivity(tx, workspaceId);
  await analyzeSeededTables(tx);
}

export async function countSeededContacts(db: Database, plan: SeedPlan): Promise<number> {
  return countSeeded(db, plan.workspaceId, "contacts", plan.contacts + 1);
}

/**
 * Streams the plan into the database: fixtures, then companies, then contacts with their activities,
 * emails, notes, tasks, deals, tags and audit entries, one transaction per batch. Picks up where an
 * interrupted run stopped. Finishes with the derived columns, statistics and custom-field indexes.
 */
export async function loadSeedPlan(db: Database, plan: SeedPlan, options: LoadOptions = {}): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 1000;
  const started = performance.now();
  let rows = 0;

  const contactsDone = await countSeededContacts(db, plan);
  if (contactsDone > plan.contacts) {
    throw new Error(`workspace ${plan.workspaceId} holds more than ${plan.contacts} generated contacts; use another workspace name for this size`);
  }
  if (contactsDone === plan.contacts) {
    // Cheap when they exist; builds them if an earlier run stopped before this step (or predates it).
    await ensureCustomFieldIndexes(db, { workspaceId: plan.workspaceId });
    return { resumedFrom: contactsDone, contactsInserted: 0, rowsInserted: 0, seconds: 0 };
  }
  const layout = createLayout(plan);
  if (contactsDone > 0) {
    // A workspace seeded with another size has other names at the same indexes: refuse rather than mix them.
    const expected = contactCore(layout, contactsDone - 1, new DealCache(layout)).row.email;
    const [existing] = await db.query.contacts.findMany({
      columns: { email: true },
      where: (c, { and, eq }) => and(eq(c.workspaceId, plan.workspaceId), eq(c.id, seededContactId(plan.workspaceId, contactsDone - 1))),
      limit: 1,
    });
    if (existing?.email !== expected) {
      throw new Error(`workspace ${plan.workspaceId} was seeded with a different plan (another contact count or seed); use another workspace name`);
    }
  }
  const isUnchecked = options.skipForeignKeyChecks !== false && (await canSkipForeignKeyChecks(db));
  if (isUnchecked) log("foreign-key checks off during the load; references are verified at the end");
  await insertFixtures(db, generateFixtures(plan));
  const companiesDone = contactsDone > 0 ? plan.companies : await countSeeded(db, plan.workspaceId, "companies", plan.companies);
  for (let start = companiesDone; start < plan.companies; start += batchSize) {
    const batch = generateCompanies(layout, start, batchSize);
    await db.transaction(async (tx) => {
      if (isUnchecked) await skipForeignKeyChecks(tx);
      await insertCompanies(tx, batch);
    });
    rows += batch.length;
  }
  if (plan.companies > companiesDone) log(`companies: ${plan.companies - companiesDone} inserted`);
  if (contactsDone > 0) log(`resuming after ${contactsDone} contacts already in place`);

  let lastReport = performance.now();
  let generating = 0;
  let inserting = 0;
  for (let start = contactsDone; start < plan.contacts; start += batchSize) {
    const generated = performance.now();
    const batch = generateContactBatch(layout, start, batchSize);
    const inserted = performance.now();
    const isLast = start + batchSize >= plan.contacts;
    await db.transaction(async (tx) => {
      if (isUnchecked) await skipForeignKeyChecks(tx);
      await insertContactBatch(tx, batch);
      // The finishing steps commit with the last contact, whose presence is what marks a workspace
      // complete: a run stopped before them leaves it incomplete, and the next run does them.
      if (isLast) await finishLoad(tx, plan.workspaceId, isUnchecked);
    });
    generating += inserted - generated;
    inserting += performance.now() - inserted;
    rows += batchRowCount(batch);
    const done = Math.min(plan.contacts, start + batchSize);
    if (performance.now() - lastReport > 5000 || done === plan.contacts) {
      lastReport = performance.now();
      const seconds = (lastReport - started) / 1000;
      log(
        `contacts: ${done}/${plan.contacts} (${Math.round((done / plan.contacts) * 100)}%), ${rows} rows, ` +
          `${Math.round((done - contactsDone) / seconds)} contacts/s (generating ${Math.round(generating / 1000)} s, inserting ${Math.round(inserting / 1000)} s), ` +
          `RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`,
      );
    }
  }

  const indexes = await ensureCustomFieldIndexes(db, { workspaceId: plan.workspaceId });
  if (indexes > 0) log(`custom fields: ${indexes} expression index(es) built`);
  return { resumedFrom: contactsDone, contactsInserted: plan.contacts - contactsDone, rowsInserted: rows, seconds: (performance.now() - started) / 1000 };
}
