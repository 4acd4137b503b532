import type { Database, Executor } from "@/db/types";
import { findStepOutput, insertStepOutput } from "./queries";
import type { JobRef } from "./step";

/**
 * Runs `fn` in a transaction that also records its output under `key`, and returns the recorded output
 * instead of running again when the key exists. A batch whose commit landed but whose step result was
 * lost (a crash, an Inngest retry) is therefore never applied twice, whichever runner replays it.
 */
export async function runOnce<T>(db: Executor, ref: JobRef, key: string, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return (db as Database).transaction(async (tx) => {
    const done = await findStepOutput(tx, ref, `commit:${key}`);
    if (done) return done.output as T;
    const output = await fn(tx);
    await insertStepOutput(tx, ref, `commit:${key}`, output);
    return output;
  });
}
