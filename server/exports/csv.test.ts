import { describe, expect, it } from "vitest";
import { csvLine, neutraliseCell } from "./csv";

describe("export CSV cells", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const cell of ["=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ["plain", "a=b", "jane@example.com", ""]) expect(neutraliseCell(cell)).toBe(cell);
  });

  it("quotes separators and quotes, and writes arrays, dates and money readably", () => {
    expect(csvLine(["a,b", 'say "hi"', null, ["VIP", "Q3"], new Date("2026-01-02T03:04:05.000Z"), { amount: 12.5, currency: "EUR" }, "=1+2"]))
      .toBe('"a,b","say ""hi""",,"VIP, Q3",2026-01-02T03:04:05.000Z,12.5 EUR,\'=1+2\r\n');
  });
});
