import fs from "node:fs";
import path from "node:path";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring download links: an HMAC over {workspaceId, exportId, expiresAt}, keyed by a key
 * derived from the auth secret so a leaked link signature says nothing about session signing.
 */
function signingKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("hastecrm:export-download-links:v1").digest();
}

export function signExportLink(secret: string, params: { workspaceId: string; exportId: string; expiresAt: Date }): string {
  return createHmac("sha256", signingKey(secret)).update(`${params.workspaceId}.${params.exportId}.${params.expiresAt.getTime()}`).digest("base64url");
}

export function exportDownloadUrl(secret: string, params: { workspaceId: string; exportId: string; expiresAt: Date }): string {
  const query = new URLSearchParams({ w: params.workspaceId, e: String(params.expiresAt.getTime()), s: signExportLink(secret, params) });
  return `/api/exports/${params.exportId}?${query.toString()}`;
}

export type LinkCheck = { isValid: true; workspaceId: string; expiresAt: Date } | { isValid: false; reason: "invalid" | "expired" };

export function verifyExportLink(secret: string, params: { exportId: string; w: string | null; e: string | null; s: string | null }, now = new Date()): LinkCheck {
  const expiresMs = Number(params.e);
  if (!params.w || !params.s || !Number.isFinite(expiresMs)) return { isValid: false, reason: "invalid" };
  const expiresAt = new Date(expiresMs);
  const expected = Buffer.from(signExportLink(secret, { workspaceId: params.w, exportId: params.exportId, expiresAt }));
  const given = Buffer.from(params.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { isValid: false, reason: "invalid" };
  if (expiresAt.getTime() <= now.getTime()) return { isValid: false, reason: "expired" };
  return { isValid: true, workspaceId: params.w, expiresAt };
}

/** The auth secret (as the runtime resolves it) is the only key material; links signed in tests use their own. */
export function exportLinkSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret) return secret;
  // Development without a configured secret: the runtime keeps a generated one under .data/.
  const file = path.resolve(process.cwd(), ".data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  throw new Error("BETTER_AUTH_SECRET is not set and no development secret exists; export links cannot be signed");
}
