import { index, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, workspaceId } from "./columns";

export const auditActions = ["create", "update", "delete", "restore", "import", "export", "undo"] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditActionEnum = pgEnum("audit_action", auditActions);

export const actorTypes = ["user", "api_key", "system"] as const;
export type ActorType = (typeof actorTypes)[number];
export const actorTypeEnum = pgEnum("actor_type", actorTypes);

/** `{ field: { old, new } }` for every field an action changed. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

export const auditLog = pgTable(
  "audit_log",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    entityType: text().notNull(),
    entityId: uuid(),
    action: auditActionEnum().notNull(),
    actorType: actorTypeEnum().notNull(),
    /** A user id, an API key id, or the name of the system process. */
    actorId: text(),
    actorName: text(),
    changes: jsonb().$type<FieldChanges>().notNull().default({}),
    /** Groups the entries of one import or bulk operation, which is undone as a unit. */
    jobId: uuid(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("audit_log_entity_idx").on(t.workspaceId, t.entityType, t.entityId, t.createdAt.desc()),
    // With the id: jobs page through another job's audit rows in id order (the search index of an import).
    index("audit_log_job_idx").on(t.workspaceId, t.jobId, t.id),
  ],
);
