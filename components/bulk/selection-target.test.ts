import { describe, expect, it } from "vitest";
import type { FilterNode } from "@/components/filters/types";
import { toBulkSelection } from "./selection-target";

const berlin: FilterNode = { field: "city", operator: "eq", value: "Berlin" };

describe("the target of a bulk action", () => {
  it("sends ticked rows as ids", () => {
    expect(toBulkSelection({ mode: "ids", ids: new Set(["a", "b"]) }, berlin, 2)).toEqual({ ids: ["a", "b"] });
  });

  it("sends 'all matching' as the table's filter with its count", () => {
    expect(toBulkSelection({ mode: "all", except: new Set() }, berlin, 84_213)).toEqual({ filter: { and: [berlin] }, count: 84_213 });
  });

  it("leaves out rows unticked after 'select all', and means everything when no filter is set", () => {
    expect(toBulkSelection({ mode: "all", except: new Set(["x"]) }, berlin, 11)).toEqual({
      filter: { and: [berlin, { field: "id", operator: "notIn", value: ["x"] }] }, count: 11,
    });
    expect(toBulkSelection({ mode: "all", except: new Set() }, null, 5)).toEqual({ filter: { and: [] }, count: 5 });
  });
});
