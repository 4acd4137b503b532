// Fails when the schema in db/schema differs from the committed migrations, i.e. when
// `drizzle-kit generate` would write a new migration that nobody committed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const committed = path.resolve("db/migrations");
// drizzle-kit resolves --out relative to the project, so the scratch copy lives inside it.
const scratch = path.join(".data", `migration-check-${process.pid}`);
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(path.dirname(scratch), { recursive: true });
fs.cpSync(committed, scratch, { recursive: true });

const result = spawnSync(
  "npx",
  ["drizzle-kit", "generate", "--dialect", "postgresql", "--schema", "./db/schema/index.ts", "--out", scratch, "--casing", "snake_case"],
  { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
);
if (result.status !== 0 || /error/i.test(result.stderr) || /ENOENT|Error:/.test(result.stdout)) {
  fs.rmSync(scratch, { recursive: true, force: true });
  console.error(result.stdout, result.stderr);
  process.exit(result.status ?? 1);
}
const before = new Set(fs.readdirSync(committed));
const added = fs.readdirSync(scratch).filter((file) => !before.has(file));
fs.rmSync(scratch, { recursive: true, force: true });
if (added.length > 0) {
  console.error(`db/schema has changes with no committed migration (drizzle-kit would write ${added.join(", ")}).`);
  console.error("Run `npm run db:generate` and commit db/migrations.");
  process.exit(1);
}
console.log("migrations: db/schema matches the committed migrations");
