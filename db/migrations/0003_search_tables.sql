CREATE TABLE "contact_embedding_queue" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_embedding_queue_workspace_id_contact_id_pk" PRIMARY KEY("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "contact_search" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"names" "tsvector" NOT NULL,
	"document" "tsvector" NOT NULL,
	"company" text,
	"source" "record_source" NOT NULL,
	"tag_ids" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "contact_search_workspace_id_contact_id_pk" PRIMARY KEY("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"workspace_id" uuid NOT NULL,
	"term" text NOT NULL,
	CONSTRAINT "search_terms_workspace_id_term_pk" PRIMARY KEY("workspace_id","term")
);
--> statement-breakpoint
ALTER TABLE "contact_embedding_queue" ADD CONSTRAINT "contact_embedding_queue_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_embedding_queue" ADD CONSTRAINT "contact_embedding_queue_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_search" ADD CONSTRAINT "contact_search_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_search" ADD CONSTRAINT "contact_search_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_terms" ADD CONSTRAINT "search_terms_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_search_names_idx" ON "contact_search" USING gin ("names");--> statement-breakpoint
CREATE INDEX "contact_search_document_idx" ON "contact_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_default_idx" ON "saved_views" USING btree ("workspace_id","owner_id","object_type") WHERE is_default;