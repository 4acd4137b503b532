import { createHash } from "node:crypto";

/** What a contact's embedding is computed from; loaded by findEmbeddingSources. */
export interface EmbeddingSource {
  contactId: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  department: string | null;
  company: string | null;
  industry: string | null;
  /** Most recent first. */
  notes: string[];
  /** Most recent first. */
  activityTitles: string[];
  /** Text and textarea custom fields, by label. */
  customText: Array<{ label: string; value: string }>;
}

const MAX_TEXT = 2000;
const clean = (value: string | null | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

/**
 * The sentence-like text the model embeds: who, what role at which kind of company, then what was said
 * and done. Email and phone are left out: they carry no meaning and only add noise to the vector.
 */
export function buildEmbeddingText(source: EmbeddingSource): string {
  const name = clean([source.firstName, source.lastName].filter(Boolean).join(" "));
  const role = [clean(source.title), clean(source.department) && `${clean(source.department)} department`].filter(Boolean).join(", ");
  const company = clean(source.company);
  const industry = clean(source.industry);
  const at = company ? ` at ${company}${industry ? ` (${industry})` : ""}` : industry ? ` in ${industry}` : "";
  const parts = [`${name || "Contact"}${role ? `, ${role}` : ""}${at}.`];
  for (const field of source.customText) {
    if (clean(field.value)) parts.push(`${clean(field.label)}: ${clean(field.value)}.`);
  }
  const notes = source.notes.map(clean).filter(Boolean);
  if (notes.length > 0) parts.push(`Notes: ${notes.join(" ")}`);
  const activities = source.activityTitles.map(clean).filter(Boolean);
  if (activities.length > 0) parts.push(`Recent activity: ${activities.join("; ")}.`);
  return parts.join(" ").slice(0, MAX_TEXT);
}

/** Stored beside the vector: an unchanged text is never embedded again. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
