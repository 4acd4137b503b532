import { describe, expect, it } from "vitest";
import { fieldNameFromLabel, optionValueFromLabel } from "./field-types";

describe("custom field keys", () => {
  it("derives a fieldName the server accepts from any label", () => {
    expect(fieldNameFromLabel("Annual budget (EUR)")).toBe("annualBudgetEur");
    expect(fieldNameFromLabel("2024 renewal date")).toBe("renewalDate");
    expect(fieldNameFromLabel("Prénom du contact")).toBe("prenomDuContact");
    expect(fieldNameFromLabel("!!!")).toBe("");
  });

  it("derives unique option values", () => {
    expect(optionValueFromLabel("Gold tier", new Set())).toBe("gold_tier");
    expect(optionValueFromLabel("Gold tier", new Set(["gold_tier"]))).toBe("gold_tier_2");
  });
});
