export const fileEncodings = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type FileEncoding = (typeof fileEncodings)[number];

export interface EncodingGuess {
  encoding: FileEncoding;
  /** Bytes of byte-order mark at the start of the file, skipped when reading. */
  bomLength: number;
}

/**
 * Encoding from the first bytes: a BOM wins; UTF-16 without a BOM shows as NUL bytes in every other
 * position (ASCII text in two-byte units); everything else starts as UTF-8 and is demoted to
 * Windows-1252 by `isValidUtf8` over the whole file, since one invalid sequence can sit anywhere.
 */
export function sniffEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const pairs = Math.min(512, Math.floor(head.length / 2));
  if (pairs >= 2) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) evenZero++;
      if (head[2 * i + 1] === 0) oddZero++;
    }
    if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return { encoding: "utf-16le", bomLength: 0 };
    if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return { encoding: "utf-16be", bomLength: 0 };
  }
  return { encoding: "utf-8", bomLength: 0 };
}

/** Streams through `chunks` with a fatal UTF-8 decoder; false at the first invalid sequence. */
export async function isValidUtf8(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    for await (const chunk of chunks) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

export function createDecoder(encoding: FileEncoding): TextDecoder {
  return new TextDecoder(encoding, { ignoreBOM: true });
}

/** Code units are bytes except in UTF-16; the record splitter scans units. */
export function unitWidth(encoding: FileEncoding): 1 | 2 {
  return encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 1;
}
