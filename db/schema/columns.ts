import { timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

// Every tenant table starts with workspace_id and uses (workspace_id, id) as its primary key, so the
// data can be distributed by workspace (Citus) without reshaping keys or foreign keys.
export const workspaceId = () =>
  uuid()
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
