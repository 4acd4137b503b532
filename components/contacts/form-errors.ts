/** What a form shows for a failed mutation: a message beside each named field, and anything left over. */
export interface FormErrors {
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** Set on a duplicate-email CONFLICT: the contact that already has the address. */
  existingContactId: string | null;
}

interface TrpcLikeError {
  message?: unknown;
  data?: { fieldErrors?: unknown; existingId?: unknown } | null;
}

const fieldName = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

/** `patch.email` (from contacts.update) and `email` (from contacts.create) are the same field to a form. */
function normaliseField(path: string): string {
  return path.replace(/^patch\./, "");
}

/**
 * Reads the server's errors the way init.ts formats them: `data.fieldErrors` for zod failures, or a
 * message of `field: reason` parts joined by "; " for errors a service raises (CONFLICT, BAD_REQUEST).
 */
export function parseFormErrors(error: unknown): FormErrors {
  const result: FormErrors = { fieldErrors: {}, formError: null, existingContactId: null };
  const e = (error ?? {}) as TrpcLikeError;
  const existingId = e.data?.existingId;
  if (typeof existingId === "string") result.existingContactId = existingId;
  // The form links to the existing contact, so its raw id need not be spelled out in the message too.
  const withoutId = (reason: string) => (result.existingContactId ? reason.replace(` (contact ${result.existingContactId})`, "") : reason);

  const fieldErrors = e.data?.fieldErrors;
  if (fieldErrors && typeof fieldErrors === "object") {
    for (const [path, reason] of Object.entries(fieldErrors as Record<string, unknown>)) {
      if (typeof reason === "string") result.fieldErrors[normaliseField(path)] = reason;
    }
    if (Object.keys(result.fieldErrors).length > 0) return result;
  }

  const message = typeof e.message === "string" ? e.message : error instanceof Error ? error.message : "";
  const leftovers: string[] = [];
  for (const part of message.split("; ")) {
    const separator = part.indexOf(": ");
    const field = separator > 0 ? part.slice(0, separator) : "";
    if (field && fieldName.test(field)) result.fieldErrors[normaliseField(field)] = withoutId(part.slice(separator + 2));
    else if (part.trim()) leftovers.push(part.trim());
  }
  result.formError = leftovers.length > 0 ? leftovers.join("; ") : Object.keys(result.fieldErrors).length ? null : "Something went wrong. Try again.";
  return result;
}

/** "must be a valid email address" → "Must be a valid email address", for a message shown on its own under a field. */
export function sentence(reason: string): string {
  if (reason === "is required") return "Required";
  // Only a reason that starts with a plain word is capitalised; "jane@x.com already belongs…" keeps its case.
  return /^[a-z]+\b(?![@.])/.test(reason) ? reason[0]!.toUpperCase() + reason.slice(1) : reason;
}
