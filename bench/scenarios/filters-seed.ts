/**
 * Data for the filter benchmark, generated inside PostgreSQL (INSERT … SELECT over generate_series), so
 * a million contacts take about a minute instead of streaming rows from Node. Deterministic: the
 * session's random() is seeded. Custom fields are then defined through the real service, so their
 * expression indexes are built by the same code path a workspace admin triggers.
 */
import { sql } from "drizzle-orm";
import { memberships, users, workspaces } from "@/db/schema";
import { queryRows } from "@/db/sql";
import type { Database } from "@/db/types";
import type { ServiceContext } from "@/server/context";
import { ensureCustomFieldIndexes } from "@/server/custom-fields/queries";
import { createCustomFieldSchema } from "@/server/custom-fields/schemas";
import { createCustomField } from "@/server/custom-fields/service";

export const BENCH_TAGS = ["technology", "VIP", "Decision maker", "Hot lead", "Newsletter", "Enterprise", "SMB", "Churn risk", "Partner", "Referral", "Follow-up", "Webinar attendee"];
/** Share of contacts carrying each tag, in BENCH_TAGS order. */
const TAG_SHARE = [0.08, 0.05, 0.2, 0.06, 0.3, 0.15, 0.15, 0.02, 0.03, 0.04, 0.05, 0.1];

export interface BenchWorkspace {
  ctx: ServiceContext;
  contacts: number;
  seeded: boolean;
  seedSeconds: number;
}

async function countLive(db: Database, workspaceId: string) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts where workspace_id = ${workspaceId}::uuid`);
  return row?.n ?? 0;
}

/** Finds the workspace seeded for `contacts` rows by an earlier run, or seeds a new one. */
export async function ensureBenchWorkspace(db: Database, options: { contacts: number; log?: (line: string) => void }): Promise<BenchWorkspace> {
  const log = options.log ?? (() => {});
  const slug = `bench-filters-${options.contacts}`;
  const existing = await queryRows<{ id: string; user_id: string; name: string }>(db, sql`select w.id, m.user_id, u.name from workspaces w
    join memberships m on m.workspace_id = w.id join users u on u.id = m.user_id where w.slug = ${slug} limit 1`);
  if (existing[0] && (await countLive(db, existing[0].id)) === options.contacts) {
    const ctx: ServiceContext = { db, workspaceId: existing[0].id, actor: { type: "user", userId: existing[0].user_id, name: existing[0].name, role: "admin" } };
    await ensureCustomFieldIndexes(db, { workspaceId: ctx.workspaceId });
    return { ctx, contacts: options.contacts, seeded: false, seedSeconds: 0 };
  }
  if (existing[0]) await db.delete(workspaces).where(sql`${workspaces.id} = ${existing[0].id}::uuid`);

  const started = Date.now();
  const userId = crypto.randomUUID();
  await db.insert(users).values({ id: userId, name: "Filter bench", email: `bench-filters-${userId}@bench.local`, emailVerified: true });
  const [workspace] = await db.insert(workspaces).values({ name: `Filter bench (${options.contacts})`, slug }).returning();
  const workspaceId = workspace!.id;
  await db.insert(memberships).values({ workspaceId, userId, role: "admin" });
  const ctx: ServiceContext = { db, workspaceId, actor: { type: "user", userId, name: "Filter bench", role: "admin" } };

  const companyCount = Math.max(50, Math.round(options.contacts / 25));
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    await tx.execute(sql`insert into companies (workspace_id, name, industry, employee_count, country, created_at)
      select ${workspaceId}::uuid,
        (array['Tech','Acme','Global','Data','Nova','Prime','Cloud','North','Blue','Summit','Fin','Bio'])[1 + floor(random() * 12)::int]
          || (array['works',' Labs',' Systems',' Group',' Technologies',' Partners',' AG',' Inc'])[1 + floor(random() * 8)::int] || ' ' || g,
        (array['Software','Retail','Finance','Health','Manufacturing','Education'])[1 + floor(random() * 6)::int],
        (10 + floor(random() * random() * 20000))::int,
        (array['US','GB','DE','FR','ES','NL'])[1 + floor(random() * 6)::int],
        now() - random() * interval '1500 days'
      from generate_series(1, ${companyCount}::int) g`);
    log(`companies: ${companyCount}`);
    const batch = 250_000;
    for (let offset = 0; offset < options.contacts; offset += batch) {
      const n = Math.min(batch, options.contacts - offset);
      await tx.execute(sql`with co as (select array_agg(id order by created_at, id) as ids, array_agg(name order by created_at, id) as names, count(*)::int as n from companies where workspace_id = ${workspaceId}::uuid),
        rows as (select g, random() as r1, random() as r2, random() as r3, random() as r4, 1 + floor(random() * (select n from co))::int as k from generate_series(${offset + 1}::int, ${offset + n}::int) g)
        insert into contacts (workspace_id, email, first_name, last_name, company, company_id, score, lifecycle_stage, source,
          last_activity_at, created_at, updated_at, custom_fields)
        select ${workspaceId}::uuid,
          'contact' || g || '@bench' || (g % 97) || '.example',
          (array['Ada','Grace','Alan','Linus','Tim','Barbara','Ken','Margaret','Dennis','Frances'])[1 + (g % 10)],
          (array['Lovelace','Hopper','Turing','Torvalds','Lee','Liskov','Thompson','Hamilton','Ritchie','Allen'])[1 + ((g / 10) % 10)],
          case when r1 < 0.7 then co.names[k] when r1 < 0.78 then 'Techno ' || (g % 500) else (array['Freelance','Self-employed','Consulting','Studio'])[1 + (g % 4)] end,
          case when r1 < 0.7 then co.ids[k] end,
          floor(r2 * 101)::int,
          (array['lead','lead','lead','MQL','MQL','SQL','opportunity','customer','customer','evangelist'])[1 + floor(r3 * 10)::int]::lifecycle_stage,
          (array['manual','import','import','website','email','api','linkedin','enrichment'])[1 + (g % 8)]::record_source,
          case when r4 < 0.8 then now() - random() * interval '900 days' end,
          now() - random() * interval '1100 days',
          now() - random() * interval '30 days',
          case when random() < 0.55 then jsonb_build_object('budget', jsonb_build_object('amount', round((5000 - ln(1 - random() * 0.999) * 40000) / 500) * 500, 'currency', 'USD')) else '{}'::jsonb end
            || case when random() < 0.3 then jsonb_build_object('seats', 3 + floor(random() * 400)::int) else '{}'::jsonb end
            || case when random() < 0.35 then jsonb_build_object('projectTimeline', to_char(current_date + (random() * 600 - 200)::int, 'YYYY-MM-DD')) else '{}'::jsonb end
            || case when random() < 0.7 then jsonb_build_object('leadSource', (array['organic_search','paid_ads','webinar','referral','cold_outreach','trade_show','partner'])[1 + floor(random() * 7)::int]) else '{}'::jsonb end
        from rows, co`);
      log(`contacts: ${offset + n}`);
    }
    const tagIds = await tx.execute(sql`insert into tags (workspace_id, name) select ${workspaceId}::uuid, unnest(${sql`array[${sql.join(BENCH_TAGS.map((t) => sql`${t}`), sql`, `)}]::text[]`}) returning id, name`);
    const tagRows = (Array.isArray(tagIds) ? tagIds : (tagIds as { rows: unknown[] }).rows) as Array<{ id: string; name: string }>;
    for (const [index, name] of BENCH_TAGS.entries()) {
      const tag = tagRows.find((row) => row.name === name)!;
      await tx.execute(sql`insert into contact_tags (workspace_id, contact_id, tag_id, created_at)
        select workspace_id, id, ${tag.id}::uuid, created_at from contacts where workspace_id = ${workspaceId}::uuid and random() < ${TAG_SHARE[index]!}::float8`);
    }
    log("tags linked");
  });

  const define = (input: Record<string, unknown>) => createCustomField(ctx, createCustomFieldSchema.parse(input));
  await define({ fieldName: "budget", label: "Budget", fieldType: "currency", currency: "USD" });
  await define({ fieldName: "seats", label: "Seats", fieldType: "number" });
  await define({ fieldName: "projectTimeline", label: "Project timeline", fieldType: "date" });
  await define({
    fieldName: "leadSource", label: "Lead source", fieldType: "select",
    options: ["organic_search", "paid_ads", "webinar", "referral", "cold_outreach", "trade_show", "partner"].map((value) => ({ value, label: value })),
  });
  log("custom fields defined (expression indexes built)");
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze contact_tags`);
  await db.execute(sql`vacuum analyze companies`);
  return { ctx, contacts: options.contacts, seeded: true, seedSeconds: (Date.now() - started) / 1000 };
}
