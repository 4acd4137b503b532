import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeys, users, type MemberRole } from "@/db/schema";
import type { Executor } from "@/db/types";

export async function findActiveKeyByHash(db: Executor, keyHash: string) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Records use at most once a minute per key, so a busy integration does not write on every call. */
export async function touchKeyLastUsed(db: Executor, params: { workspaceId: string; id: string; now: Date }) {
  const threshold = new Date(params.now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: params.now })
    .where(
      and(
        eq(apiKeys.workspaceId, params.workspaceId),
        eq(apiKeys.id, params.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, threshold)),
      ),
    );
}

export async function insertApiKey(
  db: Executor,
  values: { workspaceId: string; name: string; prefix: string; keyHash: string; role: MemberRole; createdBy: string },
) {
  const [row] = await db.insert(apiKeys).values(values).returning({
    id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, role: apiKeys.role,
    lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt, createdAt: apiKeys.createdAt, createdBy: apiKeys.createdBy,
  });
  return row!;
}

export async function findApiKeys(db: Executor, workspaceId: string) {
  return db
    .select({
      id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, role: apiKeys.role,
      lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt, createdAt: apiKeys.createdAt, createdBy: apiKeys.createdBy,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Executor, params: { workspaceId: string; id: string; now: Date }) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: params.now })
    .where(and(eq(apiKeys.workspaceId, params.workspaceId), eq(apiKeys.id, params.id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  return rows[0] ?? null;
}
