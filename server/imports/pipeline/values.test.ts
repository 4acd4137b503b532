import { describe, expect, it } from "vitest";
import { countryCodeOf, currencyOf, detectDecimalSeparator, parseBoolean, parseDate, parseNumber, splitFullName, splitTags } from "./values";

describe("parseNumber", () => {
  it.each([
    ["$50,000", ".", 50000],
    ["USD 50,000", ".", 50000],
    ["$50,000.00", ".", 50000],
    ["5,000,000", ".", 5000000],
    ["1200000", ".", 1200000],
    ["50.000,00", ",", 50000],
    ["1.250.000,50 €", ",", 1250000.5],
    ["72,5", ",", 72.5],
    ["0,50", ",", 0.5],
    ["12.500,00", ".", 12500],
    ["(1,234.5)", ".", -1234.5],
    ["-7", ".", -7],
    ["1e3", ".", 1000],
    ["'42", ".", 42],
  ] as const)("%s (decimal %s) → %d", (raw, decimal, expected) => {
    expect(parseNumber(raw, decimal)).toBe(expected);
  });

  it.each(["", "n/a", "12abc", "1.2.3,4.5", "--5"])("%s is not a number", (raw) => {
    expect(parseNumber(raw)).toBeNull();
  });

  it("names the currency of a money cell", () => {
    expect(currencyOf("USD 50,000")).toBe("USD");
    expect(currencyOf("7.250,50 €")).toBe("EUR");
    expect(currencyOf("$5")).toBe("USD");
    expect(currencyOf("5000")).toBeNull();
  });

  it("detects decimal commas from a column's values", () => {
    expect(detectDecimalSeparator(["72,5", "18,5", "87", "1.250.000,00"])).toBe(",");
    expect(detectDecimalSeparator(["$50,000", "1,250.50", "12.5"])).toBe(".");
    expect(detectDecimalSeparator(["5,000,000", "250,000"])).toBe(".");
  });
});

describe("parseDate", () => {
  it.each([
    ["2024-06-18", "2024-06-18", null],
    ["2024-06-18 23:39", "2024-06-18", "23:39:00"],
    ["2020-06-10 17:07:00", "2020-06-10", "17:07:00"],
    ["2024-06-18T23:39:00Z", "2024-06-18", "23:39:00"],
    ["6/4/1978", "1978-06-04", null],
    ["10/12/2021 2:36 AM", "2021-10-12", "02:36:00"],
    ["11/9/2022 2:01 PM", "2022-11-09", "14:01:00"],
    ["25/12/2020", "2020-12-25", null],
    ["18.12.2022", "2022-12-18", null],
    ["09 Apr 2022", "2022-04-09", null],
    ["Apr 9, 2022", "2022-04-09", null],
    ["1/1/61", "1961-01-01", null],
  ])("%s → %s %s", (raw, date, time) => {
    expect(parseDate(raw)).toEqual({ date, time });
  });

  it.each(["31.02.2024", "13/13/2020", "2024-00-10", "yesterday", "09 Foo 2022", "12:00"])("%s is not a date", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe("small normalisers", () => {
  it("reads booleans in several languages", () => {
    expect(parseBoolean("Yes")).toBe(true);
    expect(parseBoolean("nein")).toBe(false);
    expect(parseBoolean("maybe")).toBeNull();
  });

  it("maps country names and codes to ISO codes", () => {
    expect(countryCodeOf("United Kingdom")).toBe("GB");
    expect(countryCodeOf("Deutschland")).toBe("DE");
    expect(countryCodeOf("norge")).toBe("NO");
    expect(countryCodeOf("US")).toBe("US");
    expect(countryCodeOf("Atlantis")).toBeNull();
  });

  it("splits a single Name column into first and last names", () => {
    expect(splitFullName("Jane Doe")).toEqual({ firstName: "Jane", lastName: "Doe" });
    expect(splitFullName("Dr. Mary Ann Smith")).toEqual({ firstName: "Mary Ann", lastName: "Smith" });
    expect(splitFullName("Jürgen von Bülow")).toEqual({ firstName: "Jürgen", lastName: "von Bülow" });
    expect(splitFullName("Doe, Jane")).toEqual({ firstName: "Jane", lastName: "Doe" });
    expect(splitFullName("Madonna")).toEqual({ firstName: "Madonna", lastName: null });
  });

  it("splits tag cells as each export writes them and drops Google's system groups", () => {
    expect(splitTags("* myContacts ::: newsletter ::: smb")).toEqual(["newsletter", "smb"]);
    expect(splitTags("vip, webinar-2024")).toEqual(["vip", "webinar-2024"]);
    expect(splitTags("a; A; b")).toEqual(["A", "b"]);
    expect(splitTags("  ")).toEqual([]);
  });
});
