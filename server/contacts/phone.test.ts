import fs from "node:fs";
import path from "node:path";
import type { CountryCode } from "libphonenumber-js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { normalizePhone, normalizePhoneSlowly } from "./phone";

/** A small seeded generator, so a failure names numbers that can be reproduced. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function digits(random: () => number, count: number) {
  let out = "";
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

const fixturesDir = path.resolve(process.cwd(), "../shared/fixtures/csv");

function fixturePhones(): string[] {
  const phones: string[] = [];
  for (const file of fs.readdirSync(fixturesDir).filter((f) => f.endsWith(".csv"))) {
    const text = fs.readFileSync(path.join(fixturesDir, file), "latin1");
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: text.includes(";") && !text.includes(",") ? ";" : "" }).data;
    const headerAt = rows.findIndex((r) => r.some((cell) => /phone|mobile/i.test(cell)));
    if (headerAt < 0) continue;
    const columns = rows[headerAt]!.flatMap((cell, i) => (/phone|mobile/i.test(cell) ? [i] : []));
    for (const row of rows.slice(headerAt + 1)) for (const i of columns) if (row[i]?.trim()) phones.push(row[i]!.trim());
  }
  return phones;
}

function expectSameAsLibphonenumber(inputs: string[], countries: CountryCode[]) {
  const differences: string[] = [];
  for (const country of countries) {
    for (const raw of inputs) {
      const fast = normalizePhone(raw, country);
      const slow = normalizePhoneSlowly(raw, country);
      if (fast !== slow) differences.push(`${country} ${JSON.stringify(raw)}: ${fast} vs ${slow}`);
    }
  }
  expect(differences.slice(0, 20)).toEqual([]);
}

describe("normalizePhone", () => {
  it("answers exactly as libphonenumber for every phone in the fixtures", () => {
    const phones = fixturePhones();
    expect(phones.length).toBeGreaterThan(300);
    expectSameAsLibphonenumber(phones, ["US", "CA", "GB", "DE", "FR", "ES", "JP", "BR"]);
  });

  it("answers exactly as libphonenumber for North American numbers in every written form, valid or not", () => {
    const random = prng(1001);
    const inputs: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      // Every area code 000–999 (many unassigned), random exchanges, and a repeated exchange per area.
      const area = String(i % 1000).padStart(3, "0");
      const exchange = i % 3 === 0 ? "555" : digits(random, 3);
      const line = digits(random, 4);
      const forms = [
        `+1 ${area}-${exchange}-${line}`, `(${area}) ${exchange}-${line}`, `${area}.${exchange}.${line}`, `1 ${area} ${exchange} ${line}`,
        `+1${area}${exchange}${line}`, `${area}${exchange}${line}`, `+1 (${area}) ${exchange} ${line}`, `1-${area}-${exchange}-${line}`,
      ];
      inputs.push(forms[i % forms.length]!);
    }
    expectSameAsLibphonenumber(inputs, ["US", "CA", "JM", "GB"]);
  });

  it("answers exactly as libphonenumber for other countries, extensions, letters and wrong lengths", () => {
    const random = prng(7);
    const prefixes = ["+44 20", "+44 7", "+49 30", "+49 151", "+33 1", "+33 6", "+34 6", "+34 91", "+351 21", "+81 3", "+81 90", "+61 2", "+61 4", "+55 11", "+52 55", "+91 98", "+86 138", "+7 495", "+7 701", "+27 21", "+353 1"];
    const inputs: string[] = [];
    for (let i = 0; i < 8_000; i++) {
      const prefix = prefixes[i % prefixes.length]!;
      const rest = digits(random, 6 + (i % 4));
      inputs.push(`${prefix} ${rest}`, `${prefix.replace("+", "00")}${rest}`, `0${prefix.split(" ")[1]}${rest}`);
    }
    inputs.push(
      "+1 415-555-0123 ext. 42", "415-555-0123 x7", "1-800-FLOWERS", "+1 415 555 012", "+1 415 555 01234", "555-0123", "12",
      "+1 (415) 555-0123", "++1 415 555 0123", "1+415 555 0123", "(415) 555-0123 ", " 415 555 0123", "+1-415-555-0123#",
    );
    expectSameAsLibphonenumber(inputs, ["US", "GB", "DE", "JP", "BR", "CA"]);
  });

  it("normalises plain North American numbers to E.164", () => {
    expect(normalizePhone("(415) 555-0123")).toBe("+14155550123");
    expect(normalizePhone("+1 212 555 0199")).toBe("+12125550199");
    expect(normalizePhone("1-646-555-0100")).toBe("+16465550100");
    expect(normalizePhone("(123) 555-0123")).toBe("(123) 555-0123");
  });
});
