import { describe, expect, it } from "vitest";
import type { EmbeddingSource } from "../embeddings/text";
import { buildEmbeddingText } from "../embeddings/text";
import { explainMatch, keywordStems, keywordTsquery } from "./explain";
import { toFacets } from "./results";

const source = (overrides: Partial<EmbeddingSource> = {}): EmbeddingSource => ({
  contactId: "c1", firstName: "Ivy", lastName: "Lane", title: "Office assistant", department: null, company: "Lane Bookkeeping",
  industry: "Accounting", notes: [], activityTitles: [], customText: [], ...overrides,
});

describe("keywordStems", () => {
  it("drops question words and stems long words", () => {
    expect(keywordStems("people who mentioned budget constraints")).toEqual(["mentio", "budg", "constrai"]);
    expect(keywordStems("decision makers at tech companies")).toEqual(["decis", "make", "tech", "compan"]);
    expect(keywordTsquery(["budget", "tech"])).toBe("'budget':* | 'tech':*");
    expect(keywordTsquery([])).toBeNull();
  });
});

describe("explainMatch", () => {
  it("names the fields the meaning was read from and where query words appear", () => {
    const explanation = explainMatch({
      source: source({ notes: ["Worried about budget constraints: they cannot spend anything before the third quarter."] }),
      stems: keywordStems("people who mentioned budget constraints"),
      similarity: 0.52,
      keywordRank: 0.3,
    });
    expect(explanation.text).toBe(
      "Close in meaning to the query (similarity 0.52), from title “Office assistant”, company “Lane Bookkeeping” and industry “Accounting”. " +
        "Mentions “budget” and “constraints” in notes (“Worried about budget constraints: they cannot spend anything before the third quarter.”).",
    );
    expect(explanation.matchedTerms).toEqual(["budget", "constraints"]);
  });

  it("explains a keyword-only match without claiming meaning", () => {
    const explanation = explainMatch({ source: source({ title: "Tech lead" }), stems: ["tech"], similarity: null, keywordRank: 0.1 });
    expect(explanation.text).toBe("Mentions “tech” in title.");
  });
});

describe("buildEmbeddingText", () => {
  it("reads like a sentence about the person, without email or phone", () => {
    expect(buildEmbeddingText(source({ notes: ["Asked about AI."], activityTitles: ["Demo call", "Pricing email"], customText: [{ label: "Goal", value: "Automate invoices" }] })))
      .toBe("Ivy Lane, Office assistant at Lane Bookkeeping (Accounting). Goal: Automate invoices. Notes: Asked about AI. Recent activity: Demo call; Pricing email.");
  });
});

describe("toFacets", () => {
  it("scales sampled counts to the whole match set and labels them", () => {
    const rows = [
      { facet: "matches" as const, value: null, id: null, n: 100 },
      { facet: "source" as const, value: "import", id: null, n: 60 },
      { facet: "tag" as const, value: "vip", id: "t1", n: 5 },
    ];
    expect(toFacets(rows, 10_000, true)).toEqual({
      companies: [], sources: [{ value: "import", count: 6000 }], tags: [{ value: "vip", count: 500, id: "t1" }], isApproximate: true, sampledMatches: 100,
    });
    expect(toFacets(rows, 100, false).sources).toEqual([{ value: "import", count: 60 }]);
  });
});
