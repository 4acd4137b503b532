import { boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, updatedAt, workspaceId } from "./columns";

export const webhooks = pgTable(
  "webhooks",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    url: text().notNull(),
    /** Used to sign each delivery (HMAC-SHA256) so receivers can verify it came from us. */
    secret: text().notNull(),
    events: text().array().notNull(),
    isActive: boolean().notNull().default(true),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const deliveryStatuses = ["pending", "succeeded", "failed"] as const;
export const deliveryStatusEnum = pgEnum("webhook_delivery_status", deliveryStatuses);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    workspaceId: workspaceId(),
    id: uuid().notNull().defaultRandom(),
    webhookId: uuid().notNull(),
    event: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: deliveryStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    responseBody: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ name: "webhook_deliveries_webhook_fk", columns: [t.workspaceId, t.webhookId], foreignColumns: [webhooks.workspaceId, webhooks.id] }).onDelete("cascade"),
    index("webhook_deliveries_pending_idx").on(t.status, t.nextAttemptAt),
  ],
);
