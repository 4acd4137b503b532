import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "hck_";

/** Keys are 32 random bytes; only their SHA-256 is stored (a slow hash buys nothing at this entropy). */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
