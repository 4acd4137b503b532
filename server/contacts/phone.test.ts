import fs from "node:fs";
import path from "node:path";
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fastNormalizePhone, normalizePhone } from "./phone";

/** The reference: libphonenumber's answer, as normalizePhone computed it before it had a fast path. */
function reference(raw: string, defaultCountry: CountryCode): string {
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isValid() ? parsed.format("E.164") : raw;
}

/** A small seeded generator, so a failure names numbers that can be reproduced. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const countries = getCountries();

function generator(seed: number) {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T,>(items: readonly T[]) => items[int(items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => int(10)).join("");
  return { random, int, pick, digits };
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

type Case = [raw: string, country: CountryCode];

/** Every input must give libphonenumber's answer; returns how many the fast path answered itself. */
function expectSameAsLibphonenumber(cases: Case[]): number {
  const differences: string[] = [];
  let fast = 0;
  for (const [raw, country] of cases) {
    const actual = normalizePhone(raw, country);
    const expected = reference(raw, country);
    if (actual !== expected) differences.push(`${country} ${JSON.stringify(raw)}: ${actual} vs ${expected}`);
    if (fastNormalizePhone(raw, country) !== undefined) fast++;
  }
  expect(differences.slice(0, 20)).toEqual([]);
  return fast;
}

const cross = (inputs: string[], defaults: CountryCode[]): Case[] => defaults.flatMap((country) => inputs.map((raw): Case => [raw, country]));

describe("normalizePhone", () => {
  it("answers exactly as libphonenumber for every phone in the fixtures", () => {
    const phones = fixturePhones();
    expect(phones.length).toBeGreaterThan(300);
    expectSameAsLibphonenumber(cross(phones, ["US", "CA", "GB", "DE", "FR", "ES", "JP", "BR"]));
  });

  it("answers exactly as libphonenumber for North American numbers in every written form, valid or not", () => {
    const { random, digits } = generator(1001);
    const inputs: string[] = [];
    for (let i = 0; i < 8_000; i++) {
      // Every area code 000–999 (many unassigned, 0xx/1xx invalid), random exchanges, and 555 often.
      const area = String(i % 1000).padStart(3, "0");
      const exchange = random() < 0.3 ? "555" : digits(3);
      const line = digits(4);
      const forms = [
        `+1 ${area}-${exchange}-${line}`, `(${area}) ${exchange}-${line}`, `${area}.${exchange}.${line}`, `1 ${area} ${exchange} ${line}`,
        `+1${area}${exchange}${line}`, `${area}${exchange}${line}`, `+1 (${area}) ${exchange} ${line}`, `1-${area}-${exchange}-${line}`,
        `${area}/${exchange}-${line}`, `011 1 ${area} ${exchange} ${line}`,
      ];
      inputs.push(forms[i % forms.length]!);
    }
    const fast = expectSameAsLibphonenumber(cross(inputs, ["US", "CA", "JM", "GB"]));
    expect(fast / (inputs.length * 4)).toBeGreaterThan(0.85);
  });

  it("answers exactly as libphonenumber for every country's numbers in national, international, IDD and bare forms", () => {
    const { random, int, pick, digits } = generator(7);
    const cases: Case[] = [];
    const realistic: Case[] = [];
    for (const country of countries) {
      const example = (examples as Record<string, string>)[country];
      if (!example) continue;
      const callingCode = getCountryCallingCode(country);
      for (let i = 0; i < 14; i++) {
        // The example with its last digits replaced, sometimes a digit shorter or longer.
        const keep = Math.max(1, example.length - 1 - int(5));
        const length = example.length + (random() < 0.2 ? pick([-1, 1]) : 0);
        const nsn = example.slice(0, keep) + digits(Math.max(0, length - keep));
        const nationalForm = parsePhoneNumberFromString(`+${callingCode}${nsn}`)?.format("NATIONAL") ?? nsn;
        const other = pick(countries);
        cases.push(
          [`+${callingCode} ${nsn}`, country],
          [`+${callingCode}${nsn}`, other],
          [`+${callingCode} (0)${nsn}`, country],
          [nationalForm, country],
          [nationalForm, other],
          [`${callingCode} ${nsn}`, country],
          [`${pick(["00", "011", "0011", "010", "8~10", "810"])} ${callingCode} ${nsn}`, country],
          [`0${nsn}`, country],
        );
        realistic.push([`+${callingCode} ${nsn}`, "US"], [nationalForm, country]);
      }
    }
    expectSameAsLibphonenumber(cases);
    // The fast path answers nearly all plain national and international numbers itself.
    expect(expectSameAsLibphonenumber(realistic) / realistic.length).toBeGreaterThan(0.9);
  });

  it("answers exactly as libphonenumber for the usual international prefixes", () => {
    const { pick, int, digits } = generator(11);
    const prefixes = [
      "+44 20", "+44 7", "+44 1624", "+44 7781", "+49 30", "+49 151", "+33 1", "+33 6", "+34 6", "+34 91", "+351 21", "+351 9", "+81 3", "+81 90",
      "+61 2", "+61 4", "+55 11", "+55 11 9", "+52 55", "+52 1 55", "+54 9 11", "+54 11", "+57 3", "+57 1", "+91 98", "+86 138", "+7 495", "+7 701",
      "+7 727", "+27 21", "+353 1", "+39 06", "+39 3", "+47 2", "+47 79", "+358 18", "+358 40", "+262 269", "+262 692", "+590 590", "+599 9",
      "+599 7", "+212 5", "+212 528", "+800", "+808", "+882", "+0", "+99", "+999",
    ];
    const cases: Case[] = [];
    for (let i = 0; i < 6_000; i++) {
      const prefix = pick(prefixes);
      const rest = digits(4 + int(8));
      const country = pick(["US", "GB", "DE", "JP", "BR", "CA", "AR", "MX", "RU", "IT", "FR"] as CountryCode[]);
      cases.push([`${prefix} ${rest}`, country], [`${prefix.replace("+", "00")}${rest}`, country], [`0${prefix.split(" ")[1] ?? ""}${rest}`, country]);
    }
    cases.push(["+34 638 198 243", "US"], ["+351 21 780 8827", "US"], ["03-4396-6729", "JP"], ["+44 20 7946 0958", "US"], ["020 7946 0958", "GB"]);
    expectSameAsLibphonenumber(cases);
  });

  it("answers exactly as libphonenumber for random strings, extensions, letters and wrong lengths", () => {
    const { random, int, pick, digits } = generator(23);
    const cases: Case[] = [];
    const alphabet = "0123456789012345678901234567890123456789 ()-./+";
    for (let i = 0; i < 8_000; i++) {
      const length = 1 + int(22);
      let raw = random() < 0.4 ? "+" : "";
      for (let j = 0; j < length; j++) raw += alphabet[int(alphabet.length)];
      cases.push([raw, pick(countries)]);
    }
    for (let i = 0; i < 2_000; i++) {
      const number = `${pick(["+1 ", "", "(", "+44 ", "0"])}${digits(3)} ${digits(3)} ${digits(4)}`;
      const suffix = pick([` ext. ${digits(3)}`, ` x${digits(2)}`, `#`, ` - ${digits(3)}#`, `;ext=${digits(2)}`, `,,${digits(2)}`, " ", "a", "-FLOWERS", "\t", "\u00a0"]);
      cases.push([number + suffix, pick(["US", "GB", "DE", "CA"] as CountryCode[])]);
    }
    const odd = [
      "+1 415-555-0123 ext. 42", "415-555-0123 x7", "1-800-FLOWERS", "+1 415 555 012", "+1 415 555 01234", "555-0123", "12", "1", "+1", "+12",
      "+1 (415) 555-0123", "++1 415 555 0123", "1+415 555 0123", "(415) 555-0123 ", " 415 555 0123", "+1-415-555-0123#", "(+1) 415 555 0123",
      "tel:+1-415-555-0123", "+1 415 555 0123;phone-context=+1", "４１５５５５０１２３", "+1 415 555 0123 / 555 0199", "0".repeat(300),
      `+1 ${"1".repeat(260)}`, "+44 (0) 20 7946 0958", "0044 20 7946 0958", "011 44 20 7946 0958", "44 20 7946 0958", "49 30 123456", "1 1 1",
      "", "   ", "+", "()", "-1-", "+1 000 000 0000", "+881 6 1234 5678", "+800 1234 5678", "+383 44 123 456", "+1 684 733 1234",
    ];
    cases.push(...cross(odd, ["US", "GB", "DE", "JP", "CA", "RU", "AR", "BR"]));
    cases.push(["(415) 555-0123", "XX" as CountryCode], ["(415) 555-0123", "us" as CountryCode], ["(415) 555-0123", "" as CountryCode]);
    expectSameAsLibphonenumber(cases);
  });

  it("normalises plain numbers to E.164 and keeps what it cannot place", () => {
    expect(normalizePhone("(415) 555-0123")).toBe("+14155550123");
    expect(normalizePhone("+1 212 555 0199")).toBe("+12125550199");
    expect(normalizePhone("1-646-555-0100")).toBe("+16465550100");
    expect(normalizePhone("(123) 555-0123")).toBe("(123) 555-0123");
    expect(normalizePhone("03-4396-6729", "JP")).toBe("+81343966729");
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
  });
});
