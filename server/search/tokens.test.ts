import { describe, expect, it } from "vitest";
import { buildTsquery, editDistance, normalizeQuery, oneEditVariants, parseQuery, pickCorrections } from "./tokens";

describe("normalizeQuery", () => {
  it("folds accents and splits on punctuation as the documents were", () => {
    expect(normalizeQuery("José.O'Brien@Acme-Corp.com")).toBe("jose o brien acme corp com");
    expect(normalizeQuery("  Łukasz  ")).toBe(" lukasz ");
  });
});

describe("parseQuery", () => {
  it("keeps normalised words once, and prefix-matches the last unless a space ends the query", () => {
    expect(parseQuery("John  Smi", "john  smi")).toEqual({ words: ["john", "smi"], isLastWordPrefix: true, phoneDigits: null });
    expect(parseQuery("john john ", "john john ")).toEqual({ words: ["john"], isLastWordPrefix: false, phoneDigits: null });
  });

  it("reads phone-like queries as digits", () => {
    expect(parseQuery("+1 (415) 555-0123", "1  415  555 0123").phoneDigits).toBe("14155550123");
    expect(parseQuery("555 0123", "555 0123").phoneDigits).toBe("5550123");
    expect(parseQuery("room 101", "room 101").phoneDigits).toBeNull();
    expect(parseQuery("12", "12").phoneDigits).toBeNull();
  });
});

describe("buildTsquery", () => {
  it("ANDs the words, prefix on the last", () => {
    expect(buildTsquery(parseQuery("jose gar", "jose gar"))).toBe("'jose' & 'gar':*");
    expect(buildTsquery(parseQuery("jose gar", "jose gar"), { exact: true })).toBe("'jose' & 'gar'");
  });

  it("ORs typo alternatives into each word", () => {
    const parsed = parseQuery("jonh smiht ", "jonh smiht ");
    expect(buildTsquery(parsed, { alternatives: [["john"], ["smith", "smit"]] })).toBe("('jonh' | 'john') & ('smiht' | 'smith' | 'smit')");
  });

  it("matches phone digits as a prefix of any digit suffix, or the words", () => {
    expect(buildTsquery(parseQuery("555-0123", "555 0123"))).toBe("('5550123':*) | ('555' & '0123':*)");
    expect(buildTsquery(parseQuery("020 7946", "020 7946"))).toBe("('0207946':* | '207946':*) | ('020' & '7946':*)");
  });

  it("quotes lexemes so query text cannot inject tsquery syntax", () => {
    expect(buildTsquery({ words: ["o'brien", "a\\b"], isLastWordPrefix: false, phoneDigits: null })).toBe("'o''brien' & 'a\\\\b'");
    expect(buildTsquery({ words: [], isLastWordPrefix: true, phoneDigits: null })).toBeNull();
  });
});

describe("typo correction", () => {
  it("counts a transposition as one edit", () => {
    expect(editDistance("jonh", "john")).toBe(1);
    expect(editDistance("smiht", "smith")).toBe(1);
    expect(editDistance("stirpe", "stripe")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("generates the one-edit variants that trigrams miss", () => {
    const variants = oneEditVariants("jan");
    expect(variants).toContain("jon");
    expect(variants).toContain("ja");
    expect(variants).toContain("ajn");
    expect(variants).toContain("jane");
    expect(variants).not.toContain("jan");
  });

  it("keeps corrections within the allowed edits, closest first", () => {
    const candidates = [
      { term: "johnson", similarity: 0.4 },
      { term: "john", similarity: 0.25 },
      { term: "jon", similarity: 0.3 },
      { term: "jonh", similarity: 1 },
    ];
    expect(pickCorrections("jonh", candidates)).toEqual(["john", "jon"]);
    expect(pickCorrections("ab", candidates)).toEqual([]);
    expect(pickCorrections("stirpe", [{ term: "stripe", similarity: 0.27 }, { term: "stirling", similarity: 0.3 }])).toEqual(["stripe"]);
  });
});
