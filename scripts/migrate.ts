import { openConfiguredDatabase } from "../db/client";
import { migrate } from "../db/migrate";

const handle = await openConfiguredDatabase();
try {
  const report = await migrate(handle.db);
  console.log(
    `[migrate] ${handle.kind}: ${report.applied.length} migration(s) applied` +
      (report.deferred > 0 ? `, ${report.deferred} pgvector statement(s) waiting for the extension` : ""),
  );
} finally {
  await handle.close();
}
