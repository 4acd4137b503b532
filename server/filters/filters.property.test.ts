import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { companies, companySizes, contacts, contactSources, contactTags, lifecycleStages, segmentMembers, segments, tags } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { addTestMember, createTestWorkspace, openTestDatabase } from "@/test/db";
import { createCustomFieldSchema } from "../custom-fields/schemas";
import { createCustomField } from "../custom-fields/service";
import { createFilterCatalogue } from "./catalogue";
import { conditionToSql } from "./compile";
import { evaluateCondition, type ContactFacts } from "./evaluate";
import { companyFields, contactFields } from "./fields";
import { parseFilter } from "./parse";
import { operatorsByKind, orderedEnumOperators, type FieldSpec, type FilterNode, type FilterOperator } from "./types";

/**
 * Property test: for a few hundred random criteria trees over a few hundred seeded contacts (with
 * companies, tags, segments, every custom field type, NULLs, empty strings, wrong-typed JSON and
 * LIKE wildcards in the data), the SQL the compiler writes selects exactly the contacts the in-memory
 * reference evaluator accepts.
 */
const SEED = 20240611;
const TREES = 400;
const NOW = new Date("2025-06-15T12:00:00.000Z");
const DAY = 86_400_000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;
const maybe = <T,>(p: number, value: () => T): T | null => (chance(p) ? value() : null);
const dateAround = (spreadDays: number) => new Date(NOW.getTime() + Math.round((random() * 2 - 1) * spreadDays * DAY));
const wobbleCase = (text: string) => [...text].map((c) => (chance(0.3) ? c.toUpperCase() : c.toLowerCase())).join("");

const words = ["Tech", "Acme", "Global", "North", "Data", "Labs", "50%_off", "a\\b", "Zeta", "Cloud", "Prime", "Nova"];
const cities = ["Paris", "Berlin", "London", "New York", "Lyon", "", "Tokyo"];
const optionValues = { plan: ["free", "pro", "enterprise"], interests: ["ai", "crm", "security", "data"] };

let handle: DatabaseHandle;
let ctx: ServiceContext;
let facts: Array<ContactFacts & { id: string }> = [];
let pools: { companyIds: string[]; userIds: string[]; tagIds: string[]; tagNames: string[]; segmentIds: string[]; contactIds: string[] };
let customSpecs: FieldSpec[] = [];

async function seed() {
  ctx = await createTestWorkspace(handle.db);
  const other = await addTestMember(handle.db, ctx.workspaceId, "rep");
  const userIds = [ctx.actor.userId, other.userId];
  const define = (input: Record<string, unknown>) => createCustomField(ctx, createCustomFieldSchema.parse(input));
  await define({ fieldName: "budget", label: "Budget", fieldType: "currency" });
  await define({ fieldName: "employees", label: "Employees", fieldType: "number" });
  await define({ fieldName: "renewal", label: "Renewal", fieldType: "date" });
  await define({ fieldName: "lastDemo", label: "Last demo", fieldType: "datetime" });
  await define({ fieldName: "vip", label: "VIP", fieldType: "boolean" });
  await define({ fieldName: "plan", label: "Plan", fieldType: "select", options: optionValues.plan.map((value) => ({ value, label: value.toUpperCase() })) });
  await define({ fieldName: "interests", label: "Interests", fieldType: "multiselect", options: optionValues.interests.map((value) => ({ value, label: value })) });
  await define({ fieldName: "notes", label: "Notes", fieldType: "text" });

  const companyRows = await handle.db.insert(companies).values(Array.from({ length: 16 }, (_, i) => ({
    workspaceId: ctx.workspaceId,
    name: `${pick(words)} ${pick(words)} ${i}`,
    industry: maybe(0.8, () => pick(["Software", "Retail", "Finance", ""])),
    companySize: maybe(0.8, () => pick(companySizes)),
    annualRevenueMicros: maybe(0.7, () => BigInt(int(0, 500)) * 1_000_000_000n),
    employeeCount: maybe(0.7, () => int(1, 5000)),
    foundedYear: maybe(0.7, () => int(1950, 2024)),
    country: maybe(0.7, () => pick(["FR", "DE", "US"])),
    createdAt: dateAround(400),
    deletedAt: i % 7 === 6 ? dateAround(30) : null,
  }))).returning({ id: companies.id });
  const companyIds = companyRows.map((r) => r.id);

  const tagNames = ["technology", "VIP", "newsletter", "churn-risk", "partner", "50%", "event_2024", "cold"];
  const tagRows = await handle.db.insert(tags).values(tagNames.map((name) => ({ workspaceId: ctx.workspaceId, name }))).returning({ id: tags.id });
  const tagIds = tagRows.map((r) => r.id);

  const customFields = (): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    if (chance(0.7)) values.budget = chance(0.8) ? { amount: int(0, 50) * 1000, currency: pick(["USD", "EUR"]) } : chance(0.5) ? int(0, 50) * 1000 : "n/a";
    if (chance(0.7)) values.employees = chance(0.9) ? int(0, 1000) + (chance(0.2) ? 0.5 : 0) : "many";
    if (chance(0.6)) values.renewal = dateAround(300).toISOString().slice(0, 10);
    if (chance(0.6)) values.lastDemo = dateAround(200).toISOString();
    if (chance(0.6)) values.vip = chance(0.9) ? chance(0.5) : "yes";
    if (chance(0.6)) values.plan = pick(optionValues.plan);
    if (chance(0.6)) values.interests = chance(0.9) ? optionValues.interests.filter(() => chance(0.4)) : "ai";
    if (chance(0.6)) values.notes = chance(0.9) ? `${pick(words)} ${pick(words)}` : 42;
    if (chance(0.1)) values.archivedLeftover = "kept";
    return values;
  };

  const contactRows = await handle.db.insert(contacts).values(Array.from({ length: 320 }, (_, i) => ({
    workspaceId: ctx.workspaceId,
    email: `person${i}@${pick(["example.com", "tech.io", "acme.org"])}`,
    firstName: maybe(0.85, () => pick(["Ada", "Grace", "Alan", "Linus", "Tim", ""])),
    lastName: maybe(0.85, () => pick(["Lovelace", "Hopper", "Turing", "Torvalds", "Berners-Lee"])),
    company: maybe(0.8, () => (chance(0.5) ? `${pick(words)} ${pick(words)}` : pick(words))),
    title: maybe(0.5, () => pick(["CTO", "VP Sales", "Engineer", ""])),
    city: maybe(0.7, () => pick(cities)),
    companyId: maybe(0.6, () => pick(companyIds)),
    source: pick(contactSources),
    score: int(0, 100),
    lifecycleStage: pick(lifecycleStages),
    ownerId: maybe(0.8, () => pick(userIds)),
    lastActivityAt: maybe(0.75, () => dateAround(500)),
    lastContactedAt: maybe(0.5, () => dateAround(200)),
    createdAt: dateAround(700),
    customFields: customFields(),
    deletedAt: i % 23 === 22 ? dateAround(10) : null,
  }))).returning({ id: contacts.id });
  const contactIds = contactRows.map((r) => r.id);

  const links = contactIds.flatMap((contactId) => tagIds.filter(() => chance(0.2)).map((tagId) => ({ workspaceId: ctx.workspaceId, contactId, tagId })));
  await handle.db.insert(contactTags).values(links);

  const [staticSegment] = await handle.db.insert(segments).values({ workspaceId: ctx.workspaceId, name: "Hand picked", isDynamic: false }).returning();
  await handle.db.insert(segmentMembers).values(contactIds.filter(() => chance(0.3)).map((contactId) => ({ workspaceId: ctx.workspaceId, segmentId: staticSegment!.id, contactId })));
  const [hot] = await handle.db.insert(segments).values({
    workspaceId: ctx.workspaceId, name: "Hot", isDynamic: true,
    criteria: { and: [{ field: "score", operator: "gte", value: 60 }, { field: "customFields.budget", operator: "gte", value: 10000 }] },
  }).returning();
  const [nested] = await handle.db.insert(segments).values({
    workspaceId: ctx.workspaceId, name: "Hot or picked", isDynamic: true,
    criteria: { or: [{ field: "segment", operator: "eq", value: hot!.id }, { field: "segment", operator: "in", value: [staticSegment!.id] }, { field: "city", operator: "isEmpty" }] },
  }).returning();
  pools = { companyIds, userIds, tagIds, tagNames, segmentIds: [staticSegment!.id, hot!.id, nested!.id], contactIds };
}

async function loadFacts() {
  const rows = await handle.db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt)));
  const companyRows = await handle.db.select().from(companies).where(and(eq(companies.workspaceId, ctx.workspaceId), isNull(companies.deletedAt)));
  const links = await handle.db.select().from(contactTags).where(eq(contactTags.workspaceId, ctx.workspaceId));
  const members = await handle.db.select().from(segmentMembers).where(eq(segmentMembers.workspaceId, ctx.workspaceId));
  facts = rows.map((row) => ({
    ...row,
    linkedCompany: companyRows.find((c) => c.id === row.companyId) ?? null,
    tagIds: links.filter((l) => l.contactId === row.id).map((l) => l.tagId),
    staticSegmentIds: members.filter((m) => m.contactId === row.id).map((m) => m.segmentId),
  }));
  const catalogue = createFilterCatalogue(handle.db, ctx.workspaceId);
  const { customFieldSpec } = await import("./fields");
  customSpecs = [];
  for (const name of ["budget", "employees", "renewal", "lastDemo", "vip", "plan", "interests", "notes"]) {
    customSpecs.push(customFieldSpec((await catalogue.customField(name))!));
  }
}

function sampleValue(field: FieldSpec): unknown {
  const someone = pick(facts);
  const source = field.source;
  const stored = source.type === "contact" ? someone[source.column] : source.type === "company" ? someone.linkedCompany?.[source.column] : source.type === "custom" ? someone.customFields[source.fieldName] : null;
  switch (field.kind) {
    case "text": {
      const text = typeof stored === "string" && stored !== "" ? stored : pick(words);
      return chance(0.5) ? wobbleCase(text) : text;
    }
    case "number": {
      if (field.key === "company.annualRevenue") return int(0, 500) * 1000;
      if (field.key === "customFields.budget") return int(0, 50) * 1000;
      if (typeof stored === "number" && chance(0.6)) return stored;
      return field.integer ? int(0, field.key === "company.foundedYear" ? 2024 : 1000) : int(0, 1000) + (chance(0.2) ? 0.5 : 0);
    }
    case "datetime":
    case "date": {
      const date = stored instanceof Date ? stored : typeof stored === "string" ? new Date(stored) : dateAround(400);
      if (chance(0.5)) return date.toISOString().slice(0, 10);
      return chance(0.5) ? date.toISOString() : dateAround(400).toISOString();
    }
    case "boolean": return chance(0.5);
    case "enum": return chance(0.2) ? wobbleCase(pick(field.enumValues!)) : pick(field.enumValues!);
    case "id":
      if (field.key === "companyId") return pick(pools.companyIds);
      if (field.key === "id") return pick(pools.contactIds);
      return pick(pools.userIds);
    default: return null;
  }
}

function randomLeaf(): FilterNode {
  const fields = [...contactFields, ...companyFields, ...customSpecs].filter((f) => f.key !== "segment" || chance(0.5));
  const field = pick(fields);
  const operators: readonly FilterOperator[] = [...operatorsByKind[field.kind], ...(field.isOrdered ? orderedEnumOperators : [])];
  const operator = pick(operators);
  if (operator === "isEmpty" || operator === "isNotEmpty") return { field: field.key, operator };
  if (field.kind === "segment") {
    const value = operator === "in" || operator === "notIn" ? pools.segmentIds.filter(() => chance(0.5)).concat(pick(pools.segmentIds)) : pick(pools.segmentIds);
    return { field: field.key, operator, value };
  }
  if (field.kind === "set") {
    const count = int(1, 3);
    const value = field.key === "tags"
      ? Array.from({ length: count }, () => (chance(0.5) ? pick(pools.tagIds) : chance(0.9) ? wobbleCase(pick(pools.tagNames)) : "no-such-tag"))
      : Array.from({ length: count }, () => pick(optionValues.interests));
    return { field: field.key, operator, value };
  }
  if (operator === "inLast" || operator === "moreThanAgo" || operator === "inNext") {
    return { field: field.key, operator, value: { n: int(0, 400), unit: pick(["days", "weeks", "months"] as const) } };
  }
  if (operator === "between") {
    if (field.kind === "date" || field.kind === "datetime") {
      const asDay = chance(0.5);
      const [a, b] = [dateAround(400), dateAround(400)].map((d) => (asDay ? d.toISOString().slice(0, 10) : d.toISOString())).sort();
      return { field: field.key, operator, value: [a, b] };
    }
    const pair = [sampleValue(field), sampleValue(field)];
    const ordered = field.kind === "enum"
      ? pair.sort((x, y) => field.enumValues!.findIndex((v) => v.toLowerCase() === String(x).toLowerCase()) - field.enumValues!.findIndex((v) => v.toLowerCase() === String(y).toLowerCase()))
      : pair.sort((x, y) => Number(x) - Number(y));
    return { field: field.key, operator, value: ordered };
  }
  if (operator === "in" || operator === "notIn") return { field: field.key, operator, value: Array.from({ length: int(1, 3) }, () => sampleValue(field)) };
  if (operator === "contains" || operator === "notContains" || operator === "startsWith" || operator === "endsWith") {
    const text = String(sampleValue(field));
    const start = operator === "startsWith" ? 0 : int(0, Math.max(0, text.length - 1));
    const end = operator === "endsWith" ? text.length : int(start + 1, text.length);
    return { field: field.key, operator, value: text.slice(start, end) || text };
  }
  return { field: field.key, operator, value: sampleValue(field) };
}

function randomTree(depth: number): FilterNode {
  if (depth === 0 || chance(0.35)) return randomLeaf();
  const children = Array.from({ length: int(1, 4) }, () => randomTree(depth - 1));
  return chance(0.5) ? { and: children } : { or: children };
}

async function sqlIds(tree: FilterNode) {
  const parsed = await parseFilter(createFilterCatalogue(handle.db, ctx.workspaceId), tree, { now: NOW });
  const select = async (firstRows: boolean) => {
    const condition = conditionToSql(parsed.condition, { workspaceId: ctx.workspaceId, firstRows });
    const rows = await handle.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), condition));
    return rows.map((r) => r.id).sort();
  };
  const ids = await select(false);
  // The page form (correlated subqueries under OR) must select exactly the same rows.
  expect(await select(true), `firstRows form of ${JSON.stringify(tree)}`).toEqual(ids);
  return { sql: ids, reference: facts.filter((f) => evaluateCondition(parsed.condition, f)).map((f) => f.id).sort() };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await seed();
  await loadFacts();
}, 120_000);
afterAll(async () => handle?.close());

describe("filter engine: SQL equals the reference evaluator", () => {
  it(`agrees on ${TREES} random trees (seed ${SEED})`, async () => {
    let nonTrivial = 0;
    for (let i = 0; i < TREES; i++) {
      const tree = randomTree(3);
      let result;
      try {
        result = await sqlIds(tree);
      } catch (error) {
        throw new Error(`tree #${i} failed: ${JSON.stringify(tree)}\n${(error as Error).message}`);
      }
      if (result.sql.length > 0 && result.sql.length < facts.length) nonTrivial++;
      if (JSON.stringify(result.sql) !== JSON.stringify(result.reference)) {
        const onlySql = result.sql.filter((id) => !result.reference.includes(id));
        const onlyRef = result.reference.filter((id) => !result.sql.includes(id));
        const sample = facts.find((f) => f.id === (onlySql[0] ?? onlyRef[0]));
        expect.fail(`tree #${i} disagrees: ${JSON.stringify(tree)}\nonly in SQL: ${onlySql.length}, only in reference: ${onlyRef.length}\nfirst: ${JSON.stringify(sample, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
      }
    }
    // The generator must produce trees that actually discriminate, or agreement proves little.
    expect(nonTrivial).toBeGreaterThan(TREES / 3);
  }, 300_000);

  it("covers every field and operator the catalogue offers", async () => {
    for (const field of [...contactFields, ...companyFields, ...customSpecs]) {
      const operators = [...operatorsByKind[field.kind], ...(field.isOrdered ? orderedEnumOperators : [])];
      for (const operator of operators) {
        let leaf: FilterNode | null = null;
        for (let attempt = 0; attempt < 50 && !leaf; attempt++) {
          const candidate = randomLeaf() as { field: string; operator: string };
          if (candidate.field === field.key && candidate.operator === operator) leaf = candidate as FilterNode;
        }
        if (!leaf) {
          const value = operator === "isEmpty" || operator === "isNotEmpty" ? undefined
            : field.kind === "segment" ? (operator === "in" || operator === "notIn" ? [pools.segmentIds[0]] : pools.segmentIds[2])
            : field.kind === "set" ? [field.key === "tags" ? pools.tagNames[0] : "ai"]
            : ["inLast", "moreThanAgo", "inNext"].includes(operator) ? { n: 30, unit: "days" }
            : operator === "between" ? [sampleValue(field), sampleValue(field)].sort()
            : operator === "in" || operator === "notIn" ? [sampleValue(field)]
            : ["contains", "notContains", "startsWith", "endsWith"].includes(operator) ? String(sampleValue(field)).slice(0, 2)
            : sampleValue(field);
          leaf = { field: field.key, operator, value } as FilterNode;
        }
        const result = await sqlIds(leaf).catch((error: Error) => {
          // Random `between` bounds can come out reversed for dates given as instants; that is a validation error, not a disagreement.
          if (operator === "between" && /low ≤ high|from ≤ to/.test(error.message)) return null;
          throw new Error(`${field.key} ${operator}: ${error.message}`);
        });
        if (result) expect(result.sql, `${field.key} ${operator} ${JSON.stringify(leaf)}`).toEqual(result.reference);
      }
    }
  }, 300_000);

  it("treats LIKE wildcards in the search text literally", async () => {
    const { sql: ids, reference } = await sqlIds({ field: "company", operator: "contains", value: "50%_off" });
    expect(ids).toEqual(reference);
    const literal = facts.filter((f) => typeof f.company === "string" && f.company.toLowerCase().includes("50%_off"));
    expect(ids.length).toBe(literal.length);
    const wildcardOnly = await sqlIds({ field: "company", operator: "contains", value: "%" });
    expect(wildcardOnly.sql.length).toBe(facts.filter((f) => typeof f.company === "string" && f.company.includes("%")).length);
  });

  it("binds hostile values as data", async () => {
    const hostile = "x' or '1'='1";
    const { sql: ids } = await sqlIds({ or: [{ field: "city", operator: "eq", value: hostile }, { field: "company", operator: "contains", value: hostile }] });
    expect(ids).toEqual([]);
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(contacts);
    expect(row!.n).toBeGreaterThan(0);
  });
});
