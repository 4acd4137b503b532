import { describe, expect, it } from "vitest";
import { escapeHtml, highlightField } from "./highlight";
import { foldText } from "./tokens";

const terms = (words: string[], prefixes: string[] = [], phoneDigits: string | null = null) => ({ words, prefixes, phoneDigits });

describe("highlightField", () => {
  it("marks whole words and prefixes, accent-insensitively, keeping the original text", () => {
    expect(highlightField("fullName", "José García", terms(["jose"], ["garc"]))).toEqual({
      field: "fullName",
      snippet: "<mark>José</mark> <mark>García</mark>",
    });
  });

  it("escapes everything but the marks", () => {
    const h = highlightField("fullName", `<script>alert("x")</script> Smith & Co`, terms(["script", "smith"]));
    expect(h?.snippet).toBe("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; <mark>Smith</mark> &amp; Co");
    expect(h?.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("escapes the matched text itself", () => {
    expect(highlightField("company", "a<b", terms(["a"]))?.snippet).toBe("<mark>a</mark>&lt;b");
  });

  it("finds email local parts and domains", () => {
    expect(highlightField("email", "john.smith@stripe.com", terms(["stripe"]))?.snippet).toBe("john.smith@<mark>stripe</mark>.com");
  });

  it("marks phone digits across punctuation", () => {
    expect(highlightField("phone", "+1 (415) 555-0123", terms([], [], "5550123"), { isPhone: true })?.snippet).toBe("+1 (415) <mark>555-0123</mark>");
  });

  it("marks overlapping word and digit matches once", () => {
    expect(highlightField("phone", "+1 (415) 555-0199", terms(["555"], ["0199"], "5550199"), { isPhone: true })?.snippet).toBe("+1 (415) <mark>555-0199</mark>");
  });

  it("returns null when nothing matches", () => {
    expect(highlightField("title", "CEO", terms(["cto"]))).toBeNull();
    expect(highlightField("title", null, terms(["cto"]))).toBeNull();
  });

  it("cuts long text around the first match", () => {
    const text = `${"lorem ipsum ".repeat(30)}budget is tight this quarter ${"dolor sit ".repeat(30)}`;
    const h = highlightField("notes", text, terms(["budget"]))!;
    expect(h.snippet.startsWith("…")).toBe(true);
    expect(h.snippet.endsWith("…")).toBe(true);
    expect(h.snippet).toContain("<mark>budget</mark> is tight");
    expect(h.snippet.length).toBeLessThan(260);
  });
});

describe("foldText and escapeHtml", () => {
  it("folds accents and special letters as unaccent does", () => {
    expect(foldText("Łukasz Øre Straße Ærø ÉLODIE")).toBe("lukasz ore strasse aero elodie");
  });

  it("escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
