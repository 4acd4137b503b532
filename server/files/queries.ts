import { and, eq } from "drizzle-orm";
import { files } from "@/db/schema";
import type { Executor } from "@/db/types";

export type FileRecord = typeof files.$inferSelect;

export async function findFile(db: Executor, params: { workspaceId: string; id: string }): Promise<FileRecord | null> {
  const rows = await db.select().from(files).where(and(eq(files.workspaceId, params.workspaceId), eq(files.id, params.id))).limit(1);
  return rows[0] ?? null;
}

export async function insertFileRow(db: Executor, values: typeof files.$inferInsert): Promise<FileRecord> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}
