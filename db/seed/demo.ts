import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { workspaces, type MemberRole } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Auth } from "@/server/auth/auth";
import {
  addMember, findUserByEmail, findUserWorkspaceByName, firstWorkspaceOf, generatePassword, renameWorkspace, signUpUser, workspaceCreatedAt,
} from "./accounts";
import type { SeedMember, SeedPlan } from "./generate";
import { isSeedComplete } from "./progress";

export const DEMO_EMAIL = "demo@haste.local";
export const DEMO_WORKSPACE = "Haste Demo";
export const DEMO_SEED = 20_240_601;
const DEMO_CONTACTS = 2000;
const DEMO_COMPANIES = 200;

const teammates: ReadonlyArray<{ name: string; email: string; role: MemberRole }> = [
  { name: "Lena Hoffmann", email: "lena.hoffmann@haste.local", role: "manager" },
  { name: "Marco Rossi", email: "marco.rossi@haste.local", role: "rep" },
  { name: "Aiko Tanaka", email: "aiko.tanaka@haste.local", role: "rep" },
  { name: "Sam Carter", email: "sam.carter@haste.local", role: "rep" },
];

export interface DemoOptions {
  /** Where the passwords are kept; `.data/` under the working directory by default. */
  dataDir?: string;
  log?: (message: string) => void;
}

function writeSecret(file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
  // writeFileSync's mode only applies when it creates the file.
  fs.chmodSync(file, 0o600);
}

/**
 * The newcomer's first run: a demo admin, four teammates (a manager and three reps, each signed up
 * through better-auth like any user) and a workspace of 2,000 contacts with a year of history. Runs on
 * every server start; after the first it only prints how to sign in.
 */
export async function ensureDemoWorkspace(db: Database, auth: Auth, options: DemoOptions = {}): Promise<void> {
  const log = options.log ?? ((message: string) => console.log(message));
  const dataDir = options.dataDir ?? path.resolve(process.cwd(), ".data");
  const passwordFile = path.join(dataDir, "demo-password");
  const started = performance.now();

  let admin = await findUserByEmail(db, DEMO_EMAIL);
  if (!admin) {
    const password = generatePassword();
    // Written before the user exists: a crash in between leaves a stale file, never a user nobody can sign in as.
    writeSecret(passwordFile, `${password}\n`);
    admin = await signUpUser(db, auth, { email: DEMO_EMAIL, name: "Demo Admin", password });
    if (!admin) {
      log(`Demo workspace: being created by another server process; sign in as ${DEMO_EMAIL} with the password it printed.`);
      return;
    }
  }

  const workspace = (await findUserWorkspaceByName(db, admin.id, DEMO_WORKSPACE)) ?? (await firstWorkspaceOf(db, admin.id));
  if (!workspace) throw new Error(`${DEMO_EMAIL} has no workspace`);
  if (workspace.name !== DEMO_WORKSPACE) await renameWorkspace(db, workspace.workspaceId, DEMO_WORKSPACE);

  const members: SeedMember[] = [{ id: admin.id, name: admin.name, email: admin.email, role: "admin" }];
  const memberPasswords: string[] = [];
  for (const teammate of teammates) {
    let user = await findUserByEmail(db, teammate.email);
    if (!user) {
      const password = generatePassword();
      user = await signUpUser(db, auth, { ...teammate, password });
      if (!user) continue;
      // The sign-up hook gave them a workspace of their own; a teammate's home is the demo workspace.
      const own = await firstWorkspaceOf(db, user.id);
      if (own) await db.delete(workspaces).where(eq(workspaces.id, own.workspaceId));
      memberPasswords.push(`${teammate.email} ${teammate.role} ${password}`);
    }
    await addMember(db, workspace.workspaceId, user.id, teammate.role);
    members.push({ id: user.id, name: user.name, email: user.email, role: teammate.role });
  }
  if (memberPasswords.length > 0) {
    const file = path.join(dataDir, "demo-members");
    const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    writeSecret(file, previous + memberPasswords.map((line) => `${line}\n`).join(""));
  }

  if (await isSeedComplete(db, workspace.workspaceId, DEMO_CONTACTS)) {
    printSignIn(log, passwordFile, dataDir);
    return;
  }
  const plan: SeedPlan = {
    seed: DEMO_SEED,
    workspaceId: workspace.workspaceId,
    contacts: DEMO_CONTACTS,
    companies: DEMO_COMPANIES,
    now: await workspaceCreatedAt(db, workspace.workspaceId),
    members,
    activityScale: 1,
    actorName: "Demo data",
  };
  // Loaded only when there is something to seed: the generator's locale data and phone metadata take a
  // second to import, which every later server start would otherwise pay for nothing.
  const { loadSeedPlan } = await import("./load");
  const report = await loadSeedPlan(db, plan, { batchSize: DEMO_CONTACTS });
  if (report.contactsInserted > 0) {
    log(`Demo workspace "${DEMO_WORKSPACE}": ${report.contactsInserted} contacts, ${report.rowsInserted} rows seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  printSignIn(log, passwordFile, dataDir);
}

function printSignIn(log: (message: string) => void, passwordFile: string, dataDir: string) {
  if (fs.existsSync(passwordFile)) {
    log(`Demo workspace: sign in as ${DEMO_EMAIL} with password ${fs.readFileSync(passwordFile, "utf8").trim()}`);
  } else {
    const reset = process.env.DATABASE_URL
      ? `delete the user ${DEMO_EMAIL} from the database (and its workspace "${DEMO_WORKSPACE}") and restart`
      : `stop the server, delete ${dataDir}/ (this erases the embedded database) and start again`;
    log(`Demo workspace: ${DEMO_EMAIL} exists but its password file ${passwordFile} is gone. To get a fresh demo with a new password, ${reset}.`);
  }
}
