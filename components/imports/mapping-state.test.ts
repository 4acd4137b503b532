import { describe, expect, it } from "vitest";
import {
  assignTarget, customFieldsToCreate, isMappingValid, mappingProblems, matchKeyOptions, sampleValues, standardTargetLabels, targetGroups, targetLabel,
} from "./mapping-state";

const existing = [{ fieldName: "budget", label: "Budget", fieldType: "currency" as const, required: false, options: [] }];
const suggested = [
  { key: "pipedriveId", label: "ID", fieldType: "text" as const },
  { key: "budget", label: "Budget", fieldType: "currency" as const },
];

describe("import mapping state", () => {
  it("moves a field to the column that takes it, releasing the previous column", () => {
    const { mapping, released } = assignTarget({ "Work email": "email", "Home email": null }, "Home email", "email");
    expect(mapping).toEqual({ "Work email": null, "Home email": "email" });
    expect(released).toBe("Work email");
  });

  it("lets several columns feed tags and lets any column be ignored", () => {
    const { mapping, released } = assignTarget({ Label: "tags", Segment: null }, "Segment", "tags");
    expect(mapping).toEqual({ Label: "tags", Segment: "tags" });
    expect(released).toBeNull();
    expect(assignTarget(mapping, "Label", null).mapping).toEqual({ Label: null, Segment: "tags" });
  });

  it("requires an email column and one column per field, as the server does", () => {
    expect(mappingProblems({ A: "firstName", B: "tags", C: "tags" })).toEqual({ hasEmail: false, duplicated: [] });
    expect(mappingProblems({ A: "email", B: "city", C: "city" })).toEqual({ hasEmail: true, duplicated: ["city"] });
    expect(isMappingValid({ A: "email", B: null })).toBe(true);
    expect(isMappingValid({ A: "email", B: "city", C: "city" })).toBe(false);
  });

  it("asks the import to create only suggested fields that are still mapped and do not exist", () => {
    const mapping = { "Person - ID": "customFields.pipedriveId", "Person - Budget": "customFields.budget", Other: null };
    expect(customFieldsToCreate(mapping, suggested, existing).map((f) => f.key)).toEqual(["pipedriveId"]);
    expect(customFieldsToCreate({ ...mapping, "Person - ID": null }, suggested, existing)).toEqual([]);
  });

  it("groups targets and names them for people", () => {
    const groups = targetGroups(existing, suggested);
    expect(groups.standard).toHaveLength(Object.keys(standardTargetLabels).length);
    expect(groups.custom).toEqual([{ value: "customFields.budget", label: "Budget" }]);
    expect(groups.pending).toEqual([{ value: "customFields.pipedriveId", label: "ID (new field)" }]);
    expect(targetLabel("firstName", existing, suggested)).toBe("First name");
    expect(targetLabel("customFields.pipedriveId", existing, suggested)).toBe("ID");
    expect(targetLabel(null, existing, suggested)).toBe("Ignored");
  });

  it("offers email and mapped custom fields as match keys", () => {
    const options = matchKeyOptions({ A: "email", B: "customFields.pipedriveId", C: "city" }, existing, suggested);
    expect(options).toEqual([{ value: "email", label: "Email" }, { value: "customFields.pipedriveId", label: "ID" }]);
  });

  it("shows at most three non-blank samples, shortened", () => {
    expect(sampleValues(["a", " ", "b", "c", "d"])).toEqual(["a", "b", "c"]);
    expect(sampleValues(["x".repeat(50)], 3, 10)).toEqual([`${"x".repeat(9)}…`]);
  });
});
