import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { openConfiguredDatabase, type DatabaseHandle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createAuth, type Auth } from "./auth/auth";
import { ensureDemoWorkspace } from "@/db/seed/demo";
import { resumeLocalJobs } from "./jobs/local-runner";

export interface Runtime {
  handle: DatabaseHandle;
  auth: Auth;
}

/** In development without a secret, one is generated once and kept under .data/ so sessions survive restarts. */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
    throw new Error("BETTER_AUTH_SECRET must be set in production");
  }
  const file = path.resolve(process.cwd(), ".data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The demo (with its printed password) is for the embedded newcomer setup, never a production database by default. */
function shouldSeedDemo(): boolean {
  const flag = process.env.HASTECRM_SEED_DEMO;
  if (flag !== undefined) return flag !== "0";
  return !(process.env.NODE_ENV === "production" && process.env.DATABASE_URL);
}

async function startRuntime(): Promise<Runtime> {
  const handle = await openConfiguredDatabase();
  await migrate(handle.db);
  const auth = createAuth(handle.db, { secret: authSecret(), baseURL: process.env.BETTER_AUTH_URL });
  if (shouldSeedDemo()) await ensureDemoWorkspace(handle.db, auth);
  await resumeLocalJobs(handle.db);
  return { handle, auth };
}

// One runtime per server process, kept on globalThis so Next's hot reload never opens the
// embedded database twice (a second PGlite on one directory loses writes).
const globalRuntime = globalThis as unknown as { __hastecrmRuntime?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  globalRuntime.__hastecrmRuntime ??= startRuntime().catch((error: unknown) => {
    globalRuntime.__hastecrmRuntime = undefined;
    throw error;
  });
  return globalRuntime.__hastecrmRuntime;
}
