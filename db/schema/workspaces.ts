import { relations } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, jsonb, primaryKey } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const memberRoles = ["admin", "manager", "rep"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRoleEnum = pgEnum("member_role", memberRoles);

export const workspaces = pgTable("workspaces", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  settings: jsonb().$type<WorkspaceSettings>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export interface WorkspaceSettings {
  exportRoles?: MemberRole[];
  defaultCountry?: string;
}

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: memberRoleEnum().notNull().default("rep"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    role: memberRoleEnum().notNull().default("rep"),
    tokenHash: text().notNull(),
    invitedBy: text().notNull().references(() => users.id),
    acceptedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("invitations_token_idx").on(t.workspaceId, t.tokenHash),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    /** First characters of the key, shown in the UI so a key can be recognised without storing it. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    role: memberRoleEnum().notNull().default("rep"),
    createdBy: text().notNull().references(() => users.id),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Looked up by hash alone before the workspace is known; the hash is globally unique by construction.
    uniqueIndex("api_keys_hash_idx").on(t.keyHash),
  ],
);

export const workspacesRelations = relations(workspaces, ({ many }) => ({
  memberships: many(memberships),
  apiKeys: many(apiKeys),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  workspace: one(workspaces, { fields: [memberships.workspaceId], references: [workspaces.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));
