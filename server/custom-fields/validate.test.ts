import { describe, expect, it } from "vitest";
import type { CustomFieldType } from "@/db/schema";
import { formatCustomFieldErrors, validateCustomFieldValues, type CustomFieldDefinitionLike } from "./validate";

const def = (fieldName: string, fieldType: CustomFieldType, extra: Partial<CustomFieldDefinitionLike> = {}): CustomFieldDefinitionLike => ({
  fieldName, label: fieldName, fieldType, required: false, options: [], currency: null, archivedAt: null, ...extra,
});

const definitions = [
  def("note", "text"),
  def("bio", "textarea"),
  def("budget", "currency", { currency: "EUR" }),
  def("seats", "number"),
  def("renewal", "date"),
  def("demoAt", "datetime"),
  def("vip", "boolean"),
  def("source", "select", { options: [{ value: "website", label: "Website" }, { value: "coldOutreach", label: "Cold Outreach" }] }),
  def("interests", "multiselect", { options: [{ value: "ai", label: "AI" }, { value: "crm", label: "CRM" }] }),
  def("homepage", "url"),
  def("billingEmail", "email"),
  def("hotline", "phone"),
  def("region", "text", { required: true }),
  def("legacy", "number", { archivedAt: new Date("2024-01-01") }),
];

const check = (values: Record<string, unknown>, partial = true) => validateCustomFieldValues(definitions, values, { partial });

function valueOf(name: string, raw: unknown) {
  const result = check({ [name]: raw });
  if (!result.ok) throw new Error(formatCustomFieldErrors(result.errors));
  return result.values[name];
}

function errorOf(name: string, raw: unknown) {
  const result = check({ [name]: raw });
  return result.ok ? null : formatCustomFieldErrors(result.errors);
}

describe("validateCustomFieldValues normalises each of the 12 types", () => {
  it.each([
    ["note", "  hello ", "hello"],
    ["bio", "line one\nline two", "line one\nline two"],
    ["budget", 12000, { amount: 12000, currency: "EUR" }],
    ["budget", "$1,200.50", { amount: 1200.5, currency: "USD" }],
    ["budget", "900 gbp", { amount: 900, currency: "GBP" }],
    ["budget", { amount: "15000", currency: "usd" }, { amount: 15000, currency: "USD" }],
    ["seats", "1,250", 1250],
    ["seats", 3.5, 3.5],
    ["renewal", "2025-02-28", "2025-02-28"],
    ["renewal", "2025-02-28T23:00:00Z", "2025-02-28"],
    ["demoAt", "2025-03-01 14:30", "2025-03-01T14:30:00.000Z"],
    ["demoAt", "2025-03-01T14:30:00+02:00", "2025-03-01T12:30:00.000Z"],
    ["vip", "yes", true],
    ["vip", false, false],
    ["source", "Cold Outreach", "coldOutreach"],
    ["source", "website", "website"],
    ["interests", "AI; crm", ["ai", "crm"]],
    ["interests", ["crm", "crm"], ["crm"]],
    ["homepage", "example.com/pricing", "https://example.com/pricing"],
    ["billingEmail", " Billing@Example.COM ", "billing@example.com"],
    ["hotline", "(415) 555-2671", "+14155552671"],
  ])("%s: %j → %j", (name, raw, expected) => {
    expect(valueOf(name, raw)).toEqual(expected);
  });
});

describe("errors name the field", () => {
  it.each([
    ["seats", "many", "customFields.seats: expected a number"],
    ["budget", "lots", "customFields.budget: expected an amount (a number, or {amount, currency})"],
    ["budget", { amount: 5, currency: "DOLLARS" }, "customFields.budget: expected a 3-letter currency code"],
    ["renewal", "2025-02-30", "customFields.renewal: expected a date (YYYY-MM-DD)"],
    ["renewal", "02/03/2025", "customFields.renewal: expected a date (YYYY-MM-DD)"],
    ["demoAt", "tomorrow", "customFields.demoAt: expected a date and time (ISO 8601)"],
    ["vip", "maybe", "customFields.vip: expected true or false"],
    ["source", "tv", "customFields.source: expected one of website, coldOutreach"],
    ["interests", ["ai", "golf"], 'customFields.interests: "golf" is not one of ai, crm'],
    ["homepage", "not a url", "customFields.homepage: expected a URL"],
    ["billingEmail", "nope", "customFields.billingEmail: expected an email address"],
    ["hotline", "call me", "customFields.hotline: expected a phone number"],
    ["note", { nested: true }, "customFields.note: expected text"],
    ["note", "x".repeat(1001), "customFields.note: must be at most 1000 characters"],
    ["legacy", 4, "customFields.legacy: this field is archived; an admin can restore it"],
    ["shoeSize", 44, "customFields.shoeSize: is not a custom field of this workspace; an admin defines fields first"],
  ])("%s = %j", (name, raw, expected) => {
    expect(errorOf(name, raw)).toBe(expected);
  });

  it("reports every bad field at once", () => {
    const result = check({ seats: "x", vip: "maybe", note: "fine" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(["customFields.seats", "customFields.vip"]);
  });
});

describe("required fields and partial updates", () => {
  it("requires required fields on create (full mode), dropping empty optional ones", () => {
    const missing = check({ note: "x" }, false);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(formatCustomFieldErrors(missing.errors)).toBe("customFields.region: is required");
    const blank = check({ region: "  " }, false);
    expect(blank.ok).toBe(false);
    const ok = check({ region: "EMEA", note: "" }, false);
    expect(ok).toEqual({ ok: true, values: { region: "EMEA" } });
  });

  it("checks only the keys given on update; null clears, except a required field", () => {
    expect(check({ note: null })).toEqual({ ok: true, values: { note: null } });
    const cleared = check({ region: null });
    expect(cleared.ok).toBe(false);
    if (!cleared.ok) expect(cleared.errors[0]).toEqual({ field: "customFields.region", message: "is required" });
    expect(check({ seats: 3 })).toEqual({ ok: true, values: { seats: 3 } });
  });

  it("is not fooled by keys that exist on every object's prototype", () => {
    const result = validateCustomFieldValues([def("constructor", "text", { required: true })], {}, { partial: false });
    expect(result.ok).toBe(false);
  });
});
