-- Search: accent folding, the contact_search documents and the typo dictionary, kept current by
-- statement-level triggers (one set-based pass per INSERT/UPDATE statement, so a 5,000-row import batch
-- costs one refresh, not 5,000), and the embedding queue for semantic search.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is STABLE (it reads its dictionary through search_path); naming the dictionary makes the
-- result fixed, which generated columns and index expressions require.
CREATE OR REPLACE FUNCTION search_unaccent(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- Lower case, accents folded, punctuation turned into spaces: "José.O'Brien@Acme-Corp.com" becomes
-- "jose o brien acme corp com", so emails are found by local part and by domain, and the text search
-- parser never sees emails, URLs or markup as single tokens. (regexp_replace: translate() with this many
-- characters measured 5x slower.) server/search/highlight.ts folds the same way for snippets.
CREATE OR REPLACE FUNCTION search_normalize(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT regexp_replace(lower(search_unaccent(coalesce(value, ''))), '[!-/:-@\[-`{-~‘’“”–—•·]', ' ', 'g') $$;
--> statement-breakpoint
-- Every run of at least four trailing digits of a phone (an extension after "x"/"ext" left out), so a
-- prefix search on one of them finds any part of the number: "555 0123", "4155550123", "+1 415 555 0123"
-- and "0123" all find +1 (415) 555-0123.
CREATE OR REPLACE FUNCTION search_phone_terms(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg(substr(d, i), ' '), '')
  FROM (SELECT regexp_replace(split_part(lower(coalesce(value, '')), 'x', 1), '[^0-9]', '', 'g') AS d) digits,
       generate_series(1, greatest(length(d) - 3, 0)) AS i
$$;
--> statement-breakpoint
-- Recomputes the search rows of the given contacts: deleted or soft-deleted contacts lose theirs, live
-- ones get a fresh document. Called by the triggers below with the contacts a statement touched;
-- `p_is_new` (an INSERT) skips what a contact that did not exist cannot have yet: a row, notes, tags.
-- Every lookup is a LATERAL … OFFSET 0 on the primary key alone (deleted_at is tested outside it):
-- without fresh statistics (autovacuum off, PGlite, mid-import) the planner took "deleted_at IS NULL"
-- as selective and read contacts through the partial email index, i.e. the whole workspace per
-- contact, which made a 1M-contact load quadratic.
CREATE OR REPLACE FUNCTION contact_search_refresh(p_workspace_ids uuid[], p_contact_ids uuid[], p_is_new boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_contact_ids IS NULL OR cardinality(p_contact_ids) = 0 THEN
    RETURN;
  END IF;

  IF NOT p_is_new THEN
    DELETE FROM contact_search
    WHERE ctid = ANY (ARRAY(
      SELECT row.ctid
      FROM unnest(p_workspace_ids, p_contact_ids) AS k(workspace_id, contact_id)
      CROSS JOIN LATERAL (
        SELECT s.ctid FROM contact_search s
        WHERE s.workspace_id = k.workspace_id AND s.contact_id = k.contact_id OFFSET 0) row
      WHERE NOT EXISTS (
        SELECT 1 FROM (
          SELECT c.deleted_at FROM contacts c
          WHERE c.workspace_id = k.workspace_id AND c.id = k.contact_id OFFSET 0) live
        WHERE live.deleted_at IS NULL)));
  END IF;

  WITH keys AS (
    SELECT DISTINCT k.workspace_id, k.contact_id
    FROM unnest(p_workspace_ids, p_contact_ids) AS k(workspace_id, contact_id)
  ), src AS (
    SELECT c.workspace_id, c.id, c.company, c.source,
           to_tsvector('simple', search_normalize(concat_ws(' ', c.first_name, c.last_name))) AS names,
           search_normalize(concat_ws(' ', c.email, c.company))
             || CASE WHEN c.phone IS NULL THEN '' ELSE ' ' || search_phone_terms(c.phone) END
             || CASE WHEN c.mobile IS NULL THEN '' ELSE ' ' || search_phone_terms(c.mobile) END AS b_text,
           search_normalize(concat_ws(' ', c.title, c.department)) AS c_text,
           search_normalize(left(concat_ws(' ',
             CASE WHEN NOT p_is_new THEN
               (SELECT string_agg(n.body, ' ')
                  FROM (SELECT body FROM notes n
                        WHERE n.workspace_id = c.workspace_id AND n.contact_id = c.id
                        ORDER BY n.created_at DESC LIMIT 50) n)
             END,
             CASE WHEN c.custom_fields <> '{}'::jsonb THEN
               (SELECT string_agg(f.value, ' ')
                  FROM jsonb_each_text(c.custom_fields) f
                  JOIN custom_field_definitions d
                    ON d.workspace_id = c.workspace_id AND d.object_type = 'contact' AND d.field_name = f.key
                   AND d.field_type IN ('text', 'textarea') AND d.archived_at IS NULL)
             END
           ), 20000)) AS d_text,
           CASE WHEN p_is_new THEN '{}'::uuid[] ELSE
             (SELECT coalesce(array_agg(t.tag_id ORDER BY t.tag_id), '{}')
                FROM contact_tags t WHERE t.workspace_id = c.workspace_id AND t.contact_id = c.id)
           END AS tag_ids
    FROM keys k
    CROSS JOIN LATERAL (
      SELECT * FROM contacts c
      WHERE c.workspace_id = k.workspace_id AND c.id = k.contact_id OFFSET 0) c
    WHERE c.deleted_at IS NULL
  ), written AS (
    INSERT INTO contact_search (workspace_id, contact_id, names, document, company, source, tag_ids)
    SELECT workspace_id, id, names,
           setweight(names, 'A')
           || setweight(to_tsvector('simple', b_text), 'B')
           || setweight(to_tsvector('simple', c_text), 'C')
           || setweight(to_tsvector('simple', d_text), 'D'),
           company, source, tag_ids
    FROM src
    ORDER BY workspace_id, id
    ON CONFLICT (workspace_id, contact_id) DO UPDATE
      SET names = excluded.names, document = excluded.document, company = excluded.company,
          source = excluded.source, tag_ids = excluded.tag_ids
  )
  INSERT INTO search_terms (workspace_id, term)
  SELECT DISTINCT src.workspace_id, w.term
  FROM src, unnest(tsvector_to_array(src.names) || tsvector_to_array(to_tsvector('simple', search_normalize(src.company)))) AS w(term)
  WHERE length(w.term) BETWEEN 3 AND 40 AND w.term !~ '^[0-9]+$'
  -- One key order for every writer, so two imports adding the same new words wait instead of deadlocking.
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- Queues contacts for re-embedding, but only where semantic search exists (pgvector installed and
-- its table created); elsewhere the queue would only grow.
CREATE OR REPLACE FUNCTION contact_embedding_enqueue(p_workspace_ids uuid[], p_contact_ids uuid[], p_is_new boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_contact_ids IS NULL OR cardinality(p_contact_ids) = 0 OR to_regclass('public.contact_embeddings') IS NULL THEN
    RETURN;
  END IF;
  -- The wall clock, not the transaction's start: a drain removes only entries queued before it claimed them.
  INSERT INTO contact_embedding_queue (workspace_id, contact_id, queued_at)
  SELECT k.workspace_id, k.contact_id, clock_timestamp()
  FROM (SELECT DISTINCT workspace_id, contact_id FROM unnest(p_workspace_ids, p_contact_ids) AS u(workspace_id, contact_id)) k
  WHERE k.contact_id IS NOT NULL
    -- A note or activity deleted along with its contact must not queue the contact being deleted.
    AND (p_is_new OR EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = k.workspace_id AND c.id = k.contact_id OFFSET 0))
  ORDER BY 1, 2
  ON CONFLICT (workspace_id, contact_id) DO UPDATE SET queued_at = excluded.queued_at;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contacts_search_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids uuid[];
BEGIN
  SELECT array_agg(workspace_id), array_agg(id) INTO ws, ids FROM new_rows WHERE deleted_at IS NULL;
  PERFORM contact_search_refresh(ws, ids, true);
  PERFORM contact_embedding_enqueue(ws, ids, true);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contacts_search_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids uuid[];
BEGIN
  -- Score, owner or timestamp updates (the common bulk edits) change nothing searchable: skip them.
  SELECT array_agg(n.workspace_id), array_agg(n.id) INTO ws, ids
  FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
  WHERE (n.first_name, n.last_name, n.email, n.company, n.title, n.department, n.phone, n.mobile,
         n.custom_fields, n.source, n.deleted_at)
        IS DISTINCT FROM
        (o.first_name, o.last_name, o.email, o.company, o.title, o.department, o.phone, o.mobile,
         o.custom_fields, o.source, o.deleted_at);
  PERFORM contact_search_refresh(ws, ids);

  SELECT array_agg(n.workspace_id), array_agg(n.id) INTO ws, ids
  FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
  WHERE n.deleted_at IS NULL
    AND (n.first_name, n.last_name, n.company, n.company_id, n.title, n.department, n.custom_fields, n.deleted_at)
        IS DISTINCT FROM
        (o.first_name, o.last_name, o.company, o.company_id, o.title, o.department, o.custom_fields, o.deleted_at);
  PERFORM contact_embedding_enqueue(ws, ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contacts_search_after_insert();
--> statement-breakpoint
CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contacts_search_after_update();
--> statement-breakpoint
-- Notes feed the documents (weight D) and the embedding text.
CREATE OR REPLACE FUNCTION notes_search_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(workspace_id), array_agg(contact_id) INTO ws, ids FROM new_rows WHERE contact_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(workspace_id), array_agg(contact_id) INTO ws, ids FROM old_rows WHERE contact_id IS NOT NULL;
  ELSE
    SELECT array_agg(workspace_id), array_agg(contact_id) INTO ws, ids
    FROM (SELECT workspace_id, contact_id FROM new_rows UNION SELECT workspace_id, contact_id FROM old_rows) r
    WHERE contact_id IS NOT NULL;
  END IF;
  PERFORM contact_search_refresh(ws, ids);
  PERFORM contact_embedding_enqueue(ws, ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notes_search_after_change();
--> statement-breakpoint
CREATE TRIGGER notes_search_update AFTER UPDATE ON notes
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notes_search_after_change();
--> statement-breakpoint
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notes_search_after_change();
--> statement-breakpoint
-- Tags only change the facet copy, not the document.
CREATE OR REPLACE FUNCTION contact_tags_search_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contact_search s
  SET tag_ids = (SELECT coalesce(array_agg(t.tag_id ORDER BY t.tag_id), '{}')
                 FROM contact_tags t WHERE t.workspace_id = s.workspace_id AND t.contact_id = s.contact_id)
  WHERE s.ctid = ANY (ARRAY(
    SELECT row.ctid
    FROM (SELECT DISTINCT workspace_id, contact_id FROM changed_rows) k
    CROSS JOIN LATERAL (
      SELECT x.ctid FROM contact_search x
      WHERE x.workspace_id = k.workspace_id AND x.contact_id = k.contact_id OFFSET 0) row));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contact_tags_search_insert AFTER INSERT ON contact_tags
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_tags_search_after_change();
--> statement-breakpoint
CREATE TRIGGER contact_tags_search_delete AFTER DELETE ON contact_tags
REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_tags_search_after_change();
--> statement-breakpoint
-- Activity titles and the company's name and industry are part of the embedding text.
CREATE OR REPLACE FUNCTION activities_embedding_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(workspace_id), array_agg(contact_id) INTO ws, ids FROM new_rows WHERE contact_id IS NOT NULL;
  ELSE
    SELECT array_agg(n.workspace_id), array_agg(n.contact_id) INTO ws, ids
    FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    WHERE n.contact_id IS NOT NULL AND (n.title, n.contact_id) IS DISTINCT FROM (o.title, o.contact_id);
  END IF;
  PERFORM contact_embedding_enqueue(ws, ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_embedding_insert AFTER INSERT ON activities
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_embedding_after_change();
--> statement-breakpoint
CREATE TRIGGER activities_embedding_update AFTER UPDATE ON activities
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_embedding_after_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION companies_embedding_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids uuid[];
BEGIN
  IF to_regclass('public.contact_embeddings') IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(c.workspace_id), array_agg(c.id) INTO ws, ids
  FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
  CROSS JOIN LATERAL (
    SELECT c.workspace_id, c.id, c.deleted_at FROM contacts c
    WHERE c.workspace_id = n.workspace_id AND c.company_id = n.id OFFSET 0) c
  WHERE (n.name, n.industry) IS DISTINCT FROM (o.name, o.industry) AND c.deleted_at IS NULL;
  PERFORM contact_embedding_enqueue(ws, ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER companies_embedding_update AFTER UPDATE ON companies
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION companies_embedding_after_update();
--> statement-breakpoint
-- Contacts that existed before this migration.
SELECT contact_search_refresh(array_agg(workspace_id), array_agg(id)) FROM contacts WHERE deleted_at IS NULL;
