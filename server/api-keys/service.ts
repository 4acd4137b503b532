import { recordAudit } from "../audit/service";
import type { ServiceContext } from "../context";
import { requireRole } from "../lib/authorize";
import { forbidden, notFound } from "../lib/errors";
import { generateApiKey } from "./hash";
import { findApiKeys, insertApiKey, revokeApiKey } from "./queries";
import type { CreateApiKeyInput } from "./schemas";

/**
 * Keys are minted by signed-in admins only: a key able to create keys would let a leaked one
 * survive its own revocation.
 */
export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput) {
  requireRole(ctx, "admin", "create API keys");
  if (ctx.actor.type !== "user") throw forbidden("API keys cannot create API keys; sign in as an admin to do it");
  const { key, prefix, hash } = generateApiKey();
  return ctx.db.transaction(async (tx) => {
    const apiKey = await insertApiKey(tx, {
      workspaceId: ctx.workspaceId, name: input.name, role: input.role, prefix, keyHash: hash, createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      entityType: "api_key", entityId: apiKey.id, action: "create",
      changes: { name: { old: null, new: apiKey.name }, role: { old: null, new: apiKey.role }, prefix: { old: null, new: apiKey.prefix } },
    });
    // The plaintext leaves the server in this response only; it is never stored or shown again.
    return { apiKey, key };
  });
}

/** Names, prefixes and roles are visible to every member (so a rep can tell which integration wrote a record); the keys never are. */
export async function listApiKeys(ctx: ServiceContext) {
  return findApiKeys(ctx.db, ctx.workspaceId);
}

/** An admin key may revoke keys (itself included): cutting access off is never the dangerous direction. */
export async function revokeApiKeyById(ctx: ServiceContext, input: { id: string }) {
  requireRole(ctx, "admin", "revoke API keys");
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeApiKey(tx, { workspaceId: ctx.workspaceId, id: input.id, now: new Date() });
    if (!revoked) throw notFound("Active API key", input.id);
    await recordAudit(tx, ctx, {
      entityType: "api_key", entityId: revoked.id, action: "delete", changes: { revokedAt: { old: null, new: new Date().toISOString() } },
    });
    return { id: revoked.id };
  });
}
