import type { auditLog, contactTags, customFieldDefinitions, dealContacts, FieldChanges, tags } from "@/db/schema";
import { customFieldSeeds, tagDefinitions, type TagName } from "./data/business";
import { generateCompany, type CompanyInsert, type DealInsert } from "./companies";
import { contactCore, contactTags as tagsOfContact, DealCache, type ContactInsert } from "./contacts";
import { companyRange, contactSlot, createLayout, type SeedLayout, type SeedPlan } from "./layout";
import { seededUuid } from "./random";
import { buildTimeline, type ActivityInsert, type EmailInsert, type NoteInsert, type TaskInsert } from "./timeline";

export type { SeedLayout, SeedMember, SeedPlan } from "./layout";
export { createLayout } from "./layout";
export type { CompanyInsert, ContactInsert, DealInsert };

export type TagInsert = typeof tags.$inferInsert;
export type CustomFieldDefinitionInsert = typeof customFieldDefinitions.$inferInsert;
export type ContactTagInsert = typeof contactTags.$inferInsert;
export type DealContactInsert = typeof dealContacts.$inferInsert;
export type AuditInsert = typeof auditLog.$inferInsert;

/** The rows of one batch of contacts, in the order they must be inserted (foreign keys). */
export interface ContactBatch {
  contacts: ContactInsert[];
  deals: DealInsert[];
  dealContacts: DealContactInsert[];
  contactTags: ContactTagInsert[];
  emails: EmailInsert[];
  notes: NoteInsert[];
  tasks: TaskInsert[];
  activities: ActivityInsert[];
  audit: AuditInsert[];
}

export interface Fixtures {
  tags: TagInsert[];
  customFieldDefinitions: CustomFieldDefinitionInsert[];
}

export interface Dataset extends Fixtures, ContactBatch {
  companies: CompanyInsert[];
}

export { seededCompanyId, seededContactId } from "./ids";

export function generateFixtures(plan: SeedPlan): Fixtures {
  const admin = plan.members.find((member) => member.role === "admin") ?? plan.members[0]!;
  const createdAt = new Date(plan.now.getTime() - 366 * 86_400_000);
  return {
    tags: tagDefinitions.map((tag, n) => ({
      workspaceId: plan.workspaceId, id: seededUuid(plan.workspaceId, "tag", n), name: tag.name, color: tag.color,
      description: tag.description, createdBy: admin.id, createdAt, updatedAt: createdAt,
    })),
    customFieldDefinitions: customFieldSeeds.map((field, position) => ({
      workspaceId: plan.workspaceId, id: seededUuid(plan.workspaceId, "custom-field", position), objectType: "contact" as const,
      fieldName: field.fieldName, label: field.label, fieldType: field.fieldType, required: false, options: field.options ?? [],
      currency: field.currency ?? null, position, createdAt, updatedAt: createdAt,
    })),
  };
}

/** Companies `start` … `start + count - 1`; a company's parent always has a lower index. */
export function generateCompanies(layout: SeedLayout, start: number, count: number): CompanyInsert[] {
  const end = Math.min(layout.plan.companies, start + count);
  const rows: CompanyInsert[] = [];
  for (let k = start; k < end; k++) rows.push(generateCompany(layout, k));
  return rows;
}

const unaudited = new Set(["updatedAt", "createdAt", "workspaceId", "id", "lastActivityAt", "lastContactedAt"]);

/**
 * What `diffRecords(null, row)` gives for a new contact (the shape the contacts service writes, one entry
 * per set field, custom fields per key), built directly: diffing a million rows field by field through
 * JSON comparisons was a fifth of the bulk seed's time. The generator's test checks the two agree.
 */
export function creationChanges(row: ContactInsert): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, value] of Object.entries(row)) {
    if (unaudited.has(key) || value === null || value === undefined) continue;
    if (key === "customFields") {
      for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        if (fieldValue !== null && fieldValue !== undefined) changes[`customFields.${name}`] = { old: null, new: fieldValue };
      }
      continue;
    }
    changes[key] = { old: null, new: value instanceof Date ? value.toISOString() : value };
  }
  return changes;
}

function emptyBatch(): ContactBatch {
  return { contacts: [], deals: [], dealContacts: [], contactTags: [], emails: [], notes: [], tasks: [], activities: [], audit: [] };
}

/**
 * Contacts `start` … `start + count - 1` with everything attached to them. A company's deals are emitted
 * with its first contact, so they exist before any later batch links contacts to them.
 */
export function generateContactBatch(layout: SeedLayout, start: number, count: number): ContactBatch {
  const { plan } = layout;
  const end = Math.min(plan.contacts, start + count);
  const batch = emptyBatch();
  const deals = new DealCache(layout);
  const tagIds = new Map<TagName, string>(tagDefinitions.map((tag, n) => [tag.name, seededUuid(plan.workspaceId, "tag", n)]));
  for (let i = start; i < end; i++) {
    const core = contactCore(layout, i, deals);
    const slot = contactSlot(layout, i);
    if (companyRange(layout, slot.company).start === i) batch.deals.push(...deals.of(slot.company).map((deal) => deal.row));
    const timeline = buildTimeline(plan, core);
    const row: ContactInsert = { ...core.row, lastActivityAt: timeline.lastActivityAt, lastContactedAt: timeline.lastContactedAt };
    batch.contacts.push(row);
    for (const link of core.deals) {
      batch.dealContacts.push({ workspaceId: plan.workspaceId, dealId: link.deal.row.id!, contactId: row.id!, role: link.role, createdAt: link.deal.row.createdAt });
    }
    for (const tag of tagsOfContact(core)) {
      batch.contactTags.push({ workspaceId: plan.workspaceId, contactId: row.id!, tagId: tagIds.get(tag)!, createdAt: row.createdAt });
    }
    batch.emails.push(...timeline.emails);
    batch.notes.push(...timeline.notes);
    batch.tasks.push(...timeline.tasks);
    batch.activities.push(...timeline.activities);
    batch.audit.push({
      workspaceId: plan.workspaceId, id: seededUuid(plan.workspaceId, "audit", i), entityType: "contact", entityId: row.id!,
      action: "create", actorType: "system", actorId: "seed", actorName: plan.actorName,
      changes: creationChanges(row),
      metadata: { seed: plan.seed }, createdAt: row.createdAt,
    });
  }
  return batch;
}

/** The whole workspace at once: what the demo seeds and what the generator's tests inspect. */
export function generateDataset(plan: SeedPlan): Dataset {
  const layout = createLayout(plan);
  return { ...generateFixtures(plan), companies: generateCompanies(layout, 0, plan.companies), ...generateContactBatch(layout, 0, plan.contacts) };
}
