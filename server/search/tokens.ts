/**
 * Query parsing for full-text search: folds and splits the query as the documents were (see
 * `search_normalize` in the search migration), turns the words into tsquery text and proposes typo
 * corrections. Pure, so it is unit-tested alone.
 */

const FOLDED: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ŀ: "l", ħ: "h", ŧ: "t" };

/** Lower case without accents, as the database's unaccent folds ("Łukasz Øre" → "lukasz ore"). */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþıŀħŧ]/g, (c) => FOLDED[c] ?? c);
}

/**
 * The query's words, folded and split on everything but letters and digits, as `search_normalize`
 * splits documents. Every lexeme is folded again by the database's own unaccent when the tsquery is
 * built (queries.ts), so a letter this fold misses still matches.
 */
export function normalizeQuery(raw: string): string {
  return foldText(raw).replace(/[^\p{L}\p{N}]+/gu, " ");
}

/** Words beyond this many are ignored: each one is a GIN posting list to intersect. */
export const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 64;

export interface ParsedQuery {
  /** Normalised words in query order, without duplicates. */
  words: string[];
  /** The last word is matched as a prefix (search-as-you-type), unless the query ends with a space. */
  isLastWordPrefix: boolean;
  /** All digits of a phone-like query ("+1 (415) 555-0123" → "14155550123"), null otherwise. */
  phoneDigits: string | null;
}

const PHONE_LIKE = /^[\d\s()+\-./x]+$/i;

export function parseQuery(raw: string, normalized: string): ParsedQuery {
  const words: string[] = [];
  for (const word of normalized.split(/\s+/)) {
    if (word.length === 0 || words.includes(word)) continue;
    words.push(word.slice(0, MAX_WORD_LENGTH));
    if (words.length === MAX_QUERY_WORDS) break;
  }
  const digits = raw.replace(/\D/g, "");
  const phoneDigits = PHONE_LIKE.test(raw.trim()) && digits.length >= 3 ? digits : null;
  return { words, isLastWordPrefix: !/\s$/.test(raw), phoneDigits };
}

/** A lexeme literal for to_tsquery; normalised words hold no quotes or backslashes, but stay safe anyway. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * tsquery text: every word must match (AND), each word by any of its alternatives (OR), the last word
 * as a prefix. `alternatives[i]` are typo corrections for `words[i]`, matched as whole words.
 */
export function buildTsquery(parsed: ParsedQuery, options: { alternatives?: string[][]; exact?: boolean } = {}): string | null {
  const groups = parsed.words.map((word, index) => {
    const isPrefix = !options.exact && parsed.isLastWordPrefix && index === parsed.words.length - 1;
    const terms = [`${quoteLexeme(word)}${isPrefix ? ":*" : ""}`];
    for (const alternative of options.alternatives?.[index] ?? []) {
      if (alternative !== word) terms.push(quoteLexeme(alternative));
    }
    return terms.length === 1 ? terms[0]! : `(${terms.join(" | ")})`;
  });
  const words = groups.length > 0 ? groups.join(" & ") : null;
  if (!parsed.phoneDigits) return words;
  // Phone documents hold every digit suffix, so a prefix of one of them is a match anywhere in the number;
  // without its leading zeros, a national number ("020 7946 0321") also matches the international one.
  const trimmed = parsed.phoneDigits.replace(/^0+/, "");
  const phone = [parsed.phoneDigits, ...(trimmed.length >= 3 && trimmed !== parsed.phoneDigits ? [trimmed] : [])]
    .map((digits) => `${quoteLexeme(digits)}:*`)
    .join(" | ");
  return words ? `(${phone}) | (${words})` : phone;
}

/** Restricted Damerau-Levenshtein distance: an adjacent transposition ("jonh" → "john") costs one edit. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** How many edits a word of this length may be away from its correction. */
export function allowedEdits(word: string): number {
  const length = Array.from(word).length;
  if (length < 3) return 0;
  return length <= 5 ? 1 : 2;
}

const ALPHABET = Array.from("abcdefghijklmnopqrstuvwxyz0123456789");

/**
 * Every string one edit away (deletion, adjacent transposition, substitution, insertion). Trigram
 * similarity misses short words ("jon" vs "jan" share one trigram of seven); these exact lookups do not.
 */
export function oneEditVariants(word: string): string[] {
  const chars = Array.from(word);
  const alphabet = [...new Set([...ALPHABET, ...chars])];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(""));
    if (i + 1 < chars.length) out.add([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join(""));
    for (const c of alphabet) if (c !== chars[i]) out.add([...chars.slice(0, i), c, ...chars.slice(i + 1)].join(""));
  }
  for (let i = 0; i <= chars.length; i++) {
    for (const c of alphabet) out.add([...chars.slice(0, i), c, ...chars.slice(i)].join(""));
  }
  out.delete(word);
  return [...out].filter((variant) => variant.length >= 2);
}

const sortedLetters = (word: string) => Array.from(word).sort().join("");

export interface TermCandidate {
  term: string;
  similarity: number;
}

/** The dictionary words that pass as corrections of `word`, closest first (fewest edits, then trigram similarity). */
export function pickCorrections(word: string, candidates: TermCandidate[], limit = 3): string[] {
  const maxEdits = allowedEdits(word);
  if (maxEdits === 0) return [];
  const letters = sortedLetters(word);
  return candidates
    .filter((candidate) => candidate.term !== word)
    .map((candidate) => ({ ...candidate, edits: editDistance(word, candidate.term), isSwap: sortedLetters(candidate.term) === letters }))
    .filter((candidate) => candidate.edits <= maxEdits)
    // Swapped letters are the commonest typo ("jonh"): among equally distant words they come first.
    .sort((a, b) => a.edits - b.edits || Number(b.isSwap) - Number(a.isSwap) || b.similarity - a.similarity || a.term.localeCompare(b.term))
    .slice(0, limit)
    .map((candidate) => candidate.term);
}
