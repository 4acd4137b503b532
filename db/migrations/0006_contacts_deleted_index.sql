DROP INDEX "contacts_search_idx";--> statement-breakpoint
CREATE INDEX "contacts_deleted_idx" ON "contacts" USING btree ("workspace_id","id") WHERE deleted_at is not null;