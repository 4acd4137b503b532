import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/sql";
import type { Database, Executor } from "@/db/types";

export interface NearestRow {
  id: string;
  similarity: number;
}

/** pgvector's text form; a float array parameter would need the extension's binary codec. */
export function vectorLiteral(vector: number[]): string {
  return `[${vector.map((x) => (Number.isFinite(x) ? x : 0)).join(",")}]`;
}

/**
 * The live contacts nearest to `vector` by cosine distance, through the HNSW index. Iterative scanning
 * (pgvector 0.8) keeps reading the graph until `limit` rows pass the workspace, model and filter
 * conditions, instead of returning the few of the first ef_search candidates that do.
 */
export async function findNearestContacts(
  db: Executor,
  params: { workspaceId: string; model: string; vector: number[]; limit: number; filter: SQL | null },
): Promise<NearestRow[]> {
  const literal = vectorLiteral(params.vector);
  const query = sql`
    select e.contact_id as id, (1 - (e.embedding <=> ${literal}::vector))::float8 as similarity
    from contact_embeddings e
    join contacts on contacts.workspace_id = e.workspace_id and contacts.id = e.contact_id and contacts.deleted_at is null
    where e.workspace_id = ${params.workspaceId}::uuid and e.model = ${params.model} ${params.filter ? sql`and (${params.filter})` : sql``}
    order by e.embedding <=> ${literal}::vector
    limit ${params.limit}`;
  const run = async (tx: Executor) => {
    await tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${String(Math.max(40, params.limit * 2))}, true)`);
    return queryRows<NearestRow>(tx, query);
  };
  // set_config(…, true) lasts until the transaction ends: inside the caller's transaction it would outlive this query.
  const rows = "rollback" in db ? await queryRows<NearestRow>(db, query) : await (db as Database).transaction(run);
  // relaxed_order may return neighbours slightly out of order.
  return rows.map((row) => ({ id: row.id, similarity: Number(row.similarity) })).sort((a, b) => b.similarity - a.similarity);
}
