import { describe, expect, it } from "vitest";
import { describeValue, isEmptyValue } from "./describe-value";

const definitions = new Map([
  ["region", { label: "Region", options: [{ value: "emea", label: "EMEA" }, { value: "apac", label: "APAC" }] }],
  ["budget", { label: "Budget", options: [] }],
]);

describe("describeValue", () => {
  it("shows enum codes and select options by their labels", () => {
    expect(describeValue("lifecycleStage", "opportunity", definitions)).toBe("Opportunity");
    expect(describeValue("source", "api", definitions)).toBe("API");
    expect(describeValue("customFields.region", "apac", definitions)).toBe("APAC");
    expect(describeValue("customFields.region", ["emea", "apac"], definitions)).toBe("EMEA, APAC");
  });

  it("shows money as money and calendar days without a time zone shift", () => {
    expect(describeValue("customFields.budget", { amount: 150000, currency: "USD" }, definitions)).toBe("$150,000.00");
    expect(describeValue("customFields.renewal", "2027-03-01", definitions)).toBe("Mar 1, 2027");
  });

  it("keeps plain text and spells out booleans", () => {
    expect(describeValue("title", "Rear Admiral", definitions)).toBe("Rear Admiral");
    expect(describeValue("customFields.newsletter", true, definitions)).toBe("Yes");
  });
});

describe("isEmptyValue", () => {
  it("treats null, blank text and empty collections as empty, and 0 or false as values", () => {
    expect([null, undefined, "", [], {}].every(isEmptyValue)).toBe(true);
    expect([0, false, "x", ["a"]].some(isEmptyValue)).toBe(false);
  });
});
