/**
 * Inngest runs jobs when it can be reached: Cloud keys, a dev server (INNGEST_DEV) or a self-hosted
 * server (INNGEST_BASE_URL). Otherwise the in-process runner does, which suits one machine only.
 */
export function isInngestConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY) return true;
  if (env.INNGEST_DEV && env.INNGEST_DEV !== "0") return true;
  return Boolean(env.INNGEST_BASE_URL);
}
