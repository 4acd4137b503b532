import type { Executor } from "@/db/types";
import { publishJobChange } from "./progress";
import { findJob, updateJob } from "./queries";
import type { JobRef } from "./step";

/** Marks a job failed with its reason unless it already finished; both runners end here on an unrecoverable error. */
export async function failJob(db: Executor, ref: JobRef, reason: string): Promise<void> {
  const job = await findJob(db, ref);
  if (!job || job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") return;
  await updateJob(db, ref, { status: "failed", error: reason.slice(0, 2000), finishedAt: new Date() });
  publishJobChange(ref);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
