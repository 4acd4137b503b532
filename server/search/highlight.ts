import { foldText } from "./tokens";

/**
 * Snippets with matches wrapped in <mark>. Everything else is HTML-escaped, including the matched text,
 * so a contact named `<script>` renders as text: the only markup a snippet ever carries is <mark>.
 */

export interface Highlight {
  /** `fullName`, `email`, `company`, `title`, `department`, `phone`, `mobile`, `notes` or `customFields.<name>`. */
  field: string;
  /** HTML: escaped text with <mark>…</mark> around matches. */
  snippet: string;
}

export interface HighlightTerms {
  /** Normalised words matched whole. */
  words: string[];
  /** Normalised words matched as a prefix of a word. */
  prefixes: string[];
  /** Matched inside the digits of phone fields, ignoring punctuation. */
  phoneDigits: string | null;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Range = [start: number, end: number];

function wordRanges(text: string, terms: HighlightTerms): Range[] {
  const ranges: Range[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = foldText(match[0]);
    if (terms.words.includes(word) || terms.prefixes.some((prefix) => word.startsWith(prefix))) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}

function digitRanges(text: string, digits: string): Range[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i]! >= "0" && text[i]! <= "9") positions.push(i);
  const found = positions.map((i) => text[i]).join("").indexOf(digits);
  if (found < 0) return [];
  return [[positions[found]!, positions[found + digits.length - 1]! + 1]];
}

/** Sorted, with overlapping or touching ranges joined, so a match is marked once ("555-0199", not "555" + "-0199"). */
function mergeRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const range of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const SHORT_FIELD = 160;
const CONTEXT_BEFORE = 60;
const SNIPPET_LENGTH = 200;

function render(text: string, ranges: Range[], from: number, to: number): string {
  let html = from > 0 ? "…" : "";
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, cursor);
    const e = Math.min(end, to);
    html += escapeHtml(text.slice(cursor, s)) + `<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    cursor = e;
  }
  html += escapeHtml(text.slice(cursor, to));
  return to < text.length ? `${html}…` : html;
}

/** The snippet of one field, or null when nothing in it matches. Long text is cut around the first match. */
export function highlightField(field: string, text: string | null | undefined, terms: HighlightTerms, options: { isPhone?: boolean } = {}): Highlight | null {
  if (!text) return null;
  const ranges = mergeRanges([...wordRanges(text, terms), ...(options.isPhone && terms.phoneDigits ? digitRanges(text, terms.phoneDigits) : [])]);
  if (ranges.length === 0) return null;
  if (text.length <= SHORT_FIELD) return { field, snippet: render(text, ranges, 0, text.length) };
  let from = Math.max(0, ranges[0]![0] - CONTEXT_BEFORE);
  // Start on a word boundary so the snippet does not open mid-word.
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < ranges[0]![0]) from = space + 1;
  }
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  return { field, snippet: render(text, ranges, from, Math.max(to, ranges[0]![1])) };
}
