import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import * as schema from "@/db/schema";
import type { Database } from "@/db/types";
import { createWorkspaceForNewUser } from "../workspaces/service";

export interface AuthOptions {
  secret: string;
  baseURL?: string;
}

/** better-auth on our own drizzle tables; every sign-up gets a workspace of its own, as its admin. */
export function createAuth(db: Database, options: AuthOptions) {
  return betterAuth({
    secret: options.secret,
    baseURL: options.baseURL,
    database: drizzleAdapter(db, { provider: "pg", schema, usePlural: true }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    // Better Auth limits sign-ups and sign-ins per IP in production. The e2e suite signs up a fresh user
    // per spec from one address within seconds, so its server turns the limiter off explicitly.
    rateLimit: { enabled: process.env.HASTECRM_AUTH_RATE_LIMIT === "off" ? false : undefined },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await createWorkspaceForNewUser(db, { userId: user.id, name: user.name, email: user.email });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
