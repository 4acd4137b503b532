import type { Database } from "@/db/types";
import type { Auth } from "@/server/auth/auth";
import {
  createWorkspaceFor, findUserByEmail, findUserWorkspaceByName, firstWorkspaceOf, generatePassword, renameWorkspace, signUpUser, workspaceCreatedAt,
} from "./accounts";
import type { SeedPlan } from "./generate";
import { loadSeedPlan, type LoadReport } from "./load";

export const BULK_SEED = 100_003;

export interface BulkWorkspaceOptions {
  email: string;
  /** Workspace name; one workspace per size, since the layout of the data depends on it. */
  workspaceName: string;
  contacts: number;
  /** Activities per contact relative to the demo's; defaults to 1. */
  activityScale?: number;
  batchSize?: number;
  /** Used only when the user has to be created. */
  password?: string;
  log?: (message: string) => void;
}

export interface BulkWorkspace {
  workspaceId: string;
  userId: string;
  userName: string;
  /** Set when this call created the user. */
  password: string | null;
  plan: SeedPlan;
  load: LoadReport;
}

export function companiesFor(contacts: number): number {
  return Math.max(1, Math.round(contacts / 10));
}

/**
 * A workspace of `contacts` generated contacts owned by `email` (signed up through better-auth when new):
 * created, completed after an interruption, or reused as it is when already complete.
 */
export async function ensureBulkWorkspace(db: Database, auth: Auth, options: BulkWorkspaceOptions): Promise<BulkWorkspace> {
  const log = options.log ?? (() => {});
  let user = await findUserByEmail(db, options.email);
  let password: string | null = null;
  let workspace: { workspaceId: string } | null = null;
  if (!user) {
    password = options.password ?? generatePassword();
    const name = options.email.split("@")[0]!.replace(/[._-]+/g, " ").replace(/\b\w/g, (char) => char.toUpperCase());
    user = await signUpUser(db, auth, { email: options.email, name, password });
    if (!user) throw new Error(`${options.email} was signed up by another process at the same time; run again`);
    workspace = await firstWorkspaceOf(db, user.id);
    if (workspace) await renameWorkspace(db, workspace.workspaceId, options.workspaceName);
    log(`user ${options.email} created (password: ${password})`);
  }
  workspace ??= await findUserWorkspaceByName(db, user.id, options.workspaceName);
  if (!workspace) {
    const created = await createWorkspaceFor(db, user.id, options.workspaceName);
    workspace = { workspaceId: created.id };
    log(`workspace "${options.workspaceName}" created`);
  }
  const plan: SeedPlan = {
    seed: BULK_SEED,
    workspaceId: workspace.workspaceId,
    contacts: options.contacts,
    companies: companiesFor(options.contacts),
    // The workspace's creation time anchors "the past year", so a resumed run generates the same rows.
    now: await workspaceCreatedAt(db, workspace.workspaceId),
    members: [{ id: user.id, name: user.name, email: user.email, role: "admin" }],
    activityScale: options.activityScale ?? 1,
    actorName: "Bulk seed",
  };
  const load = await loadSeedPlan(db, plan, { batchSize: options.batchSize, log });
  return { workspaceId: workspace.workspaceId, userId: user.id, userName: user.name, password, plan, load };
}
