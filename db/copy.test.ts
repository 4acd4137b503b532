import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { copyIn, copyValue, supportsCopy } from "./copy";
import { queryRows } from "./sql";
import type { Database } from "./types";
import { openTestDatabase, testDatabaseKind } from "@/test/db";

describe("copyValue", () => {
  it("writes COPY's text format: \\N for null, escaped delimiters, JSON for objects, ISO for dates", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(undefined)).toBe("\\N");
    expect(copyValue("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyValue(42)).toBe("42");
    expect(copyValue({ a: "x\ty" })).toBe('{"a":"x\\\\ty"}');
    expect(copyValue(new Date("2024-01-02T03:04:05.000Z"))).toBe("2024-01-02T03:04:05.000Z");
  });
});

describe.runIf(testDatabaseKind() === "postgres")("copyIn on PostgreSQL", () => {
  let handle: DatabaseHandle;
  let db: Database;
  beforeAll(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    await db.execute(sql`create table copy_probe (id int primary key, body text, data jsonb)`);
  });
  afterAll(() => handle.close());

  it("loads rows with every escaped character intact", async () => {
    expect(supportsCopy(db)).toBe(true);
    const rows = [[1, "tab\there", { k: "new\nline" }], [2, "back\\slash", null], [3, null, { n: 1 }]] as const;
    await db.transaction(async (tx) => {
      await copyIn(tx, "copy_probe", ["id", "body", "data"], [rows.map((r) => `${r.map(copyValue).join("\t")}\n`).join("")]);
    });
    const back = await queryRows<{ id: number; body: string | null; data: unknown }>(db, sql`select id, body, data from copy_probe order by id`);
    expect(back.map((r) => [r.id, r.body, r.data])).toEqual(rows.map((r) => [...r]));
  });

  it("rejects (instead of hanging) when the server refuses a row, rolls the batch back, and leaves the connection usable", async () => {
    const attempt = db.transaction(async (tx) => {
      await copyIn(tx, "copy_probe", ["id", "body"], ["10\tten\n11\televen\n", "10\tagain\n"]);
    });
    await expect(attempt).rejects.toThrow(/duplicate key value violates unique constraint/);
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from copy_probe where id >= 10`);
    expect(count!.n).toBe(0);
    await db.transaction(async (tx) => copyIn(tx, "copy_probe", ["id", "body"], ["10\tten\n"]));
    const [after] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from copy_probe where id >= 10`);
    expect(after!.n).toBe(1);
  });
});

describe.runIf(testDatabaseKind() === "pglite")("copyIn on PGlite", () => {
  it("is not offered (importers fall back to INSERT)", async () => {
    const handle = await openTestDatabase();
    try {
      expect(supportsCopy(handle.db)).toBe(false);
    } finally {
      await handle.close();
    }
  });
});
