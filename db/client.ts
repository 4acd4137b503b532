import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDirectoryLock } from "./lock";
import * as schema from "./schema";
import type { Database } from "./types";

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** The raw PGlite instance when embedded (tests dump and clone it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), ".data", "pglite");

export function pgliteExtensions() {
  return { vector, pg_trgm, unaccent };
}

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  // prepare: false — postgres.js prepared statements switch to a generic plan after five runs,
  // which made full-text search 50x slower; unnamed statements are planned with their real values.
  const client = postgres(url, {
    prepare: false,
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: "hastecrm" },
  });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** Opens an embedded database. `dataDir` undefined means in memory (tests). */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  const release = options.dataDir ? acquireDirectoryLock(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: pgliteExtensions(),
    });
    const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      pglite,
      close: async () => {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The configured database: PostgreSQL when DATABASE_URL is set, otherwise PGlite under .data/. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite({ dataDir: process.env.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR });
}
