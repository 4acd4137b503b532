import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle } from "./client";
import { DatabaseLockedError } from "./lock";
import { migrate } from "./migrate";
import { queryRows } from "./sql";

async function describeSchema(handle: DatabaseHandle) {
  const columns = await queryRows<{ t: string; c: string; type: string; nullable: string }>(
    handle.db,
    sql`select table_name as t, column_name as c, udt_name as type, is_nullable as nullable
        from information_schema.columns where table_schema = 'public' order by 1, 2`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    handle.db,
    sql`select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' order by 1`,
  );
  const constraints = await queryRows<{ name: string; def: string }>(
    handle.db,
    sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where connamespace = 'public'::regnamespace and contype <> 'n' order by 1`,
  );
  return { columns, indexes, constraints };
}

const withoutVector = <T extends { t?: string; name?: string; def?: string }>(rows: T[]) =>
  rows.filter((r) => !(r.t === "contact_embeddings" || r.name?.startsWith("contact_embeddings") || r.def?.includes("contact_embeddings")));

describe("migrations", () => {
  it("apply on PGlite with pgvector, and a second run applies nothing", async () => {
    const handle = await openPglite();
    try {
      const logs: string[] = [];
      const first = await migrate(handle.db, { log: (m) => logs.push(m) });
      expect(first.hasVector).toBe(true);
      expect(first.applied.length).toBeGreaterThan(1);
      expect(first.deferred).toBe(0);
      const again = await migrate(handle.db, { log: () => {} });
      expect(again.applied).toEqual([]);
      const schema = await describeSchema(handle);
      expect(schema.columns.some((c) => c.t === "contact_embeddings" && c.c === "embedding" && c.type === "vector")).toBe(true);
      expect(schema.indexes.map((i) => i.name)).toContain("contact_embeddings_hnsw_idx");
    } finally {
      await handle.close();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "produce the same schema on PostgreSQL as on PGlite (pgvector parts deferred with a notice where missing)",
    async () => {
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const name = `hastecrm_mig_${process.pid}_${Date.now()}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const pg = openPostgres(url.toString(), { max: 1 });
      const lite = await openPglite();
      try {
        const logs: string[] = [];
        const report = await migrate(pg.db, { log: (m) => logs.push(m) });
        await migrate(lite.db, { log: () => {} });
        const [pgSchema, liteSchema] = await Promise.all([describeSchema(pg), describeSchema(lite)]);
        if (!report.hasVector) {
          expect(report.deferred).toBeGreaterThan(0);
          expect(logs.join("\n")).toMatch(/pgvector is not installed/);
        }
        const comparable = <T extends { t?: string; name?: string; def?: string }>(rows: T[]) => (report.hasVector ? rows : withoutVector(rows));
        expect(comparable(pgSchema.columns)).toEqual(comparable(liteSchema.columns));
        expect(comparable(pgSchema.indexes)).toEqual(comparable(liteSchema.indexes));
        expect(comparable(pgSchema.constraints)).toEqual(comparable(liteSchema.constraints));
      } finally {
        await pg.close();
        await lite.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  );
});

describe("the embedded database directory", () => {
  it("refuses a second opener in the same process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-lock-"));
    const first = await openPglite({ dataDir: dir });
    try {
      await expect(openPglite({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
    } finally {
      await first.close();
    }
    // Released on close: opening again works.
    const again = await openPglite({ dataDir: dir });
    await again.close();
  });

  it("refuses a second process with an error that names the owner", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hastecrm-lock-"));
    const first = await openPglite({ dataDir: dir });
    try {
      const script = `import { openPglite } from "./db/client.ts";
        try { const h = await openPglite({ dataDir: ${JSON.stringify(dir)} }); await h.close(); console.log("OPENED"); }
        catch (e) { console.log(e.name + ": " + e.message); process.exit(3); }`;
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: process.cwd(),
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(child.stdout).not.toContain("OPENED");
      expect(child.stdout).toContain("DatabaseLockedError");
      expect(child.stdout).toContain(`process ${process.pid}`);
      expect(child.status).toBe(3);
    } finally {
      await first.close();
    }
  });
});
