import { createRequire } from "node:module";
import path from "node:path";
import { embed, embedMany } from "ai";
import { EMBEDDING_DIMENSIONS } from "@/db/schema";
import { createLocalEmbeddingModel, LOCAL_MODEL_NAME, type EmbeddingModelV4 } from "./local-model";

export interface EmbeddingProvider {
  /** Stored in contact_embeddings.model: a different name means every vector must be recomputed. */
  name: string;
  model: EmbeddingModelV4;
}

const OPENAI_MODEL = "text-embedding-3-small";
// Optional, and required by a computed name, so neither the bundler nor the type checker needs it installed.
const OPENAI_PACKAGE = "@ai-sdk/openai";

interface OpenAiProviderModule {
  createOpenAI(options: { apiKey: string; baseURL?: string }): { embedding(modelId: string): EmbeddingModelV4 };
}

const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));

async function createOpenAiModel(apiKey: string): Promise<EmbeddingModelV4> {
  let module: OpenAiProviderModule;
  try {
    module = requireFromProject(OPENAI_PACKAGE) as OpenAiProviderModule;
  } catch {
    throw new Error(`OPENAI_API_KEY is set but ${OPENAI_PACKAGE} is not installed: run \`npm install ${OPENAI_PACKAGE}@4\`, or unset the key to use the local model`);
  }
  return module.createOpenAI({ apiKey, baseURL: process.env.OPENAI_BASE_URL || undefined }).embedding(OPENAI_MODEL);
}

const cache = globalThis as unknown as { __hastecrmEmbeddingProvider?: { key: string; provider: Promise<EmbeddingProvider> } };

/**
 * OpenAI text-embedding-3-small cut to 512 dimensions when OPENAI_API_KEY is set, otherwise the local
 * Universal Sentence Encoder. Both give EMBEDDING_DIMENSIONS-long vectors, so one column serves either.
 */
export function getEmbeddingProvider(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddingProvider> {
  const apiKey = env.OPENAI_API_KEY?.trim();
  const key = apiKey ? `openai:${apiKey.slice(-6)}` : "local";
  if (cache.__hastecrmEmbeddingProvider?.key !== key) {
    const provider = apiKey
      ? createOpenAiModel(apiKey).then((model) => ({ name: `openai/${OPENAI_MODEL}@${EMBEDDING_DIMENSIONS}`, model }))
      : Promise.resolve({ name: LOCAL_MODEL_NAME, model: createLocalEmbeddingModel() });
    cache.__hastecrmEmbeddingProvider = { key, provider };
  }
  return cache.__hastecrmEmbeddingProvider!.provider;
}

/** The name getEmbeddingProvider would store, without loading anything. */
export function configuredModelName(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPENAI_API_KEY?.trim() ? `openai/${OPENAI_MODEL}@${EMBEDDING_DIMENSIONS}` : LOCAL_MODEL_NAME;
}

export async function embedTexts(provider: EmbeddingProvider, values: string[]): Promise<number[][]> {
  if (values.length === 0) return [];
  const { embeddings } = await embedMany({ model: provider.model, values, dimensions: EMBEDDING_DIMENSIONS, maxRetries: 2 });
  return embeddings;
}

export async function embedQuery(provider: EmbeddingProvider, value: string): Promise<number[]> {
  const { embedding } = await embed({ model: provider.model, value, dimensions: EMBEDDING_DIMENSIONS, maxRetries: 1 });
  return embedding;
}
