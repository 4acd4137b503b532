import { describe, expect, it } from "vitest";
import type { Condition } from "./ast";
import { evaluateCondition, type ContactFacts } from "./evaluate";
import { FilterValidationError, parseFilter, parseSegmentCriteria, type CatalogueSegment, type FilterCatalogue } from "./parse";

const NOW = new Date("2025-06-15T12:00:00.000Z");
const SEGMENT_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const SEGMENT_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const TAG_ID = "11111111-1111-4111-8111-111111111111";

function catalogue(segments: Record<string, CatalogueSegment> = {}): FilterCatalogue {
  return {
    async customField(name) {
      if (name === "budget") return { fieldName: "budget", label: "Budget", fieldType: "currency", options: [], archivedAt: null };
      if (name === "plan") return { fieldName: "plan", label: "Plan", fieldType: "select", options: [{ value: "pro", label: "Pro" }], archivedAt: null };
      if (name === "old") return { fieldName: "old", label: "Old", fieldType: "number", options: [], archivedAt: new Date() };
      return null;
    },
    async resolveTags(refs) {
      return new Map(refs.map((ref) => [ref, ref.toLowerCase() === "technology" || ref === TAG_ID ? TAG_ID : null]));
    },
    async segment(id) {
      return segments[id] ?? null;
    },
  };
}

async function problems(tree: unknown, segments?: Record<string, CatalogueSegment>) {
  try {
    await parseFilter(catalogue(segments), tree, { now: NOW });
  } catch (error) {
    if (error instanceof FilterValidationError) return error.message;
    throw error;
  }
  return null;
}

const facts = (values: Partial<ContactFacts>): ContactFacts =>
  ({ customFields: {}, linkedCompany: null, tagIds: [], staticSegmentIds: [], ...values }) as ContactFacts;

async function matches(tree: unknown, values: Partial<ContactFacts>) {
  const parsed = await parseFilter(catalogue(), tree, { now: NOW });
  return evaluateCondition(parsed.condition as Condition, facts(values));
}

describe("validation errors name the path and the reason", () => {
  it("reports `and[2].or[0].value: expected a number for score`", async () => {
    const message = await problems({
      and: [
        { field: "score", operator: "gte", value: 10 },
        { field: "city", operator: "eq", value: "Paris" },
        { or: [{ field: "score", operator: "eq", value: "high" }] },
      ],
    });
    expect(message).toBe("and[2].or[0].value: expected a number for score");
  });

  it.each([
    [{ field: "shoeSize", operator: "eq", value: 4 }, 'field: unknown field "shoeSize"'],
    [{ field: "customFields.nope", operator: "eq", value: 4 }, 'field: no custom field "nope" on contacts'],
    [{ field: "customFields.old", operator: "gt", value: 4 }, 'field: custom field "old" is archived; restore it or remove this condition'],
    [{ field: "score", operator: "contains", value: "4" }, 'operator: "contains" does not apply to score'],
    [{ field: "score", operator: "like", value: "4" }, "operator: expected one of eq, neq"],
    [{ field: "score", operator: "gte" }, 'value: is required for "gte" on score'],
    [{ field: "score", operator: "gte", value: 70.5 }, "value: expected a whole number for score"],
    [{ field: "score", operator: "between", value: [90, 10] }, "value: expected [low, high] with low ≤ high for score"],
    [{ field: "score", operator: "between", value: [1, "x"] }, "value[1]: expected a number for score"],
    [{ field: "lifecycleStage", operator: "in", value: ["lead", "hot"] }, "value[1]: expected one of lead, MQL, SQL, opportunity, customer, evangelist for lifecycleStage"],
    [{ field: "lastActivityAt", operator: "gte", value: "last tuesday" }, "value: expected a date (YYYY-MM-DD) or an ISO 8601 date-time for lastActivityAt"],
    [{ field: "lastActivityAt", operator: "inLast", value: { n: -3, unit: "days" } }, 'value: expected {n, unit: "days" | "weeks" | "months"}'],
    [{ field: "customFields.plan", operator: "eq", value: "gold" }, "value: expected one of pro for customFields.plan"],
    [{ field: "companyId", operator: "eq", value: "42" }, "value: expected an id for companyId"],
    [{ field: "tags", operator: "includes", value: [] }, "value: expected a non-empty list for tags"],
    [{ field: "score", operator: "eq", value: 1, extra: true }, "extra: is not part of a condition"],
    [{ and: [], or: [] }, 'filters: a group has either "and" or "or", not both'],
    [{ and: {} }, "and: expected an array of conditions"],
    [[1, 2], "filters: expected {and: [...]}, {or: [...]} or {field, operator, value}"],
  ])("%j → %s", async (tree, expected) => {
    expect(await problems(tree)).toContain(expected);
  });

  it("lists every problem at once", async () => {
    const message = await problems({ or: [{ field: "x", operator: "eq", value: 1 }, { field: "score", operator: "eq", value: "y" }] });
    expect(message).toBe('or[0].field: unknown field "x"; or[1].value: expected a number for score');
  });

  it("bounds depth and size", async () => {
    let deep: unknown = { field: "score", operator: "eq", value: 1 };
    for (let i = 0; i < 10; i++) deep = { and: [deep] };
    expect(await problems(deep)).toMatch(/groups nest at most 8 deep/);
    const wide = { or: Array.from({ length: 201 }, () => ({ field: "score", operator: "eq", value: 1 })) };
    expect(await problems(wide)).toMatch(/at most 200 conditions/);
  });

  it("refuses a segment whose criteria reach back to itself", async () => {
    const segments = {
      [SEGMENT_A]: { id: SEGMENT_A, name: "A", isDynamic: true, criteria: { field: "segment", operator: "eq", value: SEGMENT_B } },
      [SEGMENT_B]: { id: SEGMENT_B, name: "B", isDynamic: true, criteria: { field: "segment", operator: "in", value: [SEGMENT_A] } },
    };
    expect(await problems({ field: "segment", operator: "eq", value: SEGMENT_A }, segments)).toMatch(/segment "A" includes itself/);
    await expect(parseSegmentCriteria(catalogue(segments), { field: "segment", operator: "eq", value: SEGMENT_B }, SEGMENT_A))
      .rejects.toThrow(/includes itself/);
  });

  it("names a missing segment", async () => {
    expect(await problems({ field: "segment", operator: "eq", value: SEGMENT_A })).toBe(`value: no segment ${SEGMENT_A} in this workspace`);
  });
});

describe("lenient parsing for saved views", () => {
  it("drops conditions on archived or missing fields, and groups left empty, and says so", async () => {
    const parsed = await parseFilter(catalogue(), {
      and: [
        { field: "score", operator: "gte", value: 50 },
        { field: "customFields.old", operator: "gt", value: 1 },
        { or: [{ field: "customFields.gone", operator: "eq", value: "x" }] },
      ],
    }, { lenient: true, now: NOW });
    expect(parsed.tree).toEqual({ and: [{ field: "score", operator: "gte", value: 50 }] });
    expect(parsed.dropped.map((d) => [d.path, d.field])).toEqual([["and[1].field", "customFields.old"], ["and[2].or[0].field", "customFields.gone"]]);
  });
});

describe("semantics", () => {
  it("reads a date-only value for an instant field as the whole UTC day", async () => {
    const lateOn31st = new Date("2024-01-31T23:59:59.999Z");
    expect(await matches({ field: "lastActivityAt", operator: "lte", value: "2024-01-31" }, { lastActivityAt: lateOn31st })).toBe(true);
    expect(await matches({ field: "lastActivityAt", operator: "gt", value: "2024-01-31" }, { lastActivityAt: lateOn31st })).toBe(false);
    expect(await matches({ field: "lastActivityAt", operator: "eq", value: "2024-01-31" }, { lastActivityAt: lateOn31st })).toBe(true);
    expect(await matches({ field: "lastActivityAt", operator: "between", value: ["2024-01-01", "2024-01-31"] }, { lastActivityAt: lateOn31st })).toBe(true);
  });

  it("counts relative dates from the parse time", async () => {
    const tenDaysAgo = new Date(NOW.getTime() - 10 * 86_400_000);
    expect(await matches({ field: "lastActivityAt", operator: "inLast", value: { n: 14, unit: "days" } }, { lastActivityAt: tenDaysAgo })).toBe(true);
    expect(await matches({ field: "lastActivityAt", operator: "inLast", value: 7 }, { lastActivityAt: tenDaysAgo })).toBe(false);
    expect(await matches({ field: "lastActivityAt", operator: "moreThanAgo", value: { n: 1, unit: "weeks" } }, { lastActivityAt: tenDaysAgo })).toBe(true);
    expect(await matches({ field: "lastActivityAt", operator: "inNext", value: { n: 1, unit: "months" } }, { lastActivityAt: tenDaysAgo })).toBe(false);
  });

  it("never matches an empty value with a negative operator, except isEmpty", async () => {
    expect(await matches({ field: "city", operator: "neq", value: "Paris" }, { city: null })).toBe(false);
    expect(await matches({ field: "city", operator: "notContains", value: "Par" }, { city: null })).toBe(false);
    expect(await matches({ field: "city", operator: "notIn", value: ["Paris"] }, { city: null })).toBe(false);
    expect(await matches({ field: "city", operator: "isEmpty" }, { city: "" })).toBe(true);
    expect(await matches({ field: "company.industry", operator: "isEmpty" }, { linkedCompany: null })).toBe(true);
    expect(await matches({ field: "company.industry", operator: "neq", value: "Retail" }, { linkedCompany: null })).toBe(false);
  });

  it("treats tags and multiselects as sets, absent meaning empty", async () => {
    expect(await matches({ field: "tags", operator: "excludes", value: ["technology"] }, { tagIds: [] })).toBe(true);
    expect(await matches({ field: "tags", operator: "includes", value: ["Technology"] }, { tagIds: [TAG_ID] })).toBe(true);
    expect(await matches({ field: "tags", operator: "includesAll", value: ["technology", "no-such-tag"] }, { tagIds: [TAG_ID] })).toBe(false);
    expect(await matches({ field: "tags", operator: "includes", value: ["technology", "no-such-tag"] }, { tagIds: [TAG_ID] })).toBe(true);
  });

  it("compares text case-insensitively and reads a wrong-typed custom value as empty", async () => {
    expect(await matches({ field: "city", operator: "eq", value: "paris" }, { city: "Paris" })).toBe(true);
    expect(await matches({ field: "customFields.budget", operator: "gte", value: 10 }, { customFields: { budget: "n/a" } })).toBe(false);
    expect(await matches({ field: "customFields.budget", operator: "isEmpty" }, { customFields: { budget: "n/a" } })).toBe(true);
    expect(await matches({ field: "customFields.budget", operator: "gte", value: 10 }, { customFields: { budget: { amount: 12, currency: "EUR" } } })).toBe(true);
  });

  it("orders lifecycle stages as the funnel does", async () => {
    expect(await matches({ field: "lifecycleStage", operator: "gte", value: "mql" }, { lifecycleStage: "opportunity" })).toBe(true);
    expect(await matches({ field: "lifecycleStage", operator: "gte", value: "MQL" }, { lifecycleStage: "lead" })).toBe(false);
  });
});
