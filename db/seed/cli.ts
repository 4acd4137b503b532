import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { openConfiguredDatabase, type DatabaseHandle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createAuth, type Auth } from "@/server/auth/auth";

/**
 * The server's secret when there is one, so sessions created here stay valid for the app; otherwise a
 * throwaway one (nothing signed with it outlives this process, and the server keeps its own file).
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.resolve(process.cwd(), ".data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  return randomBytes(32).toString("base64url");
}

/** The configured database (PostgreSQL or the embedded one), migrated, with better-auth on it. */
export async function openSeedRuntime(log: (message: string) => void): Promise<{ handle: DatabaseHandle; auth: Auth }> {
  const handle = await openConfiguredDatabase();
  try {
    await migrate(handle.db, { log: (message) => log(`[migrate] ${message}`) });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { handle, auth: createAuth(handle.db, { secret: authSecret(), baseURL: process.env.BETTER_AUTH_URL ?? "http://localhost:3000" }) };
}

/** 100000 → "100k", 1000000 → "1M", 2500 → "2500". */
export function shortCount(count: number): string {
  if (count >= 1_000_000 && count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count >= 1000 && count % 1000 === 0) return `${count / 1000}k`;
  return String(count);
}

export function parseCount(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, "").replace(/k$/i, "000").replace(/m$/i, "000000"));
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive whole number (got "${value}")`);
  return parsed;
}
