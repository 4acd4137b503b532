import { getCountries, type CountryCode } from "libphonenumber-js";

export type DecimalSeparator = "." | ",";

const CURRENCY = /^(?:[A-Z]{3}\s*|[$€£¥₹₩₽])|(?:\s*[A-Z]{3}|\s*[$€£¥₹₩₽])$/;

/** The currency a money cell names ("USD 50,000", "$50,000", "7.250,50 €"), if any. */
export function currencyOf(raw: string): string | null {
  const value = raw.trim();
  const code = /^([A-Z]{3})\s/.exec(value)?.[1] ?? /\s([A-Z]{3})$/.exec(value)?.[1];
  if (code) return code;
  const symbol = /^[$€£¥₹₩₽]|[$€£¥₹₩₽]$/.exec(value)?.[0];
  const bySymbol: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB" };
  return symbol ? (bySymbol[symbol] ?? null) : null;
}

/**
 * "$50,000", "USD 50,000", "50.000,00", "7.250,50 €", "72,5", "1e3" → a number, or null when the cell is
 * not one. With both separators present the last is the decimal one; a lone separator followed by
 * exactly three digits is a thousands separator unless the file writes decimal commas.
 */
export function parseNumber(raw: string, decimal: DecimalSeparator = "."): number | null {
  let value = raw.trim().replace(/^'/, "");
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1).trim();
  }
  value = value.replace(CURRENCY, "").trim().replace(CURRENCY, "").trim();
  if (value.startsWith("-")) {
    negative = !negative;
    value = value.slice(1).trim();
  }
  value = value.replace(/[\s\u00a0\u202f']/g, "");
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) {
    if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(value)) return (negative ? -1 : 1) * Number(value);
    return null;
  }
  const lastDot = value.lastIndexOf(".");
  const lastComma = value.lastIndexOf(",");
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalChar = lastDot > lastComma ? "." : ",";
    const thousands = decimalChar === "." ? "," : ".";
    if (value.indexOf(decimalChar) !== value.lastIndexOf(decimalChar)) return null;
    normalised = value.split(thousands).join("").replace(",", ".");
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? "." : ",";
    const parts = value.split(sep);
    const groupsOfThree = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length >= 1 && parts[0]!.length <= 3;
    if (parts.length > 2) {
      if (!groupsOfThree) return null;
      normalised = parts.join("");
    } else if (groupsOfThree && sep !== decimal) {
      normalised = parts.join("");
    } else {
      normalised = parts.join(".");
    }
  } else normalised = value;
  const number = Number(normalised);
  if (!Number.isFinite(number)) return null;
  return negative ? -number : number;
}

/** Decimal commas when the sample shows "1.250,50"-style or "72,5"-style numbers and no "1,250.50". */
export function detectDecimalSeparator(samples: string[]): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const raw of samples) {
    const value = raw.trim();
    if (/\d\.\d{3},\d{1,2}\b/.test(value) || /^-?\d+,\d{1,2}(?:\s*[€A-Z]{1,3})?$/.test(value)) comma++;
    if (/\d,\d{3}\.\d{1,2}\b/.test(value) || /^-?\d+\.\d{1,2}$/.test(value)) dot++;
  }
  return comma > dot ? "," : ".";
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  mär: 3, mai: 5, okt: 10, dez: 12,
};

export interface ParsedDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS when the cell had a time. */
  time: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseTime(raw: string | undefined): string | null | undefined {
  if (!raw) return null;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?(?:\s*(?:z|utc|[+-]\d{2}:?\d{2}))?$/i.exec(raw.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hours > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) return undefined;
  return `${pad(hours)}:${match[2]}:${match[3] ?? "00"}`;
}

/**
 * ISO ("2024-06-18", "2024-06-18 23:39", "2024-06-18T23:39:00Z"), US with slashes ("6/4/1978",
 * "8/3/2020 7:30 AM"), European with dots ("18.12.2022") and "09 Apr 2022"/"Apr 9, 2022". Slashes
 * are read month-first as US exports write them; when the first number exceeds 12 it must be the day.
 */
export function parseDate(raw: string): ParsedDate | null {
  const value = raw.trim();
  let y: number, m: number, d: number;
  let rest: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](.+))?$/.exec(value))) {
    [y, m, d, rest] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(.+))?$/.exec(value))) {
    [m, d, y, rest] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]];
    if (m > 12 && d <= 12) [m, d] = [d, m];
  } else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(.+))?$/.exec(value))) {
    [d, m, y, rest] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]];
  } else if ((match = /^(\d{1,2})[\s-]([A-Za-zä]{3,9})\.?[\s-](\d{4})(?:\s+(.+))?$/.exec(value))) {
    const month = MONTHS[match[2]!.toLowerCase()];
    if (!month) return null;
    [d, m, y, rest] = [Number(match[1]), month, Number(match[3]), match[4]];
  } else if ((match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(.+))?$/.exec(value))) {
    const month = MONTHS[match[1]!.toLowerCase()];
    if (!month) return null;
    [m, d, y, rest] = [month, Number(match[2]), Number(match[3]), match[4]];
  } else return null;
  // Two-digit years: this century unless that lands more than ten years ahead (birthdays, mostly).
  if (y < 100) y += 2000 + y > new Date().getUTCFullYear() + 10 ? 1900 : 2000;
  if (!validDate(y, m, d)) return null;
  const time = parseTime(rest);
  if (time === undefined) return null;
  return { date: `${y}-${pad(m)}-${pad(d)}`, time };
}

/** A Date for timestamp columns (UTC when the cell had no zone). */
export function toTimestamp(parsed: ParsedDate): Date {
  return new Date(`${parsed.date}T${parsed.time ?? "00:00:00"}Z`);
}

export function parseBoolean(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (["true", "yes", "y", "1", "x", "ja", "oui", "si", "sí", "checked", "on"].includes(value)) return true;
  if (["false", "no", "n", "0", "nein", "non", "unchecked", "off"].includes(value)) return false;
  return null;
}

let countryIndex: Map<string, CountryCode> | null = null;

/** Country names and codes as exports write them ("US", "United Kingdom", "Deutschland", "Norge") → ISO code. */
export function countryCodeOf(raw: string): CountryCode | null {
  if (!countryIndex) {
    countryIndex = new Map();
    const english = new Intl.DisplayNames(["en"], { type: "region" });
    for (const code of getCountries()) {
      countryIndex.set(code.toLowerCase(), code);
      const name = english.of(code);
      if (name) countryIndex.set(name.toLowerCase(), code);
    }
    const aliases: Record<string, CountryCode> = {
      usa: "US", "united states of america": "US", "u.s.": "US", "u.s.a.": "US", america: "US", uk: "GB", "great britain": "GB",
      england: "GB", scotland: "GB", wales: "GB", "northern ireland": "GB", deutschland: "DE", "österreich": "AT",
      schweiz: "CH", suisse: "CH", norge: "NO", sverige: "SE", danmark: "DK", suomi: "FI", "españa": "ES", espana: "ES",
      italia: "IT", nederland: "NL", "the netherlands": "NL", holland: "NL", belgië: "BE", belgique: "BE", polska: "PL",
      "česko": "CZ", "czech republic": "CZ", brasil: "BR", "méxico": "MX", "россия": "RU", russia: "RU", "中国": "CN",
      "日本": "JP", "한국": "KR", "south korea": "KR", korea: "KR", "ελλάδα": "GR", türkiye: "TR", turkey: "TR",
      "viet nam": "VN", vietnam: "VN", "éire": "IE", uae: "AE", "hong kong": "HK",
    };
    for (const [name, code] of Object.entries(aliases)) countryIndex.set(name, code);
  }
  return countryIndex.get(raw.trim().toLowerCase()) ?? null;
}

const NAME_PREFIXES = /^(mr|mrs|ms|mx|miss|dr|prof|sir|herr|frau)\.?\s+/i;

/** "Jane Q. Doe" → first "Jane Q.", last "Doe"; "Doe, Jane" → first "Jane", last "Doe". */
export function splitFullName(raw: string): { firstName: string | null; lastName: string | null } {
  const value = raw.trim().replace(/\s+/g, " ");
  if (!value) return { firstName: null, lastName: null };
  if (value.includes(",")) {
    const [last, ...first] = value.split(",");
    const firstName = first.join(",").trim();
    return { firstName: firstName || null, lastName: last!.trim() || null };
  }
  const parts = value.replace(NAME_PREFIXES, "").split(" ");
  if (parts.length === 1) return { firstName: parts[0]!, lastName: null };
  // Particles start the surname: "Ludwig van Beethoven", "Jürgen von Bülow".
  const particle = parts.findIndex((p, i) => i > 0 && /^(van|von|de|del|della|der|den|da|di|du|la|le|bin|al|mac|mc|st\.?)$/i.test(p));
  const split = particle > 0 ? particle : parts.length - 1;
  return { firstName: parts.slice(0, split).join(" "), lastName: parts.slice(split).join(" ") };
}

/**
 * Tag cells: Google writes "* myContacts ::: newsletter", Pipedrive "vip, webinar-2024", others ";".
 * Google's system groups ("* myContacts", "* starred") describe the export, not the contact.
 */
export function splitTags(raw: string): string[] {
  const value = raw.trim();
  if (!value) return [];
  const parts = value.includes(":::") ? value.split(":::") : value.split(/[;,|]/);
  const tags = parts.map((p) => p.trim()).filter((p) => p && !p.startsWith("* ") && p.length <= 100);
  return [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];
}
