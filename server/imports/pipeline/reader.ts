import { createDecoder } from "./encoding";
import { parseRecordText, type FileFormat } from "./format";
import type { ByteSource } from "./source";
import { ImportFileError, RecordSplitter, type RecordSpan, type SplitterPosition } from "./splitter";

export interface FileRow {
  /** Spreadsheet row number (1-based record number, header and preamble included). */
  row: number;
  /** 1-based physical line the record starts on. */
  line: number;
  cells: string[];
}

export interface RowBatch {
  rows: FileRow[];
  /** Where the next batch starts; `done` when the data (up to any footer) is exhausted. */
  next: SplitterPosition;
  done: boolean;
}

type ReaderFormat = Pick<FileFormat, "encoding" | "delimiter" | "newline" | "dataEnd">;

/**
 * Reads up to `limit` data rows (blank records skipped) starting at a record boundary, decoding and
 * parsing only those records: a batch costs the same at row 1,900,000 as at row 1, and memory holds one batch.
 */
export async function readRowBatch(source: ByteSource, format: ReaderFormat, from: SplitterPosition, limit: number): Promise<RowBatch> {
  const splitter = new RecordSplitter(format, from);
  const decoder = createDecoder(format.encoding);
  const rows: FileRow[] = [];
  let next = from;

  const take = (records: RecordSpan[], buffer: Uint8Array, bufferStart: number): boolean => {
    if (records.length === 0) return false;
    let count = 0;
    let filled = 0;
    for (const r of records) {
      count++;
      if (!r.blank) filled++;
      if (rows.length + filled >= limit) break;
    }
    const taken = records.slice(0, count);
    const first = taken[0]!;
    const lastTaken = taken[taken.length - 1]!;
    const text = decoder.decode(buffer.subarray(first.start - bufferStart, lastTaken.next - bufferStart));
    const parsed = parseRecordText(text, format.delimiter, format.newline);
    if (parsed.length !== taken.length) {
      throw new ImportFileError(`rows ${first.index + 1}–${lastTaken.index + 1} could not be parsed consistently (${parsed.length} records for ${taken.length})`);
    }
    taken.forEach((r, i) => {
      if (!r.blank) rows.push({ row: r.index + 1, line: r.line, cells: parsed[i]! });
    });
    next = { offset: lastTaken.next, index: lastTaken.index + 1, line: lastTaken.nextLine };
    return rows.length >= limit;
  };

  if (from.offset < format.dataEnd) {
    for await (const chunk of source.stream({ start: from.offset, end: format.dataEnd })) {
      const { records, buffer, bufferStart } = splitter.push(chunk);
      if (take(records, buffer, bufferStart)) return { rows, next, done: next.offset >= format.dataEnd };
    }
    const { record, buffer, bufferStart } = splitter.end();
    if (record) take([record], buffer, bufferStart);
  }
  return { rows, next, done: true };
}

/** Every data row of the file, batch by batch (for the dry run and the preview). */
export async function* readAllRows(source: ByteSource, format: FileFormat, batchSize = 5000): AsyncGenerator<FileRow[]> {
  let at = format.dataStart;
  for (;;) {
    const batch = await readRowBatch(source, format, at, batchSize);
    if (batch.rows.length > 0) yield batch.rows;
    if (batch.done) return;
    at = batch.next;
  }
}
