import Papa from "papaparse";
import { createDecoder, fileEncodings, isValidUtf8, sniffEncoding, type FileEncoding } from "./encoding";
import { readHead, type ByteSource } from "./source";
import { ImportFileError, RecordSplitter, type Newline, type RecordSpan, type SplitterPosition } from "./splitter";

export const delimiters = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof delimiters)[number];

/** Everything needed to read the data rows of a file again from any batch boundary. JSON-safe. */
export interface FileFormat {
  encoding: FileEncoding;
  bomLength: number;
  delimiter: Delimiter;
  newline: Newline;
  /** 0-based record number of the header (the sidecars' header_row_index when no preamble field holds a newline). */
  headerIndex: number;
  /** 1-based physical line of the header. */
  headerLine: number;
  headers: string[];
  /** Where the first record after the header starts. */
  dataStart: SplitterPosition;
  /** Byte offset where data ends: the start of a report footer, or the file size. */
  dataEnd: number;
  /** Records after the header and before the footer with at least one non-blank field. */
  totalRows: number;
  /** Blank and delimiter-only records between header and footer, which are not rows. */
  blankRows: number;
  preambleRows: number;
  footerRows: number;
}

export interface FormatOverrides {
  encoding?: FileEncoding;
  delimiter?: Delimiter;
  /** 1-based row of the header as a spreadsheet shows it. */
  headerRow?: number;
}

const HEAD_BYTES = 256 * 1024;

/** Outside quotes, which line ending dominates. */
export function detectNewline(text: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 0x0a) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return "\r\n";
  if (cr > lf) return "\r";
  return "\n";
}

function completeRecords(head: Uint8Array, start: number, options: { delimiter: string; newline: Newline; encoding: FileEncoding }, isWholeFile: boolean) {
  const splitter = new RecordSplitter(options, { offset: 0, index: 0, line: 1 });
  const { records } = splitter.push(head.subarray(start));
  const shifted = records.map((r) => ({ ...r, start: r.start + start, end: r.end + start, next: r.next + start }));
  if (isWholeFile) {
    const last = splitter.end().record;
    if (last) shifted.push({ ...last, start: last.start + start, end: last.end + start, next: last.next + start });
  }
  return shifted;
}

function modeOf(values: number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = { value: 1, count: 0 };
  for (const [value, count] of counts) if (count > best.count || (count === best.count && value > best.value)) best = { value, count };
  return best;
}

/**
 * The delimiter whose field count is most consistent across records, weighted by how many fields it
 * yields: a semicolon file with commas inside values has a steady semicolon count and a ragged comma count.
 */
export function detectDelimiter(head: Uint8Array, start: number, encoding: FileEncoding, newline: Newline, isWholeFile: boolean): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of delimiters) {
    const records = completeRecords(head, start, { delimiter, newline, encoding }, isWholeFile).filter((r) => !r.blank).slice(0, 200);
    if (records.length === 0) continue;
    const mode = modeOf(records.map((r) => r.fields));
    if (mode.value < 2) continue;
    const score = (mode.count / records.length) * Math.log2(mode.value);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The header is the first record as wide as the table under it, which skips preambles such as
 * LinkedIn's "Notes:" lines (one field each) without knowing their text.
 */
export function detectHeaderIndex(records: Pick<RecordSpan, "fields" | "blank">[]): number {
  const filled = records.map((r, i) => ({ ...r, i })).filter((r) => !r.blank);
  if (filled.length === 0) return 0;
  const tabular = filled.filter((r) => r.fields >= 2);
  const mode = modeOf((tabular.length > 0 ? tabular : filled).map((r) => r.fields));
  if (mode.value < 2) return filled[0]!.i;
  const minimum = Math.max(2, Math.ceil(mode.value * 0.8));
  return (filled.find((r) => r.fields >= minimum) ?? filled[0]!).i;
}

export function parseRecordText(text: string, delimiter: string, newline: Newline): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"', skipEmptyLines: false }).data;
  if (text.endsWith(newline) || (newline === "\r\n" && text.endsWith("\n"))) rows.pop();
  return rows;
}

/** Trimmed header names, made unique and never empty, since the mapping is keyed by header. */
export function normaliseHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    let name = cell.replace(/^\uFEFF/, "").trim() || `Column ${i + 1}`;
    const count = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), count + 1);
    if (count > 0) name = `${name} (${count + 1})`;
    return name;
  });
}

/**
 * One pass over the whole file: encoding (a BOM, UTF-16 by its NUL bytes, else UTF-8 unless any byte
 * sequence is invalid, then Windows-1252), line ending, delimiter, header row, report footer and the
 * exact number of data rows. Memory stays flat: only record boundaries are tracked.
 */
export async function scanFile(source: ByteSource, options: { maxRows?: number; overrides?: FormatOverrides } = {}): Promise<FileFormat> {
  const head = await readHead(source, HEAD_BYTES);
  const isWholeFile = head.length >= source.size;
  const sniffed = sniffEncoding(head);
  let encoding = options.overrides?.encoding ?? sniffed.encoding;
  const bomLength = options.overrides?.encoding && options.overrides.encoding !== sniffed.encoding ? 0 : sniffed.bomLength;
  if (!options.overrides?.encoding && encoding === "utf-8" && bomLength === 0 && !(await isValidUtf8(source.stream()))) {
    encoding = "windows-1252";
  }
  if (!fileEncodings.includes(encoding)) throw new ImportFileError(`unsupported encoding ${encoding}`);
  const headText = createDecoder(encoding).decode(head.subarray(bomLength, head.length - (head.length - bomLength) % (encoding.startsWith("utf-16") ? 2 : 1)));
  if (headText.trim() === "") throw new ImportFileError("the file is empty");
  const newline = detectNewline(headText);
  const delimiter = options.overrides?.delimiter ?? detectDelimiter(head, bomLength, encoding, newline, isWholeFile);

  const headRecords = completeRecords(head, bomLength, { delimiter, newline, encoding }, isWholeFile).slice(0, 100);
  let headerIndex = detectHeaderIndex(headRecords);
  if (options.overrides?.headerRow !== undefined) headerIndex = options.overrides.headerRow - 1;
  const header = headRecords[headerIndex];
  if (!header) throw new ImportFileError("no header row found in the first rows of the file");
  const headerCells = parseRecordText(createDecoder(encoding).decode(head.subarray(header.start, header.end)), delimiter, newline)[0] ?? [];
  const headers = normaliseHeaders(headerCells);
  // Trailing empty header cells (Excel pads rows with delimiters) do not make a footer line look tabular.
  const headerWidth = headerCells.filter((cell) => cell.trim() !== "").length;

  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const splitter = new RecordSplitter({ delimiter, newline, encoding }, { offset: header.next, index: header.index + 1, line: header.nextLine });
  let totalRows = 0;
  let blankRows = 0;
  // A report footer is the trailing run of single-field records (Salesforce's "Grand Totals (N records)",
  // confidentiality and copyright lines); single-field records followed by real rows are ordinary rows.
  let footer: { offset: number; rows: number; blanks: number } | null = null;
  const visit = (r: RecordSpan) => {
    if (r.blank) {
      blankRows++;
      if (footer) footer.blanks++;
      return;
    }
    totalRows++;
    if (headerWidth >= 3 && r.fields === 1) {
      footer ??= { offset: r.start, rows: 0, blanks: 0 };
      footer.rows++;
    } else footer = null;
    if (totalRows - (footer?.rows ?? 0) > maxRows) {
      throw new ImportFileError(`the file has more than ${maxRows.toLocaleString("en-US")} rows, the most one import takes; split it into smaller files`);
    }
  };
  for await (const chunk of source.stream({ start: header.next })) {
    for (const r of splitter.push(chunk).records) visit(r);
  }
  const last = splitter.end().record;
  if (last) visit(last);
  let dataEnd = source.size;
  let footerRows = 0;
  const tail = footer as { offset: number; rows: number; blanks: number } | null;
  if (tail) {
    totalRows -= tail.rows;
    blankRows -= tail.blanks;
    footerRows = tail.rows + tail.blanks;
    dataEnd = tail.offset;
  }
  return {
    encoding, bomLength, delimiter, newline, headerIndex, headerLine: header.line, headers,
    dataStart: { offset: header.next, index: header.index + 1, line: header.nextLine },
    dataEnd, totalRows, blankRows, preambleRows: headerIndex, footerRows,
  };
}
