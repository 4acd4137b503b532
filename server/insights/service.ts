import { lifecycleStages } from "@/db/schema";
import { and, sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { conditionToSql } from "../filters/compile";
import { prepareContactFilter } from "../filters/filter";
import type { FilterNode } from "../filters/types";
import { getView } from "../views/service";
import { getSegment } from "../segments/service";
import { countAddedPerWeek, countByLifecycleStage, countByScoreBucket, topCompanies, topTags } from "./queries";
import type { ContactInsightsInput } from "./schemas";

const WEEKS = 26;
const DAY = 86_400_000;

/** Monday 00:00 UTC of the week holding `now`. */
function weekStart(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - ((now.getUTCDay() + 6) % 7) * DAY);
}

/** The filters an insights request combines, each validated on its own so errors keep their paths. */
async function buildCondition(ctx: ServiceContext, input: ContactInsightsInput): Promise<SQL> {
  const trees: unknown[] = [];
  if (input.viewId) {
    const view = await getView(ctx, { id: input.viewId });
    if (view.filters) trees.push(view.filters);
  }
  if (input.segmentId) {
    await getSegment(ctx, { id: input.segmentId });
    trees.push({ field: "segment", operator: "eq", value: input.segmentId });
  }
  const parts: SQL[] = [];
  for (const tree of trees) parts.push(conditionToSql((await prepareContactFilter(ctx, tree)).condition, { workspaceId: ctx.workspaceId }));
  if (input.filters) parts.push(conditionToSql((await prepareContactFilter(ctx, input.filters)).condition, { workspaceId: ctx.workspaceId }));
  return and(...parts) ?? sql`true`;
}

/**
 * Charts for any filter, view or segment, computed with the same compiled condition as the table.
 * Every bucket carries the `filter` that narrows the table to it, so a click on a chart is one more
 * condition in the filter tree.
 */
export async function getContactInsights(ctx: ServiceContext, input: ContactInsightsInput, now = new Date()) {
  const condition = await buildCondition(ctx, input);
  const scope = { workspaceId: ctx.workspaceId, condition };
  const firstWeek = new Date(weekStart(now).getTime() - (WEEKS - 1) * 7 * DAY);
  const [stages, scores, companyRows, tagRows, weekRows] = await Promise.all([
    countByLifecycleStage(ctx.db, scope),
    countByScoreBucket(ctx.db, scope),
    topCompanies(ctx.db, scope, input.top),
    topTags(ctx.db, scope, input.top),
    countAddedPerWeek(ctx.db, scope, firstWeek),
  ]);

  const funnel = lifecycleStages.map((stage) => ({
    stage,
    count: stages.find((row) => row.stage === stage)?.count ?? 0,
    filter: { field: "lifecycleStage", operator: "eq", value: stage } satisfies FilterNode,
  }));
  const scoreHistogram = Array.from({ length: 10 }, (_, bucket) => {
    const low = bucket * 10;
    const high = bucket === 9 ? 100 : low + 9;
    return {
      low, high,
      count: scores.find((row) => Number(row.bucket) === bucket)?.count ?? 0,
      filter: { field: "score", operator: "between", value: [low, high] } satisfies FilterNode,
    };
  });
  const companiesTop = companyRows.map((row) => ({
    companyId: row.companyId,
    name: row.name,
    count: row.count,
    filter: (row.companyId
      ? { field: "companyId", operator: "eq", value: row.companyId }
      : { field: "company", operator: "eq", value: row.name }) satisfies FilterNode,
  }));
  const tagsTop = tagRows.map((row) => ({
    ...row,
    filter: { field: "tags", operator: "includes", value: [row.tagId] } satisfies FilterNode,
  }));
  const addedPerWeek = Array.from({ length: WEEKS }, (_, index) => {
    const start = new Date(firstWeek.getTime() + index * 7 * DAY);
    const end = new Date(start.getTime() + 7 * DAY);
    const key = start.toISOString().slice(0, 10);
    return {
      weekStart: key,
      count: weekRows.find((row) => row.week === key)?.count ?? 0,
      filter: {
        and: [
          { field: "createdAt", operator: "gte", value: start.toISOString() },
          { field: "createdAt", operator: "lt", value: end.toISOString() },
        ],
      } satisfies FilterNode,
    };
  });
  return {
    total: funnel.reduce((sum, row) => sum + row.count, 0),
    funnel,
    scoreHistogram,
    topCompanies: companiesTop,
    topTags: tagsTop,
    addedPerWeek,
  };
}
