import { describe, expect, it } from "vitest";
import { RecordSplitter, type Newline } from "./splitter";

const encode = (text: string) => new TextEncoder().encode(text);

function split(text: string, newline: Newline, chunk = 3, delimiter = ",") {
  const bytes = encode(text);
  const splitter = new RecordSplitter({ delimiter, newline, encoding: "utf-8" }, { offset: 0, index: 0, line: 1 });
  const records = [];
  for (let at = 0; at < bytes.length; at += chunk) records.push(...splitter.push(bytes.subarray(at, at + chunk)).records);
  const last = splitter.end().record;
  if (last) records.push(last);
  return records.map((r) => ({ text: new TextDecoder().decode(bytes.subarray(r.start, r.end)), fields: r.fields, blank: r.blank, line: r.line, index: r.index }));
}

describe("RecordSplitter", () => {
  it("ends records only at newlines outside quotes, across any chunk boundary", () => {
    const text = 'a,"b\nc",d\n"x ""quoted"", y",z\n\n,,\nlast';
    for (const chunk of [1, 2, 3, 7, 100]) {
      expect(split(text, "\n", chunk)).toEqual([
        { text: 'a,"b\nc",d', fields: 3, blank: false, line: 1, index: 0 },
        { text: '"x ""quoted"", y",z', fields: 2, blank: false, line: 3, index: 1 },
        { text: "", fields: 1, blank: true, line: 4, index: 2 },
        { text: ",,", fields: 3, blank: true, line: 5, index: 3 },
        { text: "last", fields: 1, blank: false, line: 6, index: 4 },
      ]);
    }
  });

  it("treats a lone LF inside a CRLF file as part of the field, as papaparse does", () => {
    expect(split('a,b\r\nc\nd,"e\r\nf"\r\ng,h\r\n', "\r\n", 2).map((r) => r.text)).toEqual(["a,b", "c\nd,\"e\r\nf\"", "g,h"]);
  });

  it("keeps a quote inside an unquoted field literal", () => {
    expect(split('a,5" screen,b\nc,d\n', "\n").map((r) => r.fields)).toEqual([3, 2]);
  });

  it("scans UTF-16 in two-byte units", () => {
    const text = 'a;"b;c"\nd;e\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
    const splitter = new RecordSplitter({ delimiter: ";", newline: "\n", encoding: "utf-16le" }, { offset: 0, index: 0, line: 1 });
    const records = [...splitter.push(bytes.subarray(0, 5)).records, ...splitter.push(bytes.subarray(5)).records];
    expect(records.map((r) => [r.start, r.end, r.fields])).toEqual([[0, 14, 2], [16, 22, 2]]);
  });

  it("refuses a record that never ends (an unclosed quote) past its size limit", () => {
    const splitter = new RecordSplitter({ delimiter: ",", newline: "\n", encoding: "utf-8", maxRecordBytes: 16 }, { offset: 0, index: 0, line: 1 });
    expect(() => splitter.push(encode('ok\n"never closed, and more text past the limit'))).toThrow(/row 2 .*quote/);
  });
});
