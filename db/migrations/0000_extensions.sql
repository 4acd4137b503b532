-- pg_trgm serves fuzzy matching; vector (pgvector) serves semantic search and is optional:
-- the migrator skips statements needing it, with a notice, where the extension is not installed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS vector;
