/**
 * CSV writing for exports. Pure: a row of values in, one RFC 4180 line out.
 *
 * Spreadsheet apps run a cell that begins with = + - @ (or a tab/CR, which some strip before looking)
 * as a formula: CSV injection. Such cells get a leading single quote, which shows as text everywhere.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => formatCell(item)).join(", ");
  if (typeof value === "object") {
    const currency = value as { amount?: unknown; currency?: unknown };
    if (typeof currency.amount === "number" && typeof currency.currency === "string") return `${currency.amount} ${currency.currency}`;
    return JSON.stringify(value);
  }
  return String(value);
}

export function csvLine(values: readonly unknown[]): string {
  return (
    values
      .map((value) => {
        const text = neutraliseCell(formatCell(value));
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}
