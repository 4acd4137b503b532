import type { ImportOptionsInput } from "./types";

/** The options form as typed; tags stay one comma-separated string until the import starts. */
export interface WizardOptions {
  updateExisting: boolean;
  matchOn: string;
  skipInvalid: boolean;
  notifyOnComplete: boolean;
  tagsText: string;
  /** Empty: contacts are owned by the person importing. */
  ownerId: string;
}

export const defaultWizardOptions: WizardOptions = {
  updateExisting: false, matchOn: "email", skipInvalid: true, notifyOnComplete: true, tagsText: "", ownerId: "",
};

/** "VIP, Trade show 2025,,vip" → ["VIP", "Trade show 2025"]: trimmed, blank and case-insensitive repeats dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(",")) {
    const tag = raw.trim().slice(0, 100);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags.slice(0, 50);
}

/**
 * What the server receives. A match key that no longer names a mapped column falls back to email,
 * since the server refuses a key it cannot read from the file.
 */
export function toImportOptions(options: WizardOptions, mappedTargets: ReadonlySet<string>): ImportOptionsInput {
  return {
    updateExisting: options.updateExisting,
    matchOn: options.updateExisting && mappedTargets.has(options.matchOn) ? options.matchOn : "email",
    skipInvalid: options.skipInvalid,
    notifyOnComplete: options.notifyOnComplete,
    tags: parseTags(options.tagsText),
    ownerId: options.ownerId || null,
  };
}
