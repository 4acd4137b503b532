import { inngest } from "../client";
import { contactEmbeddingRequested } from "../events";
import { getEmbeddingProvider } from "@/server/embeddings/provider";
import { currentTimestamp, removeFromQueue } from "@/server/embeddings/queries";
import { drainEmbeddingQueue, embedContacts } from "@/server/embeddings/refresh";
import type { JobDeps } from "@/server/jobs/step";

/**
 * Refreshes a contact's embedding after an edit. Debounced per contact, so five quick edits cost one
 * embedding; then it drains what else the triggers queued in the workspace (imports, bulk edits, notes),
 * a bounded amount per run. Unchanged texts are skipped by hash.
 */
export function createEmbedContactFunction(getDeps: () => Promise<Pick<JobDeps, "db">>) {
  return inngest.createFunction(
    {
      id: "embed-contact",
      name: "Embed contact",
      triggers: [contactEmbeddingRequested],
      debounce: { key: "event.data.workspaceId + '/' + event.data.contactId", period: "10s", timeout: "2m" },
      concurrency: { key: "event.data.workspaceId", limit: 1 },
      retries: 3,
    },
    async ({ event, step }) => {
      const { workspaceId, contactId } = event.data;
      const contact = await step.run("embed-contact", async () => {
        const { db } = await getDeps();
        const claimedAt = await currentTimestamp(db);
        const outcome = await embedContacts(db, await getEmbeddingProvider(), workspaceId, [contactId]);
        await removeFromQueue(db, workspaceId, [contactId], claimedAt);
        return outcome;
      });
      const queue = await step.run("drain-queue", async () => {
        const { db } = await getDeps();
        return drainEmbeddingQueue(db, await getEmbeddingProvider(), workspaceId, { limit: 256 });
      });
      return { contact, queue };
    },
  );
}
