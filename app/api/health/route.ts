import { sql } from "drizzle-orm";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Ready once the database is open and migrated; used by load balancers and the e2e harness. */
export async function GET() {
  const { handle } = await getRuntime();
  await handle.db.execute(sql`select 1`);
  return Response.json({ ok: true, database: handle.kind });
}
