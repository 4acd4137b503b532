import { inngest } from "../client";
import { embeddingBackfillRequested } from "../events";
import { asJobStep } from "../step";
import { runEmbeddingBackfillJob } from "@/server/embeddings/backfill";
import { failJob } from "@/server/jobs/lifecycle";
import type { JobDeps } from "@/server/jobs/step";

/**
 * A workspace's embeddings recomputed as a job (first use, a model change, a mass change), with its
 * progress on the job row. One per workspace at a time: two would embed the same contacts twice.
 */
export function createBackfillEmbeddingsFunction(getDeps: () => Promise<JobDeps>) {
  return inngest.createFunction(
    {
      id: "backfill-embeddings",
      name: "Backfill contact embeddings",
      triggers: [embeddingBackfillRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
      retries: 3,
      onFailure: async ({ event, error }) => {
        const deps = await getDeps();
        await failJob(deps.db, event.data.event.data, error.message);
      },
    },
    async ({ event, step }) => {
      const deps = await getDeps();
      return runEmbeddingBackfillJob(deps, { workspaceId: event.data.workspaceId, jobId: event.data.jobId }, asJobStep(step));
    },
  );
}
