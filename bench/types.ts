import type { SeedPlan } from "@/db/seed/generate";
import type { Rng } from "@/db/seed/random";
import type { Database } from "@/db/types";
import type { ServiceContext } from "@/server/context";

/** What every scenario gets: the seeded workspace and a service context acting in it as its admin. */
export interface BenchContext {
  db: Database;
  database: "pglite" | "postgres";
  workspaceId: string;
  /** Contacts generated into the workspace (scenarios may add their own and must remove them in teardown). */
  contacts: number;
  service: ServiceContext;
  /** The plan the workspace was seeded from: seededContactId(workspaceId, i) is contact i for i < contacts. */
  plan: SeedPlan;
  /** Seeded, so two runs on the same data pick the same contacts. */
  rng: Rng;
  log(message: string): void;
}

export interface SkippedScenario {
  skip: string;
}

/**
 * One measured operation. `setup` runs once, untimed; `run` is timed, `warmup` times unrecorded and then
 * `runs` times; `teardown` undoes what the runs wrote. Drop a file exporting one as default in
 * bench/scenarios/ and `npm run bench` picks it up.
 */
export interface Scenario<State = undefined> {
  name: string;
  /** Runs recorded; at least the harness's --runs. */
  runs?: number;
  /** One run, no warmup: a job over 100,000s of rows, whose one timing is the figure. */
  once?: boolean;
  setup?(bench: BenchContext): Promise<State | SkippedScenario>;
  run(bench: BenchContext, state: State, iteration: number): Promise<unknown>;
  teardown?(bench: BenchContext, state: State): Promise<void>;
  /** Extra figures for the JSON (e.g. how long the setup walk took). */
  report?(state: State): Record<string, unknown>;
}

/**
 * Typed where it is written; erased for the registry, which only ever hands `run` the value `setup`
 * returned, so the state type is consistent by construction.
 */
export function defineScenario<State = undefined>(scenario: Scenario<State>): Scenario<unknown> {
  return scenario as unknown as Scenario<unknown>;
}

export function isSkipped(value: unknown): value is SkippedScenario {
  return typeof value === "object" && value !== null && "skip" in value && typeof (value as SkippedScenario).skip === "string";
}
