// npm run db:seed -- --contacts 100000 [--workspace "Bench 100k"] [--email bench@haste.local]
//                    [--activity-scale 1] [--batch-size 1000] [--password …]
import { parseArgs } from "node:util";
import { ensureBulkWorkspace } from "../db/seed/bulk";
import { openSeedRuntime, parseCount, shortCount } from "../db/seed/cli";

const { values } = parseArgs({
  options: {
    contacts: { type: "string" },
    workspace: { type: "string" },
    email: { type: "string", default: "bench@haste.local" },
    "activity-scale": { type: "string", default: "1" },
    "batch-size": { type: "string", default: "1000" },
    password: { type: "string" },
  },
});

const contacts = parseCount(values.contacts, "contacts", 100_000);
const activityScale = Number(values["activity-scale"]);
if (!Number.isFinite(activityScale) || activityScale < 0) throw new Error("--activity-scale must be a number ≥ 0");
const workspaceName = values.workspace ?? `Bench ${shortCount(contacts)}`;
const log = (message: string) => console.log(`[seed] ${message}`);

const started = performance.now();
const { handle, auth } = await openSeedRuntime(log);
try {
  log(`${handle.kind}: workspace "${workspaceName}" of ${contacts} contacts for ${values.email}`);
  const result = await ensureBulkWorkspace(handle.db, auth, {
    email: values.email.trim().toLowerCase(),
    workspaceName,
    contacts,
    activityScale,
    batchSize: parseCount(values["batch-size"], "batch-size", 1000),
    password: values.password,
    log,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.load.contactsInserted === 0) {
    log(`workspace ${result.workspaceId} already had its ${contacts} contacts; reused (${seconds} s)`);
  } else {
    log(`workspace ${result.workspaceId}: ${result.load.contactsInserted} contacts and ${result.load.rowsInserted} rows in total inserted in ${seconds} s (peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
  }
  if (result.password) log(`sign in as ${values.email} with password ${result.password}`);
} finally {
  // PGlite keeps the event loop alive until it is closed.
  await handle.close();
}
