import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Database } from "@/db/types";
import { DuplicateContactError } from "../lib/errors";
import type { Auth } from "../auth/auth";
import type { Identity } from "./identity";

export interface TrpcContext {
  db: Database;
  auth: Auth;
  headers: Headers;
  identity: Identity | null;
}

/** Flattens zod issues to `[path, reason]`, naming each unknown key as its own field. */
export function zodIssuesByField(error: ZodError): Array<[string, string]> {
  return error.issues.flatMap((issue): Array<[string, string]> => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => [[...issue.path, key].join("."), "is not a known field"]);
    }
    return [[issue.path.length ? issue.path.join(".") : "input", issue.message]];
  });
}

/** "email: must be a valid email address; score: must be at most 100" — every issue names its field. */
export function formatZodError(error: ZodError): string {
  return zodIssuesByField(error).map(([field, reason]) => `${field}: ${reason}`).join("; ");
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? formatZodError(zodError) : shape.message,
      data: {
        ...shape.data,
        existingId: error.cause instanceof DuplicateContactError ? error.cause.existingContactId : null,
        fieldErrors: zodError
          ? Object.fromEntries(zodIssuesByField(zodError))
          : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.identity) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in, or pass an API key as Authorization: Bearer <key>" });
  return next({ ctx: { ...ctx, identity: ctx.identity } });
});

/**
 * The only way to reach tenant data: guarantees `ctx.workspaceId` and `ctx.actor`, and hands services
 * a ServiceContext built from them, so no query can forget its workspace.
 */
export const workspaceProcedure = authedProcedure.use(({ ctx, next }) => {
  const workspace = ctx.identity.workspace;
  if (!workspace) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any workspace" });
  return next({
    ctx: {
      ...ctx,
      workspaceId: workspace.id,
      actor: workspace.actor,
      service: { db: ctx.db, workspaceId: workspace.id, actor: workspace.actor },
    },
  });
});
