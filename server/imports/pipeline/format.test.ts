import { describe, expect, it } from "vitest";
import { sniffEncoding } from "./encoding";
import { detectHeaderIndex, detectNewline, normaliseHeaders, scanFile } from "./format";
import { readAllRows, readRowBatch } from "./reader";
import { bufferSource } from "./source";

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, bigEndian: boolean, bom: boolean) {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? "\uFEFF" : "") + text;
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

async function rowsOf(bytes: Uint8Array, chunk = 7) {
  const source = bufferSource(bytes, chunk);
  const format = await scanFile(source);
  const rows = [];
  for await (const batch of readAllRows(source, format, 2)) rows.push(...batch);
  return { format, rows };
}

describe("encoding", () => {
  it("reads BOMs and BOM-less UTF-16", () => {
    expect(sniffEncoding(utf8("\uFEFFa,b"))).toEqual({ encoding: "utf-8", bomLength: 3 });
    expect(sniffEncoding(utf16("a,b\n", false, true))).toEqual({ encoding: "utf-16le", bomLength: 2 });
    expect(sniffEncoding(utf16("a,b\n", true, true))).toEqual({ encoding: "utf-16be", bomLength: 2 });
    expect(sniffEncoding(utf16("Email,Name\n", false, false))).toEqual({ encoding: "utf-16le", bomLength: 0 });
    expect(sniffEncoding(utf8("Email,Name\n"))).toEqual({ encoding: "utf-8", bomLength: 0 });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const bytes = new Uint8Array([...utf8("Name,Email\nNo"), 0xeb, ...utf8("l,noel@example.com\n")]);
    const { format, rows } = await rowsOf(bytes);
    expect(format.encoding).toBe("windows-1252");
    expect(rows[0]!.cells).toEqual(["Noël", "noel@example.com"]);
  });

  it.each([false, true])("decodes UTF-16 (big endian: %s) into the same rows", async (bigEndian) => {
    const { format, rows } = await rowsOf(utf16("Name;Email\r\nZoë;zoe@example.com\r\n", bigEndian, true), 5);
    expect(format).toMatchObject({ delimiter: ";", newline: "\r\n", headers: ["Name", "Email"], totalRows: 1 });
    expect(rows[0]!.cells).toEqual(["Zoë", "zoe@example.com"]);
  });
});

describe("format detection", () => {
  it("finds the line ending outside quotes", () => {
    expect(detectNewline('a,"x\ny"\r\nb,c\r\n')).toBe("\r\n");
    expect(detectNewline("a,b\nc,d\n")).toBe("\n");
  });

  it.each([[","], [";"], ["\t"], ["|"]])("detects %j as the delimiter even with commas in values", async (d) => {
    const text = ["Name", "Email", "Company"].join(d) + "\n" + ["Ann", "ann@x.io", '"Acme, Inc."'].join(d) + "\n" + ["Bo", "bo@x.io", "Globex, Ltd"].join(d) + "\n";
    const { format } = await rowsOf(utf8(text));
    expect(format.delimiter).toBe(d);
  });

  it("skips a preamble to the header and drops a report footer", async () => {
    const text = 'Notes:\n"Some, long note"\n\nFirst,Last,Email\nA,B,a@x.io\n,,\nC,D,c@x.io\n\n"Grand Totals (2 records)"\n\n"Confidential"\n';
    const { format, rows } = await rowsOf(utf8(text), 4);
    expect(format).toMatchObject({ headerIndex: 3, headerLine: 4, headers: ["First", "Last", "Email"], totalRows: 2, blankRows: 2, footerRows: 3 });
    expect(rows.map((r) => [r.row, r.line, r.cells])).toEqual([[5, 5, ["A", "B", "a@x.io"]], [7, 7, ["C", "D", "c@x.io"]]]);
  });

  it("keeps single-field rows in the middle of the data (only a trailing run is a footer)", async () => {
    const { format } = await rowsOf(utf8("A,B,C\n1,2,3\nlonely\n4,5,6\n"));
    expect(format.totalRows).toBe(3);
  });

  it("numbers rows as a spreadsheet does, and lines as an editor does, past quoted newlines", async () => {
    const { rows } = await rowsOf(utf8('Name,Address\nAnn,"1 Main St\nSuite 2"\nBo,"3 Oak"\n'));
    expect(rows.map((r) => [r.row, r.line])).toEqual([[2, 2], [3, 4]]);
  });

  it("names blank and repeated headers", () => {
    expect(normaliseHeaders(["\uFEFFEmail", " Name ", "", "name"])).toEqual(["Email", "Name", "Column 3", "name (2)"]);
  });

  it("picks the first record as wide as the table as the header", () => {
    expect(detectHeaderIndex([{ fields: 1, blank: false }, { fields: 1, blank: true }, { fields: 5, blank: false }, { fields: 5, blank: false }])).toBe(2);
  });

  it("stops at the row limit with a clear error", async () => {
    await expect(scanFile(bufferSource(utf8("Email\na@x.io\nb@x.io\nc@x.io\n")), { maxRows: 2 })).rejects.toThrow(/more than 2 rows/);
  });
});

describe("reading in batches", () => {
  it("resumes at the byte offset a batch returns, row for row the same as one read", async () => {
    const lines = ["Email,Note"];
    for (let i = 0; i < 50; i++) lines.push(i % 7 === 0 ? "" : `u${i}@x.io,"multi\nline ${i}, ""quoted"""`);
    const source = bufferSource(utf8(lines.join("\r\n") + "\r\n"), 13);
    const format = await scanFile(source);
    const whole = await readRowBatch(source, format, format.dataStart, 1000);
    const pieces = [];
    let at = format.dataStart;
    for (;;) {
      const batch = await readRowBatch(source, format, at, 6);
      pieces.push(...batch.rows);
      if (batch.done) break;
      at = batch.next;
    }
    expect(pieces).toEqual(whole.rows);
    expect(whole.rows).toHaveLength(format.totalRows);
  });
});
