import { relations, sql } from "drizzle-orm";
import {
  foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";
import { companies } from "./companies";
import { recordSourceEnum } from "./enums";

export const lifecycleStages = ["lead", "MQL", "SQL", "opportunity", "customer", "evangelist"] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];
export const lifecycleStageEnum = pgEnum("lifecycle_stage", lifecycleStages);

export interface EnrichmentData {
  isEnriched?: boolean;
  enrichedAt?: string;
  sources?: string[];
  [key: string]: unknown;
}

export interface AiInsights {
  summary?: string;
  lastUpdated?: string;
  predictedValue?: number;
  engagementScore?: number;
  nextBestAction?: string;
  talkingPoints?: string[];
  [key: string]: unknown;
}

export const contacts = pgTable(
  "contacts",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    firstName: text(),
    lastName: text(),
    phone: text(),
    mobile: text(),
    company: text(),
    title: text(),
    department: text(),
    companyId: uuid(),
    addressLine1: text(),
    addressLine2: text(),
    city: text(),
    state: text(),
    country: text(),
    postalCode: text(),
    source: recordSourceEnum().notNull().default("manual"),
    sourceDetails: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    score: integer().notNull().default(0),
    lifecycleStage: lifecycleStageEnum().notNull().default("lead"),
    linkedinUrl: text(),
    twitterHandle: text(),
    facebookUrl: text(),
    website: text(),
    enrichmentData: jsonb().$type<EnrichmentData>().notNull().default({}),
    enrichmentUpdatedAt: timestamp({ withTimezone: true }),
    aiInsights: jsonb().$type<AiInsights>().notNull().default({}),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ownerId: text().references(() => users.id, { onDelete: "set null" }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    lastActivityAt: timestamp({ withTimezone: true }),
    lastContactedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      name: "contacts_company_fk",
      columns: [t.workspaceId, t.companyId],
      foreignColumns: [companies.workspaceId, companies.id],
    }),
    uniqueIndex("contacts_email_idx").on(t.workspaceId, t.email).where(sql`deleted_at is null`),
    index("contacts_keyset_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("contacts_score_idx").on(t.workspaceId, t.score.desc()),
    index("contacts_last_activity_idx").on(t.workspaceId, t.lastActivityAt.desc()),
    index("contacts_custom_fields_idx").using("gin", t.customFields),
    index("contacts_company_idx").on(t.workspaceId, t.companyId),
    index("contacts_owner_idx").on(t.workspaceId, t.ownerId),
    // "Company contains Tech", the commonest text filter: without it a selective substring match read a
    // fifth of a 1M-contact workspace through whichever other condition had an index (400 ms, 350 p95).
    index("contacts_company_trgm_idx").using("gin", t.company.op("gin_trgm_ops")),
    // Trash and live counts that subtract the (few) deleted contacts read these instead of every live row.
    index("contacts_deleted_idx").on(t.workspaceId, t.id).where(sql`deleted_at is not null`),
  ],
);

export const relationshipTypes = ["reports_to", "referred_by", "influences", "works_with", "manages"] as const;
export const relationshipTypeEnum = pgEnum("contact_relationship_type", relationshipTypes);
export const dmuRoles = ["champion", "decision_maker", "economic_buyer", "influencer", "blocker", "user", "gatekeeper"] as const;
export const dmuRoleEnum = pgEnum("dmu_role", dmuRoles);

export const contactRelationships = pgTable(
  "contact_relationships",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    fromContactId: uuid().notNull(),
    toContactId: uuid().notNull(),
    type: relationshipTypeEnum().notNull(),
    /** The role the "from" contact plays in the decision-making unit, if any. */
    dmuRole: dmuRoleEnum(),
    notes: text(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      name: "contact_relationships_from_fk",
      columns: [t.workspaceId, t.fromContactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "contact_relationships_to_fk",
      columns: [t.workspaceId, t.toContactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete("cascade"),
    uniqueIndex("contact_relationships_unique_idx").on(t.workspaceId, t.fromContactId, t.toContactId, t.type),
    index("contact_relationships_to_idx").on(t.workspaceId, t.toContactId),
  ],
);

export const contactsRelations = relations(contacts, ({ one }) => ({
  companyRecord: one(companies, {
    fields: [contacts.workspaceId, contacts.companyId],
    references: [companies.workspaceId, companies.id],
  }),
  owner: one(users, { fields: [contacts.ownerId], references: [users.id] }),
}));
