import type { EmbeddingSource } from "../embeddings/text";
import { foldText } from "./tokens";
import { quoteLexeme } from "./tokens";

/** Words that carry no topic in a question about contacts. */
const STOPWORDS = new Set([
  "a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "contact", "contacts", "did", "do",
  "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "how", "i", "in", "into", "is", "it", "its", "me",
  "my", "of", "on", "or", "our", "people", "person", "persons", "she", "show", "so", "some", "someone", "than", "that", "the",
  "their", "them", "there", "these", "they", "this", "those", "to", "us", "was", "we", "were", "what", "when", "where", "which",
  "who", "whom", "whose", "why", "with", "would", "you", "your", "find", "list", "anyone", "everyone",
]);

/**
 * A keyword is matched by a crude stem: long words lose their last three letters ("companies" →
 * "compan", which also finds "company"), then match as a prefix. Good enough for recall; the vector
 * side carries the meaning.
 */
export function keywordStems(normalizedQuery: string): string[] {
  const stems: string[] = [];
  for (const word of normalizedQuery.split(/\s+/)) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const stem = word.length >= 6 ? word.slice(0, Math.max(4, word.length - 3)) : word;
    if (!stems.includes(stem)) stems.push(stem);
  }
  return stems.slice(0, 8);
}

/** Any stem, as a prefix: the keyword half of hybrid ranking ranks by how many and where. */
export function keywordTsquery(stems: string[]): string | null {
  return stems.length > 0 ? stems.map((stem) => `${quoteLexeme(stem)}:*`).join(" | ") : null;
}

interface FieldText {
  label: string;
  text: string;
}

function fieldsOf(source: EmbeddingSource): FieldText[] {
  const fields: FieldText[] = [];
  if (source.title) fields.push({ label: "title", text: source.title });
  if (source.department) fields.push({ label: "department", text: source.department });
  if (source.company) fields.push({ label: "company", text: source.company });
  if (source.industry) fields.push({ label: "industry", text: source.industry });
  for (const field of source.customText) fields.push({ label: field.label, text: field.value });
  source.notes.forEach((note) => fields.push({ label: "notes", text: note }));
  source.activityTitles.forEach((title) => fields.push({ label: "recent activity", text: title }));
  return fields;
}

/** The stems found in a text, as the words that carry them there ("budget", "constraints"). */
function matchedWords(text: string, stems: string[]): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const folded = foldText(match[0]);
    if (stems.some((stem) => folded.startsWith(stem)) && !found.includes(match[0].toLowerCase())) found.push(match[0].toLowerCase());
  }
  return found;
}

function excerpt(text: string, word: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= 90) return clean;
  const at = Math.max(0, clean.toLowerCase().indexOf(word) - 35);
  const piece = clean.slice(at, at + 90).trim();
  return `${at > 0 ? "…" : ""}${piece}${at + 90 < clean.length ? "…" : ""}`;
}

const quote = (text: string) => `“${text}”`;
const listOf = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

export interface Explanation {
  text: string;
  /** Query words found in the contact's fields, as written there. */
  matchedTerms: string[];
}

/**
 * Says in words why a contact matched: which of its fields the meaning was read from (the ones the
 * embedding was built from, those holding query words first) and which query words appear where.
 */
export function explainMatch(params: { source: EmbeddingSource | undefined; stems: string[]; similarity: number | null; keywordRank: number | null }): Explanation {
  const { source, stems, similarity } = params;
  if (!source) return { text: "Matched by meaning; the contact's details could not be read.", matchedTerms: [] };
  const fields = fieldsOf(source);
  const hits = fields
    .map((field) => ({ field, words: matchedWords(field.text, stems) }))
    .filter((hit) => hit.words.length > 0);
  const matchedTerms = [...new Set(hits.flatMap((hit) => hit.words))];

  const sentences: string[] = [];
  if (similarity !== null) {
    const profile = fields
      .filter((field) => ["title", "company", "industry", "department"].includes(field.label))
      .slice(0, 3)
      .map((field) => `${field.label} ${quote(field.text)}`);
    const basis = profile.length > 0 ? profile : fields.slice(0, 1).map((field) => `${field.label} ${quote(excerpt(field.text, ""))}`);
    const strength = similarity >= 0.5 ? "Close" : similarity >= 0.35 ? "Related" : "Loosely related";
    sentences.push(`${strength} in meaning to the query (similarity ${similarity.toFixed(2)})${basis.length > 0 ? `, from ${listOf(basis)}` : ""}.`);
  }
  const byField = new Map<string, { words: string[]; sample: string }>();
  for (const hit of hits) {
    const entry = byField.get(hit.field.label) ?? { words: [], sample: excerpt(hit.field.text, hit.words[0]!) };
    for (const word of hit.words) if (!entry.words.includes(word)) entry.words.push(word);
    byField.set(hit.field.label, entry);
  }
  const mentions = [...byField].slice(0, 3).map(([label, entry]) => {
    const long = label === "notes" || label === "recent activity";
    return `${listOf(entry.words.map(quote))} in ${label}${long ? ` (${quote(entry.sample)})` : ""}`;
  });
  if (mentions.length > 0) sentences.push(`Mentions ${listOf(mentions)}.`);
  if (sentences.length === 0) sentences.push("Matched by keywords in the contact's details.");
  return { text: sentences.join(" "), matchedTerms };
}
