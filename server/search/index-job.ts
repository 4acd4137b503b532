import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db/types";
import { runOnce } from "../jobs/ledger";
import { publishJobChange } from "../jobs/progress";
import { dispatchJob } from "../jobs/dispatch";
import { findJob, incrementJobCounts, insertJob, updateJob, type JobRow } from "../jobs/queries";
import type { JobDeps, JobRef, JobStep } from "../jobs/step";

/** A search_index job refreshes the contacts another job (an import) wrote with the search refresh deferred. */
export interface SearchIndexJobInput extends Record<string, unknown> {
  /** The job whose audit rows list the contacts: an import's "import" rows (created ids) and update/restore rows. */
  sourceJobId: string;
}

/** Contacts per step: an import's creation audit row lists up to 5,000, an update row one. */
const CONTACTS_PER_STEP = 5_000;

const contactActions = ["import", "update", "restore"] as const;
const listedCount = sql`case when ${auditLog.metadata} ? 'created' then jsonb_array_length(${auditLog.metadata}->'created') else 1 end`;

const sourceRows = (ref: JobRef, sourceJobId: string, after: string | null) =>
  and(
    eq(auditLog.workspaceId, ref.workspaceId),
    eq(auditLog.jobId, sourceJobId),
    eq(auditLog.entityType, "contact"),
    inArray(auditLog.action, [...contactActions]),
    after ? gt(auditLog.id, after) : undefined,
  );

/**
 * The next contacts the source job wrote, as listed by its audit rows after `cursor` (in id order):
 * whole audit rows until about CONTACTS_PER_STEP contacts, so a step's transaction stays short.
 */
async function nextContacts(db: Executor, ref: JobRef, sourceJobId: string, cursor: string | null, perStep: number) {
  const page = db
    .select({
      id: auditLog.id, entityId: auditLog.entityId, created: sql<string[] | null>`${auditLog.metadata}->'created'`.as("created"),
      listed: sql<number>`${listedCount}`.as("listed"),
      upTo: sql<number>`sum(${listedCount}) over (order by ${auditLog.id})`.as("up_to"),
    })
    .from(auditLog)
    .where(sourceRows(ref, sourceJobId, cursor))
    .orderBy(asc(auditLog.id))
    .limit(perStep)
    .as("page");
  const rows = await db
    .select({ id: page.id, entityId: page.entityId, created: page.created })
    .from(page)
    .where(sql`${page.upTo} - ${page.listed} < ${perStep}`)
    .orderBy(asc(page.id));
  const ids = rows.flatMap((r) => (Array.isArray(r.created) ? r.created : r.entityId ? [r.entityId] : []));
  const last = rows.at(-1)?.id ?? cursor;
  const more = rows.length > 0 && (await db.select({ id: auditLog.id }).from(auditLog).where(sourceRows(ref, sourceJobId, last)).limit(1)).length > 0;
  return { ids, cursor: last, done: !more };
}

/** How many contacts the source job lists, for the progress bar. */
async function countContacts(db: Executor, ref: JobRef, sourceJobId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${listedCount}), 0)::int` })
    .from(auditLog)
    .where(sourceRows(ref, sourceJobId, null));
  return Number(row?.n ?? 0);
}

/** The same refresh the triggers run, for many contacts at once; soft-deleted ones lose their search rows. */
export async function refreshContactSearch(tx: Executor, workspaceId: string, ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += CONTACTS_PER_STEP) {
    const chunk = ids.slice(start, start + CONTACTS_PER_STEP);
    const literal = `{${chunk.join(",")}}`;
    const workspaces = `{${chunk.map(() => workspaceId).join(",")}}`;
    await tx.execute(sql`select contact_search_refresh(${workspaces}::uuid[], ${literal}::uuid[], false)`);
    await tx.execute(sql`select contact_embedding_enqueue(${workspaces}::uuid[], ${literal}::uuid[], false)`);
  }
}

interface IndexStepOutput {
  cursor: string | null;
  done: boolean;
  indexed: number;
}

/**
 * The job: count, then refresh the listed contacts step by step (each step in one transaction with its
 * ledger row, so a replay never counts twice), then finish. It does not stop on cancel: stopping would
 * leave contacts that search never finds, so the jobs service refuses to cancel it.
 */
export async function runSearchIndexJob(deps: JobDeps & { contactsPerStep?: number }, ref: JobRef, step: JobStep) {
  const perStep = deps.contactsPerStep ?? CONTACTS_PER_STEP;
  const start = await step.run("start", async () => {
    const job = await findJob(deps.db, ref);
    if (!job) throw new Error(`search index job ${ref.jobId} does not exist`);
    const input = job.input as SearchIndexJobInput;
    const total = await countContacts(deps.db, ref, input.sourceJobId);
    await updateJob(deps.db, ref, { status: "running", startedAt: job.startedAt ?? new Date(), totalCount: total });
    publishJobChange(ref);
    return { sourceJobId: input.sourceJobId, total };
  });
  let cursor: string | null = null;
  let indexed = 0;
  for (let index = 0; ; index++) {
    const at = cursor;
    const output: IndexStepOutput = await step.run(`index-${index}`, () =>
      runOnce(deps.db, ref, `index-${index}`, async (tx) => {
        const next = await nextContacts(tx, ref, start.sourceJobId, at, perStep);
        await refreshContactSearch(tx, ref.workspaceId, next.ids);
        await incrementJobCounts(tx, ref, { processed: next.ids.length, success: next.ids.length, error: 0, skipped: 0 });
        return { cursor: next.cursor, done: next.done, indexed: next.ids.length };
      }).finally(() => publishJobChange(ref)),
    );
    indexed += output.indexed;
    if (output.done) break;
    cursor = output.cursor;
  }
  return step.run("finish", async () => {
    await updateJob(deps.db, ref, { status: "succeeded", progress: 1, finishedAt: new Date(), result: { indexed } });
    publishJobChange(ref);
    return { status: "succeeded" as const, indexed };
  });
}

/**
 * Queues the search refresh of what `source` wrote, once however often its finishing step is replayed
 * (the new job's id is kept in the source job's ledger), and starts it on the source job's runner.
 */
/** Where the source job's ledger keeps the id of its search_index job. */
const SEARCH_INDEX_STEP = "search-index";
export const SEARCH_INDEX_LEDGER_KEY = `commit:${SEARCH_INDEX_STEP}`;

export async function startSearchIndexJob(deps: JobDeps, source: Pick<JobRow, "workspaceId" | "id" | "runner" | "actorId">) {
  const sourceRef = { workspaceId: source.workspaceId, jobId: source.id };
  const jobId = await runOnce(deps.db, sourceRef, SEARCH_INDEX_STEP, async (tx) => {
    const input: SearchIndexJobInput = { sourceJobId: source.id };
    const job = await insertJob(tx, { workspaceId: source.workspaceId, kind: "search_index", runner: source.runner, input, actorId: source.actorId });
    return job.id;
  });
  return dispatchJob(deps, { workspaceId: source.workspaceId, jobId, kind: "search_index", runner: source.runner });
}
