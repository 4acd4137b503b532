import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import metadata from "libphonenumber-js/min/metadata";

/** libphonenumber's own answer: E.164 when the number is valid for its country, otherwise as typed. */
export function normalizePhoneSlowly(raw: string, defaultCountry: CountryCode = "US"): string {
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isValid() ? parsed.format("E.164") : raw;
}

type Metadata = { country_calling_codes: Record<string, string[]>; countries: Record<string, unknown[]> };
const nanpCountries = new Set((metadata as unknown as Metadata).country_calling_codes["1"] ?? []);

/**
 * Whether a NANP number's validity (and so its E.164 form) is decided by its first six national digits:
 * true when every alternative of every NANP national and type pattern ends in `\d{n}` with n ≥ 4 and
 * every leading-digits pattern is a short literal prefix (checked on the metadata this build ships, so
 * a future metadata that looks deeper turns the shortcut off instead of making it wrong).
 */
function prefixDecidesNanp(): boolean {
  const topLevelAlternatives = (pattern: string) => {
    const parts: string[] = [];
    let depth = 0;
    let current = "";
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === "\\") {
        current += c + (pattern[++i] ?? "");
        continue;
      }
      if (c === "(" || c === "[") depth++;
      if (c === ")" || c === "]") depth--;
      if (c === "|" && depth === 0) {
        parts.push(current);
        current = "";
      } else current += c;
    }
    parts.push(current);
    return parts;
  };
  const endsFree = (pattern: string) =>
    topLevelAlternatives(pattern).every((alternative) => {
      const tail = /\\d\{(\d+)(?:,\d*)?\}$/.exec(alternative);
      return tail !== null && Number(tail[1]) >= 4;
    });
  const shortPrefix = (pattern: string) =>
    !/[{}*+?\\]/.test(pattern) && pattern.split("|").every((alternative) => alternative.replace(/\[[^\]]*\]/g, "X").length <= 6);
  for (const country of nanpCountries) {
    const entry = (metadata as unknown as Metadata).countries[country];
    if (!entry) return false;
    const national = entry[2];
    const types = (Array.isArray(entry[11]) ? entry[11] : []) as unknown[];
    const patterns = [national, ...types.map((t) => (Array.isArray(t) ? t[0] : undefined))].filter((p): p is string => typeof p === "string" && p !== "");
    if (!patterns.every(endsFree)) return false;
    const leading = entry[10];
    if (leading !== undefined && leading !== 0 && (typeof leading !== "string" || !shortPrefix(leading))) return false;
  }
  return nanpCountries.size > 0;
}

const shortcut = prefixDecidesNanp();
const decisions = new Map<string, boolean>();
const MAX_DECISIONS = 100_000;
const plainNumber = /^\+?[\d\s().-]+$/;

/**
 * E.164 when the number is valid for its country, otherwise as typed (exactly normalizePhoneSlowly).
 * libphonenumber spends ~10 µs per North American number finding which of 25 countries it belongs to,
 * the largest cost of a CSV import. For a plain number ("+1 415-555-0123", "(415) 555-0123",
 * "1 415 555 0123") its answer depends only on how it is written, the default country and the first
 * six national digits (see prefixDecidesNanp), so it is asked once per such prefix and remembered.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = "US"): string {
  if (!shortcut || !plainNumber.test(raw) || raw.lastIndexOf("+") > 0) return normalizePhoneSlowly(raw, defaultCountry);
  const digits = raw.replace(/\D/g, "");
  let form: "international" | "national" | "trunk";
  let national: string;
  if (raw.startsWith("+")) {
    if (digits.length !== 11 || digits[0] !== "1") return normalizePhoneSlowly(raw, defaultCountry);
    form = "international";
    national = digits.slice(1);
  } else {
    if (!nanpCountries.has(defaultCountry)) return normalizePhoneSlowly(raw, defaultCountry);
    if (digits.length === 10) {
      form = "national";
      national = digits;
    } else if (digits.length === 11 && digits[0] === "1") {
      form = "trunk";
      national = digits.slice(1);
    } else return normalizePhoneSlowly(raw, defaultCountry);
  }
  if (national[0] === "0" || national[0] === "1") return normalizePhoneSlowly(raw, defaultCountry);
  const key = `${form}:${form === "international" ? "" : defaultCountry}:${national.slice(0, 6)}`;
  let valid = decisions.get(key);
  if (valid === undefined) {
    const written = form === "international" ? `+1${national}` : form === "trunk" ? `1${national}` : national;
    const parsed = parsePhoneNumberFromString(written, defaultCountry);
    valid = parsed !== undefined && parsed.isValid() && parsed.format("E.164") === `+1${national}`;
    if (decisions.size >= MAX_DECISIONS) decisions.clear();
    decisions.set(key, valid);
  }
  return valid ? `+1${national}` : raw;
}
