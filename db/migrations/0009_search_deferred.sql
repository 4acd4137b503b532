-- A bulk writer (an import) may defer the search refresh of the contacts it writes: it sets
-- hastecrm.search_deferred for its transaction, and a search_index job refreshes those contacts in
-- large batches afterwards. Refreshing inside each write statement cost more than the write itself
-- (an import of 100,000 rows ran at half speed).
CREATE OR REPLACE FUNCTION search_is_deferred() RETURNS boolean
LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('hastecrm.search_deferred', true), '') = 'on' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contacts_search_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid[];
  ids uuid[];
BEGIN
  IF search_is_deferred() THEN
    RETURN NULL;
  END IF;
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
  IF search_is_deferred() THEN
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION contact_tags_search_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF search_is_deferred() THEN
    RETURN NULL;
  END IF;
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
