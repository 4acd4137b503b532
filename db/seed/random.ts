import { createHash } from "node:crypto";

/**
 * Every seeded record draws from its own stream, keyed by (seed, kind, index): record 70,000 is the
 * same whether it is generated alone, in a batch of 1,000 or after the 69,999 before it. That is what
 * lets the bulk seeder stream in any batch size and resume an interrupted run without replaying it.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** `count` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
}

/** murmur3's 32-bit finaliser: a bijection on uint32, so distinct inputs never collide. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashKeys(keys: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) h = mix32(h ^ mix32((key >>> 0) + Math.floor(key / 0x1_0000_0000)));
  return h;
}

function kindCode(kind: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) h = Math.imul(h ^ kind.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: tiny, fast, and good enough for sampling fake data; a class so a million streams cost no closures. */
class Mulberry32 implements Rng {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

const kindCodes = new Map<string, number>();

export function createRng(seed: number, kind: string, ...keys: number[]): Rng {
  let code = kindCodes.get(kind);
  if (code === undefined) {
    code = kindCode(kind);
    kindCodes.set(kind, code);
  }
  return new Mulberry32(hashKeys([seed, code, ...keys]));
}

const prefixes = new Map<string, { head: string; salt: number }>();

/**
 * A stable UUID (version 4 layout) for the `sub`-th record of `kind` at `index` in one namespace (the
 * workspace id): the same seed run twice produces the same ids, two workspaces never share one, and a
 * contact's id can be recomputed from its index (the resume check and the benchmark rely on that).
 */
export function seededUuid(namespace: string, kind: string, index: number, sub = 0): string {
  const key = `${namespace}:${kind}`;
  let prefix = prefixes.get(key);
  if (!prefix) {
    const hash = createHash("sha1").update(key).digest("hex");
    const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
    prefix = { head: `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-`, salt: parseInt(hash.slice(20, 28), 16) };
    prefixes.set(key, prefix);
  }
  // XOR with a per-kind constant keeps mix32 a bijection while sparing index 0 its fixed point (0 → 0).
  return prefix.head + mix32(index ^ prefix.salt).toString(16).padStart(8, "0") + (sub & 0xffff).toString(16).padStart(4, "0");
}

/** Fills a template: `#` a digit, `N` a digit 2-9, `@` an upper-case letter; anything else is kept. */
export function fillTemplate(rng: Rng, template: string): string {
  let out = "";
  for (const char of template) {
    if (char === "#") out += String(rng.int(0, 9));
    else if (char === "N") out += String(rng.int(2, 9));
    else if (char === "@") out += String.fromCharCode(65 + rng.int(0, 25));
    else out += char;
  }
  return out;
}

const SPECIAL_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d", þ: "th", ı: "i" };

/** "Jean-Pierre" → "jeanpierre", "Jürgen" → "jurgen", "Łukasz" → "lukasz": letters a-z only. */
export function toSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæøœłđþı]/g, (char) => SPECIAL_LETTERS[char] ?? char)
    .normalize("NFKD")
    .replace(/[^a-z]/g, "");
}
