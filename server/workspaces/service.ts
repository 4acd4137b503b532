import type { Database, Executor } from "@/db/types";
import { insertMembership, insertWorkspace } from "./queries";

function slugify(text: string): string {
  const base = text.toLowerCase().normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/[\s_-]+/g, "-").slice(0, 40);
  return `${base || "workspace"}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createWorkspaceWithAdmin(db: Executor, input: { name: string; adminUserId: string }) {
  const workspace = await insertWorkspace(db, { name: input.name, slug: slugify(input.name) });
  await insertMembership(db, { workspaceId: workspace.id, userId: input.adminUserId, role: "admin" });
  return workspace;
}

export async function createWorkspaceForNewUser(db: Database, user: { userId: string; name: string; email: string }) {
  const owner = user.name.trim() || user.email.split("@")[0] || "My";
  return db.transaction((tx) => createWorkspaceWithAdmin(tx, { name: `${owner}'s workspace`, adminUserId: user.userId }));
}
