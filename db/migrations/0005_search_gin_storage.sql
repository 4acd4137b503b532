DROP INDEX "contact_search_names_idx";--> statement-breakpoint
DROP INDEX "contact_search_document_idx";--> statement-breakpoint
DROP INDEX "search_terms_trgm_idx";--> statement-breakpoint
CREATE INDEX "contact_search_names_idx" ON "contact_search" USING gin ("names") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "contact_search_document_idx" ON "contact_search" USING gin ("document") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops) WITH (fastupdate=false);