import { relations } from "drizzle-orm";
import {
  type AnyPgColumn, bigint, boolean, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";
import { companies } from "./companies";
import { contacts } from "./contacts";

export const activityTypes = [
  "email_sent", "email_received", "email_opened", "email_clicked",
  "meeting_scheduled", "meeting_held", "call_made", "call_received",
  "note_added", "task_created", "task_completed", "deal_stage_changed", "custom",
] as const;
export type ActivityType = (typeof activityTypes)[number];
export const activityTypeEnum = pgEnum("activity_type", activityTypes);

export const entityTypes = ["contact", "company", "deal"] as const;
export const entityTypeEnum = pgEnum("entity_type", entityTypes);

type ColumnPair = { workspaceId: AnyPgColumn; id: AnyPgColumn };
const tenantFk = (name: string, workspace: AnyPgColumn, column: AnyPgColumn, target: ColumnPair) =>
  foreignKey({ name, columns: [workspace, column], foreignColumns: [target.workspaceId, target.id] }).onDelete("cascade");

export const dealStages = ["qualification", "needs_analysis", "proposal", "negotiation", "closed_won", "closed_lost"] as const;
export const dealStageEnum = pgEnum("deal_stage", dealStages);

export const deals = pgTable(
  "deals",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    title: text().notNull(),
    valueMicros: bigint({ mode: "bigint" }),
    currency: text().notNull().default("USD"),
    stage: dealStageEnum().notNull().default("qualification"),
    probability: integer().notNull().default(10),
    expectedCloseDate: date(),
    companyId: uuid(),
    ownerId: text().references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    tenantFk("deals_company_fk", t.workspaceId, t.companyId, companies),
    index("deals_company_idx").on(t.workspaceId, t.companyId),
  ],
);

export const dealContacts = pgTable(
  "deal_contacts",
  {
    workspaceId: workspaceId(),
    dealId: uuid().notNull(),
    contactId: uuid().notNull(),
    role: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.contactId] }),
    foreignKey({ name: "deal_contacts_deal_fk", columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    tenantFk("deal_contacts_contact_fk", t.workspaceId, t.contactId, contacts),
    index("deal_contacts_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

export const activities = pgTable(
  "activities",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    type: activityTypeEnum().notNull(),
    title: text().notNull(),
    description: text(),
    entityType: entityTypeEnum().notNull(),
    entityId: uuid().notNull(),
    contactId: uuid(),
    dealId: uuid(),
    companyId: uuid(),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    tenantFk("activities_contact_fk", t.workspaceId, t.contactId, contacts),
    tenantFk("activities_company_fk", t.workspaceId, t.companyId, companies),
    foreignKey({ name: "activities_deal_fk", columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    index("activities_contact_idx").on(t.workspaceId, t.contactId, t.occurredAt.desc()),
    index("activities_company_idx").on(t.workspaceId, t.companyId, t.occurredAt.desc()),
    index("activities_entity_idx").on(t.workspaceId, t.entityType, t.entityId),
  ],
);

export const notes = pgTable(
  "notes",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    body: text().notNull(),
    contactId: uuid(),
    companyId: uuid(),
    dealId: uuid(),
    authorId: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    tenantFk("notes_contact_fk", t.workspaceId, t.contactId, contacts),
    tenantFk("notes_company_fk", t.workspaceId, t.companyId, companies),
    index("notes_contact_idx").on(t.workspaceId, t.contactId, t.createdAt.desc()),
  ],
);

export const taskStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export const taskStatusEnum = pgEnum("task_status", taskStatuses);

export const tasks = pgTable(
  "tasks",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    title: text().notNull(),
    description: text(),
    status: taskStatusEnum().notNull().default("open"),
    dueAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    assigneeId: text().references(() => users.id, { onDelete: "set null" }),
    contactId: uuid(),
    companyId: uuid(),
    dealId: uuid(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    tenantFk("tasks_contact_fk", t.workspaceId, t.contactId, contacts),
    tenantFk("tasks_company_fk", t.workspaceId, t.companyId, companies),
    index("tasks_contact_idx").on(t.workspaceId, t.contactId, t.dueAt),
    index("tasks_assignee_idx").on(t.workspaceId, t.assigneeId, t.status),
  ],
);

export const emailDirections = ["inbound", "outbound"] as const;
export const emailDirectionEnum = pgEnum("email_direction", emailDirections);

export const emails = pgTable(
  "emails",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    contactId: uuid(),
    threadId: text(),
    direction: emailDirectionEnum().notNull(),
    fromAddress: text().notNull(),
    toAddresses: text().array().notNull(),
    subject: text().notNull().default(""),
    snippet: text().notNull().default(""),
    body: text(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    opened: boolean().notNull().default(false),
    openedAt: timestamp({ withTimezone: true }),
    clickedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    tenantFk("emails_contact_fk", t.workspaceId, t.contactId, contacts),
    index("emails_contact_idx").on(t.workspaceId, t.contactId, t.sentAt.desc()),
  ],
);

export const activitiesRelations = relations(activities, ({ one }) => ({
  user: one(users, { fields: [activities.userId], references: [users.id] }),
}));
