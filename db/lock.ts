import fs from "node:fs";
import path from "node:path";

export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number, command: string) {
    super(
      `The embedded database at ${dataDir} is already open in process ${pid} (${command}). ` +
        `PGlite allows exactly one process per directory: a second one would silently lose writes. ` +
        `Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the single-owner lock of an embedded data directory. The lock file is created atomically
 * (O_EXCL); a lock left by a process that no longer exists is taken over.
 */
export function acquireDirectoryLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "hastecrm.owner.lock");
  const body = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 200) });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, body, { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number };
          if (current.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: { pid: number; command: string } | undefined;
      try {
        owner = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number; command: string };
      } catch {
        owner = undefined;
      }
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DatabaseLockedError(dataDir, owner.pid, owner.command);
      }
      if (owner?.pid === process.pid) {
        throw new DatabaseLockedError(dataDir, owner.pid, "this process: open it once and share the handle");
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
