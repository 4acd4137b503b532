import type { JobStep } from "@/server/jobs/step";

interface InngestStepLike {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
}

/**
 * Inngest's `step.run` types its result as the JSON of the callback's value; job steps return plain
 * JSON objects already, so the value is the same and only the type needs widening.
 */
export function asJobStep(step: InngestStepLike): JobStep {
  return { run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T> };
}
