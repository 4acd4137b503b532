import { describe, expect, it } from "vitest";
import { describeTree } from "./describe";
import {
  addCondition, appendAt, defaultLeaf, finishTree, leafProblem, nodeAt, removeAt, serverProblems, setGroupKindAt, toEditable, treeProblems, withOperator,
} from "./model";
import type { FilterField } from "./types";

function field(overrides: Partial<FilterField> & Pick<FilterField, "key" | "kind" | "operators">): FilterField {
  return {
    label: overrides.key, group: "contact", fieldType: null, enumValues: null, isOrdered: false, isInteger: false,
    isSortable: true, options: null, currency: null, ...overrides,
  } as FilterField;
}

const score = field({ key: "score", label: "Score", kind: "number", isInteger: true, operators: ["eq", "gte", "lte", "between", "isEmpty"] });
const lastActivity = field({ key: "lastActivityAt", label: "Last activity", kind: "datetime", operators: ["gte", "between", "inLast", "moreThanAgo"] });
const stage = field({ key: "lifecycleStage", label: "Lifecycle stage", kind: "enum", enumValues: ["lead", "MQL"], operators: ["eq", "in"] });
const fieldsByKey = new Map([score, lastActivity, stage].map((f) => [f.key, f]));

describe("filter tree editing", () => {
  it("builds a nested and/or tree by path", () => {
    let root = toEditable(null);
    root = appendAt(root, [], { field: "score", operator: "gte", value: 50 });
    root = appendAt(root, [], { or: [] });
    root = appendAt(root, [1], { field: "lifecycleStage", operator: "eq", value: "MQL" });
    root = appendAt(root, [1], defaultLeaf(lastActivity));
    root = setGroupKindAt(root, [1], "or");
    expect(nodeAt(root, [1, 1])).toEqual({ field: "lastActivityAt", operator: "inLast", value: { n: 30, unit: "days" } });
    expect(treeProblems(root, fieldsByKey)).toEqual([]);
    root = removeAt(root, [1, 0]);
    expect(finishTree(root)).toEqual({ and: [{ field: "score", operator: "gte", value: 50 }, { or: [{ field: "lastActivityAt", operator: "inLast", value: { n: 30, unit: "days" } }] }] });
    expect(describeTree(finishTree(root)!, { fieldsByKey })).toBe("Score at least 50 and Last activity in the last 30 days");
  });

  it("points at incomplete conditions and empty groups before sending", () => {
    let root = appendAt(toEditable(null), [], { field: "score", operator: "gte", value: 1.5 });
    root = appendAt(root, [], { and: [] });
    root = appendAt(root, [], { field: "lastActivityAt", operator: "between", value: ["2024-02-01", "2024-01-01"] });
    expect(treeProblems(root, fieldsByKey)).toEqual([
      { path: [0], message: "Enter a whole number" },
      { path: [1], message: "Add a condition or remove this group" },
      { path: [2], message: "The start must not be after the end" },
    ]);
    expect(finishTree(toEditable(null))).toBeNull();
  });

  it("keeps a value across operators of the same shape only", () => {
    const leaf = { field: "lifecycleStage", operator: "eq" as const, value: "MQL" };
    expect(withOperator(leaf, stage, "eq")).toEqual(leaf);
    expect(withOperator(leaf, stage, "in")).toEqual({ field: "lifecycleStage", operator: "in", value: [] });
    expect(leafProblem(stage, { field: "lifecycleStage", operator: "in", value: [] })).toBe("Choose at least one value");
  });

  it("reads the server's paths back onto builder rows", () => {
    expect(serverProblems("and[2].or[0].value: expected a number for score; and[1].field: unknown field \"x\"")).toEqual([
      { path: [2, 0], message: "expected a number for score" },
      { path: [1], message: 'unknown field "x"' },
    ]);
  });

  it("ANDs a chart click into any tree", () => {
    const click = { field: "lifecycleStage", operator: "eq" as const, value: "MQL" };
    expect(addCondition(null, click)).toEqual({ and: [click] });
    expect(addCondition({ or: [click] }, click)).toEqual({ and: [{ or: [click] }, click] });
  });
});
