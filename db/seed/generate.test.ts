import { isValidPhoneNumber } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { diffRecords } from "@/server/audit/diff";
import { emailSchema } from "@/server/contacts/schemas";
import { validateCustomFieldValues } from "@/server/custom-fields/validate";
import { createLayout, creationChanges, generateContactBatch, generateDataset, seededContactId, type SeedPlan } from "./generate";
import { permute } from "./layout";
import { landlineFallbacks } from "./phones";

const now = new Date("2026-03-15T12:00:00.000Z");
const plan: SeedPlan = {
  seed: 7,
  workspaceId: "0b6f6f1e-4d0a-4c1e-9d55-0e7c1a2b3c4d",
  contacts: 2000,
  companies: 200,
  now,
  members: [
    { id: "user-admin", name: "Ada Admin", email: "ada@haste.local", role: "admin" },
    { id: "user-manager", name: "Max Manager", email: "max@haste.local", role: "manager" },
    { id: "user-rep", name: "Rita Rep", email: "rita@haste.local", role: "rep" },
  ],
  activityScale: 1,
  actorName: "Demo data",
};
const data = generateDataset(plan);
const year = 366 * 86_400_000;

describe("the seed generator", () => {
  it("produces the requested counts and the fixtures", () => {
    expect(data.contacts).toHaveLength(2000);
    expect(data.companies).toHaveLength(200);
    expect(data.tags).toHaveLength(12);
    expect(data.customFieldDefinitions.map((d) => d.fieldName)).toEqual(
      ["budget", "leadSource", "projectTimeline", "newsletter", "bookingUrl", "seats", "interests"],
    );
    expect(data.audit).toHaveLength(2000);
    // A year of history: several activities per contact on average, and deals on a fair share of companies.
    expect(data.activities.length).toBeGreaterThan(2000 * 3);
    expect(data.deals.length).toBeGreaterThan(100);
  });

  it("gives every contact a unique, valid, lower-case email", () => {
    const emails = data.contacts.map((c) => c.email!);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(emailSchema.parse(email)).toBe(email);
  });

  it("keeps emails unique when a company outgrows its country's name pool", () => {
    // Two companies for 26,000 contacts: the second is Brazilian, whose pool has fewer first × last
    // combinations than its ~10,000 contacts, so names repeat and the addresses need their digit.
    const large = { ...plan, contacts: 26_000, companies: 2, activityScale: 0 };
    const layout = createLayout(large);
    const seen = new Set<string>();
    let repeatedNames = 0;
    for (let start = 0; start < large.contacts; start += 5000) {
      for (const contact of generateContactBatch(layout, start, 5000).contacts) {
        seen.add(contact.email!);
        if (contact.companyId && /\d@/.test(contact.email!)) repeatedNames++;
      }
    }
    expect(seen.size).toBe(large.contacts);
    expect(repeatedNames).toBeGreaterThan(100);
  });

  it("links every contact's companyId to a generated company, with that company's name", () => {
    const companies = new Map(data.companies.map((c) => [c.id!, c]));
    const linked = data.contacts.filter((c) => c.companyId);
    expect(linked.length).toBeGreaterThan(1800);
    for (const contact of linked) expect(companies.get(contact.companyId!)?.name).toBe(contact.company);
    for (const company of data.companies) if (company.parentCompanyId) expect(companies.has(company.parentCompanyId)).toBe(true);
    expect(new Set(data.companies.map((c) => c.domain)).size).toBe(data.companies.length);
  });

  it("references only generated rows from deals, tags, activities and audit entries", () => {
    const contactIds = new Set(data.contacts.map((c) => c.id!));
    const dealIds = new Set(data.deals.map((d) => d.id!));
    const tagIds = new Set(data.tags.map((t) => t.id!));
    for (const link of data.dealContacts) expect(contactIds.has(link.contactId) && dealIds.has(link.dealId)).toBe(true);
    for (const link of data.contactTags) expect(contactIds.has(link.contactId) && tagIds.has(link.tagId)).toBe(true);
    for (const activity of data.activities) {
      expect(contactIds.has(activity.contactId!)).toBe(true);
      if (activity.dealId) expect(dealIds.has(activity.dealId)).toBe(true);
    }
    for (const entry of data.audit) expect(contactIds.has(entry.entityId!)).toBe(true);
    const ids = [...data.contacts, ...data.companies, ...data.activities, ...data.emails, ...data.notes, ...data.tasks, ...data.deals].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes phones in E.164 that are valid for the contact's country", () => {
    expect(landlineFallbacks().length).toBeLessThan(10);
    for (const contact of data.contacts) {
      for (const phone of [contact.phone, contact.mobile]) {
        if (!phone) continue;
        expect(phone).toMatch(/^\+\d{8,15}$/);
        expect(isValidPhoneNumber(phone), `${phone} (${contact.country})`).toBe(true);
      }
    }
  });

  it("stores custom field values in the form the custom-field validator produces", () => {
    const definitions = data.customFieldDefinitions.map((d) => ({
      fieldName: d.fieldName, label: d.label, fieldType: d.fieldType, required: false, options: d.options ?? [], currency: d.currency ?? null, archivedAt: null,
    }));
    let withValues = 0;
    for (const contact of data.contacts) {
      const values = contact.customFields ?? {};
      if (Object.keys(values).length > 0) withValues++;
      const result = validateCustomFieldValues(definitions, values, { partial: false });
      expect(result).toEqual({ ok: true, values });
    }
    expect(withValues).toBeGreaterThan(1500);
  });

  it("spreads creation over the past year and derives lastActivityAt and lastContactedAt from the activities", () => {
    const latest = new Map<string, number>();
    const contacted = new Map<string, number>();
    for (const activity of data.activities) {
      const at = (activity.occurredAt as Date).getTime();
      expect(at).toBeLessThanOrEqual(now.getTime());
      latest.set(activity.contactId!, Math.max(latest.get(activity.contactId!) ?? 0, at));
      if (["email_sent", "call_made", "meeting_held"].includes(activity.type)) contacted.set(activity.contactId!, Math.max(contacted.get(activity.contactId!) ?? 0, at));
    }
    const weeks = new Set<number>();
    for (const contact of data.contacts) {
      const created = (contact.createdAt as Date).getTime();
      expect(created).toBeGreaterThan(now.getTime() - year);
      expect(created).toBeLessThan(now.getTime());
      weeks.add(Math.floor(created / (7 * 86_400_000)));
      expect(contact.lastActivityAt?.getTime() ?? null).toBe(latest.get(contact.id!) ?? null);
      expect(contact.lastContactedAt?.getTime() ?? null).toBe(contacted.get(contact.id!) ?? null);
      if (contact.lastActivityAt) expect(contact.lastActivityAt.getTime()).toBeGreaterThanOrEqual(created);
    }
    expect(weeks.size).toBeGreaterThan(45);
  });

  it("skews scores: most contacts are cold, a few are hot", () => {
    const scores = data.contacts.map((c) => c.score!);
    const below50 = scores.filter((s) => s < 50).length;
    const above85 = scores.filter((s) => s > 85).length;
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...scores)).toBeLessThanOrEqual(100);
    expect(below50).toBeGreaterThan(above85 * 3);
    expect(above85).toBeGreaterThan(20);
  });

  it("is deterministic, and a contact is the same whichever batch generates it", () => {
    const again = generateDataset(plan);
    expect(again.contacts.slice(0, 50)).toEqual(data.contacts.slice(0, 50));
    expect(again.activities.length).toBe(data.activities.length);
    const batch = generateContactBatch(createLayout(plan), 700, 25);
    expect(batch.contacts).toEqual(data.contacts.slice(700, 725));
    expect(seededContactId(plan.workspaceId, 700)).toBe(data.contacts[700]!.id);
  });

  it("audits each contact's creation with the same field-level shape as the contacts service", () => {
    for (const contact of data.contacts.slice(0, 200)) {
      const expected = diffRecords(null, { ...contact, lastActivityAt: null, lastContactedAt: null });
      expect(creationChanges(contact)).toEqual(expected);
    }
    expect(data.audit.every((entry) => entry.actorType === "system" && entry.action === "create")).toBe(true);
  });

  it("permute is a bijection", () => {
    for (const size of [1, 2, 97, 1000, 4096]) {
      const seen = new Set<number>();
      for (let index = 0; index < size; index++) seen.add(permute(index, size, 12345));
      expect(seen.size).toBe(size);
    }
  });
});
