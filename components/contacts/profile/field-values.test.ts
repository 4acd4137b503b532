import { describe, expect, it } from "vitest";
import { customTextToValue, customValueToText, parseInput, toDateTimeLocal } from "./field-values";

describe("parseInput", () => {
  it("clears a field emptied by the user", () => {
    expect(parseInput("text", "   ")).toEqual({ ok: true, value: null });
    expect(parseInput("number", "")).toEqual({ ok: true, value: null });
  });

  it("trims text and parses numbers, refusing what is not one", () => {
    expect(parseInput("text", "  Rear Admiral ")).toEqual({ ok: true, value: "Rear Admiral" });
    expect(parseInput("number", "42")).toEqual({ ok: true, value: 42 });
    expect(parseInput("number", "forty")).toEqual({ ok: false, error: "Must be a number" });
  });

  it("round-trips a local date-time through the input format", () => {
    const date = new Date(2025, 2, 7, 9, 5);
    expect(toDateTimeLocal(date)).toBe("2025-03-07T09:05");
    const parsed = parseInput("datetime", "2025-03-07T09:05");
    expect(parsed.ok && (parsed.value as Date).getTime()).toBe(date.getTime());
  });
});

describe("custom field values", () => {
  it("edits multiselect values as comma-separated labels", () => {
    const definition = { fieldType: "multiselect" as const, options: [{ value: "sec", label: "Security" }, { value: "bi", label: "Analytics" }] };
    expect(customValueToText(definition, ["sec", "bi"])).toBe("Security, Analytics");
    expect(customTextToValue(definition, "Security, , bi ")).toEqual({ ok: true, value: ["Security", "bi"] });
    expect(customTextToValue(definition, " ")).toEqual({ ok: true, value: null });
  });

  it("edits a currency amount and keeps the stored currency", () => {
    const definition = { fieldType: "currency" as const, currency: "USD" };
    expect(customValueToText(definition, { amount: 1200.5, currency: "EUR" })).toBe("1200.5");
    expect(customTextToValue(definition, "1300", { amount: 1200.5, currency: "EUR" })).toEqual({ ok: true, value: { amount: 1300, currency: "EUR" } });
    expect(customTextToValue(definition, "99")).toEqual({ ok: true, value: { amount: 99, currency: "USD" } });
    expect(customTextToValue(definition, "lots")).toEqual({ ok: false, error: "Must be a number" });
  });

  it("keeps dates as YYYY-MM-DD and booleans as booleans", () => {
    expect(customValueToText({ fieldType: "date" }, "2024-11-02T00:00:00.000Z")).toBe("2024-11-02");
    expect(customTextToValue({ fieldType: "date" }, "2024-11-02")).toEqual({ ok: true, value: "2024-11-02" });
    expect(customValueToText({ fieldType: "boolean" }, true)).toBe("true");
    expect(customTextToValue({ fieldType: "boolean" }, "false")).toEqual({ ok: true, value: false });
  });

  it("stores numbers for number fields and clears an emptied one", () => {
    expect(customTextToValue({ fieldType: "number" }, "1200.50")).toEqual({ ok: true, value: 1200.5 });
    expect(customTextToValue({ fieldType: "number" }, "")).toEqual({ ok: true, value: null });
  });
});
