import type { RelativeDateValue } from "./types";

/**
 * Dates in filters. A date-only value ("2024-01-01") given for an instant field means that whole UTC day,
 * so `lastActivityAt lte 2024-01-31` includes activity on the 31st. Relative dates count from one `now`
 * fixed when the filter is parsed, so the SQL and the reference evaluator see the same bounds.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

export type ParsedDate = { kind: "day"; day: string } | { kind: "instant"; iso: string };

export function isValidDay(value: string): boolean {
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function parseDateValue(value: unknown): ParsedDate | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { kind: "instant", iso: value.toISOString() };
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (isValidDay(text)) return { kind: "day", day: text };
  if (!DATE_TIME.test(text)) return null;
  // A time without a zone is read as UTC, never as the server's local time.
  const withZone = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(text) ? text : `${text}Z`;
  const time = Date.parse(withZone.replace(" ", "T"));
  if (Number.isNaN(time)) return null;
  return { kind: "instant", iso: new Date(time).toISOString() };
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** `now` moved by a relative amount; months are calendar months (UTC), clamped like JavaScript does. */
export function shiftInstant(now: Date, amount: RelativeDateValue, sign: 1 | -1): Date {
  const date = new Date(now.getTime());
  if (amount.unit === "months") date.setUTCMonth(date.getUTCMonth() + sign * amount.n);
  else date.setUTCDate(date.getUTCDate() + sign * amount.n * (amount.unit === "weeks" ? 7 : 1));
  return date;
}
