import { unitWidth, type FileEncoding } from "./encoding";

export type Newline = "\n" | "\r\n" | "\r";

export interface RecordSpan {
  /** Absolute byte offsets: [start, end) is the record's text, `next` is where the following record starts. */
  start: number;
  end: number;
  next: number;
  /** Delimiters outside quotes + 1. */
  fields: number;
  /** Nothing but delimiters, whitespace and empty quotes. */
  blank: boolean;
  /** 0-based record number in the file (the spreadsheet row minus one). */
  index: number;
  /** 1-based physical line the record starts on. */
  line: number;
  /** 1-based physical line the following record starts on. */
  nextLine: number;
}

export interface SplitterPosition {
  offset: number;
  index: number;
  line: number;
}

export class ImportFileError extends Error {}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteClosed,
}

/**
 * Finds record boundaries in raw bytes without decoding them, so a batch can resume at an exact byte
 * offset. It follows papaparse's quoting rules (a quote opens a field only at its start, `""` escapes,
 * a stray quote after a closing one keeps the field open) so its records are the ones papaparse parses.
 * Safe on UTF-8 and Windows-1252 bytes because `"`, delimiters and newlines never occur inside a
 * multi-byte sequence; UTF-16 is scanned in two-byte units.
 */
export class RecordSplitter {
  private readonly width: 1 | 2;
  private readonly bigEndian: boolean;
  private readonly delimiter: number;
  private readonly newline: Newline;
  private readonly maxRecordBytes: number;
  private leftover: Uint8Array = new Uint8Array(0);
  /** Absolute offset of leftover[0]. */
  private base: number;
  /** Scan position relative to leftover (already scanned units are not scanned again). */
  private scanned = 0;
  private state = State.FieldStart;
  private pendingCR = false;
  private fields = 1;
  private content = false;
  private recordIndex: number;
  private line: number;
  private recordLine: number;

  constructor(options: { delimiter: string; newline: Newline; encoding: FileEncoding; maxRecordBytes?: number }, at: SplitterPosition) {
    this.width = unitWidth(options.encoding);
    this.bigEndian = options.encoding === "utf-16be";
    this.delimiter = options.delimiter.charCodeAt(0);
    this.newline = options.newline;
    this.maxRecordBytes = options.maxRecordBytes ?? 8 * 1024 * 1024;
    this.base = at.offset;
    this.recordIndex = at.index;
    this.line = at.line;
    this.recordLine = at.line;
  }

  /** Feeds the next bytes; returns the records completed and the buffer their offsets point into. */
  push(chunk: Uint8Array): { records: RecordSpan[]; buffer: Uint8Array; bufferStart: number } {
    let buf: Uint8Array;
    if (this.leftover.length === 0) buf = chunk;
    else {
      buf = new Uint8Array(this.leftover.length + chunk.length);
      buf.set(this.leftover, 0);
      buf.set(chunk, this.leftover.length);
    }
    const bufferStart = this.base;
    const records: RecordSpan[] = [];
    let recordStart = 0;
    const w = this.width;
    const limit = buf.length - (buf.length % w);
    let i = this.scanned;
    for (; i < limit; i += w) {
      const c = w === 1 ? buf[i]! : this.bigEndian ? (buf[i]! << 8) | buf[i + 1]! : buf[i]! | (buf[i + 1]! << 8);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) {
          this.line++;
          records.push(this.finish(bufferStart + recordStart, bufferStart + i - w, bufferStart + i + w));
          recordStart = i + w;
          continue;
        }
        // A lone CR in a CRLF file is an ordinary character of the field.
        if (this.state === State.FieldStart) this.state = State.Unquoted;
        else if (this.state === State.QuoteClosed) this.state = State.Quoted;
      }
      if (c === LF && this.newline !== "\r") this.line++;
      if (this.state === State.Quoted) {
        if (c === QUOTE) this.state = State.QuoteClosed;
        else if (c === CR && this.newline === "\r") this.line++;
        else if (c !== SPACE && c !== TAB && c !== LF && c !== CR) this.content = true;
        continue;
      }
      if (c === LF && this.newline === "\n") {
        records.push(this.finish(bufferStart + recordStart, bufferStart + i, bufferStart + i + w));
        recordStart = i + w;
        continue;
      }
      if (c === CR) {
        if (this.newline === "\r") {
          this.line++;
          records.push(this.finish(bufferStart + recordStart, bufferStart + i, bufferStart + i + w));
          recordStart = i + w;
          continue;
        }
        if (this.newline === "\r\n") {
          this.pendingCR = true;
          continue;
        }
      }
      if (c === this.delimiter) {
        this.fields++;
        this.state = State.FieldStart;
        continue;
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) this.state = State.Quoted;
          else {
            this.state = State.Unquoted;
            if (c !== SPACE && c !== TAB) this.content = true;
          }
          break;
        case State.Unquoted:
          if (c !== SPACE && c !== TAB) this.content = true;
          break;
        case State.QuoteClosed:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.content = true;
          } else if (c !== SPACE && c !== TAB) {
            this.state = State.Quoted;
            this.content = true;
          }
          break;
      }
    }
    this.leftover = buf.subarray(recordStart);
    this.base = bufferStart + recordStart;
    this.scanned = i - recordStart;
    if (this.leftover.length > this.maxRecordBytes) {
      throw new ImportFileError(
        `row ${this.recordIndex + 1} (line ${this.recordLine}) is longer than ${Math.round(this.maxRecordBytes / 1048576)} MB: probably a quote that is never closed`,
      );
    }
    return { records, buffer: buf, bufferStart };
  }

  /** The last record when the file does not end with a newline. */
  end(): { record: RecordSpan | null; buffer: Uint8Array; bufferStart: number } {
    const buffer = this.leftover;
    const bufferStart = this.base;
    if (buffer.length === 0) return { record: null, buffer, bufferStart };
    const endOffset = bufferStart + buffer.length - (this.pendingCR ? this.width : 0);
    const record = this.finish(bufferStart, endOffset, bufferStart + buffer.length);
    this.leftover = new Uint8Array(0);
    this.base = bufferStart + buffer.length;
    this.scanned = 0;
    return { record, buffer, bufferStart };
  }

  /** Where the next record starts: a resumable position. */
  position(): SplitterPosition {
    return { offset: this.base, index: this.recordIndex, line: this.recordLine };
  }

  private finish(start: number, end: number, next: number): RecordSpan {
    const span: RecordSpan = {
      start, end, next, fields: this.fields, blank: !this.content, index: this.recordIndex, line: this.recordLine, nextLine: this.line,
    };
    this.recordIndex++;
    this.recordLine = this.line;
    this.fields = 1;
    this.content = false;
    this.state = State.FieldStart;
    return span;
  }
}
