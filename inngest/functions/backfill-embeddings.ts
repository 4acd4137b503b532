import { embeddingBackfillRequested } from "../events";
import { createJobFunction } from "../job-function";
import { runEmbeddingBackfillJob } from "@/server/embeddings/backfill";
import type { JobDeps } from "@/server/jobs/step";

/**
 * A workspace's embeddings recomputed as a job (first use, a model change, a mass change), with its
 * progress on the job row. One per workspace at a time: two would embed the same contacts twice.
 */
export function createBackfillEmbeddingsFunction(getDeps: () => Promise<JobDeps>) {
  return createJobFunction(
    getDeps,
    { id: "backfill-embeddings", name: "Backfill contact embeddings", trigger: embeddingBackfillRequested, perWorkspace: 1, retries: 3 },
    runEmbeddingBackfillJob,
  );
}
