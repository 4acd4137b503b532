import { TRPCError } from "@trpc/server";

export function notFound(entity: string, id: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${entity} ${id} was not found in this workspace` });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message });
}

export function badRequest(field: string, reason: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: `${field}: ${reason}` });
}

/** PostgreSQL's unique_violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
    if (e.code === "23505") return !constraint || e.constraint_name === constraint || e.constraint === constraint;
    current = e.cause;
  }
  return false;
}

/** Carried as a TRPCError's cause so the API can point the client at the contact that already has the email. */
export class DuplicateContactError extends Error {
  constructor(readonly existingContactId: string) {
    super("duplicate contact");
  }
}
