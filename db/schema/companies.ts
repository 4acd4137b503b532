import { relations, sql } from "drizzle-orm";
import {
  bigint, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";
import { contacts } from "./contacts";
import { recordSourceEnum } from "./enums";

export const companySizes = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000", "10001+"] as const;
export const companySizeEnum = pgEnum("company_size", companySizes);

export const companies = pgTable(
  "companies",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    domain: text(),
    website: text(),
    industry: text(),
    companySize: companySizeEnum(),
    /** Money is stored as integer micros (1 unit = 1,000,000) beside an ISO 4217 code, never as a float. */
    annualRevenueMicros: bigint({ mode: "bigint" }),
    currency: text().notNull().default("USD"),
    addressLine1: text(),
    addressLine2: text(),
    city: text(),
    state: text(),
    country: text(),
    postalCode: text(),
    timezone: text(),
    phone: text(),
    email: text(),
    linkedinUrl: text(),
    twitterHandle: text(),
    facebookUrl: text(),
    enrichmentData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    logoUrl: text(),
    description: text(),
    aiInsights: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    source: recordSourceEnum().notNull().default("manual"),
    parentCompanyId: uuid(),
    ownerId: text().references(() => users.id, { onDelete: "set null" }),
    employeeCount: integer(),
    foundedYear: integer(),
    lastActivityAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      name: "companies_parent_fk",
      columns: [t.workspaceId, t.parentCompanyId],
      foreignColumns: [t.workspaceId, t.id],
    }),
    index("companies_name_idx").on(t.workspaceId, sql`lower(name)`),
    index("companies_domain_idx").on(t.workspaceId, t.domain),
    index("companies_parent_idx").on(t.workspaceId, t.parentCompanyId),
    index("companies_keyset_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const companiesRelations = relations(companies, ({ one, many }) => ({
  parent: one(companies, {
    fields: [companies.workspaceId, companies.parentCompanyId],
    references: [companies.workspaceId, companies.id],
    relationName: "company_hierarchy",
  }),
  subsidiaries: many(companies, { relationName: "company_hierarchy" }),
  contacts: many(contacts),
  owner: one(users, { fields: [companies.ownerId], references: [users.id] }),
}));
