import { describe, expect, it } from "vitest";
import { processRow, type RowPlan } from "./row";

const plan = (columns: string[], customFields: RowPlan["customFields"] = {}): RowPlan => ({
  columns: columns.map((target, index) => ({ index, target })), customFields, decimal: { 3: "," }, defaultCountry: "US",
});
const row = (...cells: string[]) => ({ row: 7, line: 9, cells });

describe("processRow", () => {
  it("normalises through the API's contact schema: email lowercased, phones to E.164 with the row's country, URLs", () => {
    const result = processRow(plan(["email", "phone", "country", "website", "twitterHandle"]), row("  Ann@Example.COM ", "'020 7946 0018", "United Kingdom", "acme.co.uk", "@ann"));
    expect(result).toMatchObject({ ok: true, values: { email: "ann@example.com", phone: "+442079460018", country: "United Kingdom", website: "https://acme.co.uk", twitterHandle: "ann" } });
  });

  it("rejects a row without a valid email, naming the row as the user sees it", () => {
    expect(processRow(plan(["email"]), row("  "))).toMatchObject({ ok: false, errors: [{ row: 7, line: 9, field: "email", code: "missing_required", error: "email: is required" }] });
    const invalid = processRow(plan(["email"]), row("mailto:ann@x.io"));
    expect(invalid).toMatchObject({ ok: false, errors: [{ field: "email", code: "invalid_value" }] });
  });

  it("drops a bad optional value with a warning and keeps the contact", () => {
    const result = processRow(plan(["email", "website", "phone"]), row("a@x.io", "not a url", "call me"));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.field).sort()).toEqual(["phone", "website"]);
    if (result.ok) expect(result.values).not.toHaveProperty("website");
  });

  it("types custom fields: numbers with the column's decimal comma, dates, selects case-insensitively", () => {
    const p = plan(["email", "customFields.tier", "customFields.joined", "customFields.budget"], {
      tier: { fieldType: "select", required: false, options: [{ value: "gold", label: "Gold" }] },
      joined: { fieldType: "date", required: false, options: [] },
      budget: { fieldType: "currency", required: false, options: [] },
    });
    expect(processRow(p, row("a@x.io", "GOLD", "09 Apr 2022", "7.250,50 €"))).toMatchObject({
      ok: true, values: { customFields: { tier: "gold", joined: "2022-04-09", budget: 7250.5 } },
    });
    expect(processRow(p, row("a@x.io", "Platinum", "", "")).warnings).toMatchObject([{ field: "customFields.tier", error: expect.stringContaining("not one of Gold") }]);
  });

  it("requires required custom fields", () => {
    const p = plan(["email", "customFields.region"], { region: { fieldType: "text", required: true, options: [] } });
    expect(processRow(p, row("a@x.io", ""))).toMatchObject({ ok: false, errors: [{ field: "customFields.region", code: "missing_required" }] });
  });

  it("splits a full name, reads lifecycle stages and scores, and collects tags", () => {
    const result = processRow(plan(["email", "fullName", "lifecycleStage", "score", "tags"]), row("a@x.io", "Ann Lee", "marketing qualified lead", "72,5", "vip, beta"));
    expect(result).toMatchObject({ ok: true, values: { firstName: "Ann", lastName: "Lee", lifecycleStage: "MQL", score: 73 }, tags: ["vip", "beta"] });
  });
});
