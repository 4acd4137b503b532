ALTER TYPE "public"."job_kind" ADD VALUE 'search_index';--> statement-breakpoint
DROP INDEX "audit_log_job_idx";--> statement-breakpoint
CREATE INDEX "audit_log_job_idx" ON "audit_log" USING btree ("workspace_id","job_id","id");