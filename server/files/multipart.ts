/** The first file part of a multipart/form-data body, streamed: its bytes are never all in memory. */
export interface MultipartFile {
  fileName: string;
  contentType: string;
  body: AsyncIterable<Uint8Array>;
}

export class MultipartError extends Error {}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]!).trim() : null;
}

/**
 * Finds the first part with a filename and returns its headers and a stream of its content, which
 * ends at the next boundary. Parts before it (plain fields) are skipped.
 */
export async function firstFilePart(body: ReadableStream<Uint8Array>, boundary: string): Promise<MultipartFile> {
  const reader = body.getReader();
  const encoder = new TextEncoder();
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const headerEnd = encoder.encode("\r\n\r\n");
  // A leading CRLF lets the first boundary match the same delimiter as the others.
  let buffer: Uint8Array = encoder.encode("\r\n");
  let finished = false;
  const pull = async () => {
    const { value, done } = await reader.read();
    if (done) finished = true;
    else buffer = concat(buffer, value);
  };
  for (;;) {
    const start = indexOf(buffer, delimiter);
    if (start === -1) {
      if (finished) throw new MultipartError("no file part in the form data");
      await pull();
      continue;
    }
    const headersAt = start + delimiter.length + 2;
    let end = indexOf(buffer, headerEnd, headersAt);
    while (end === -1 && !finished) {
      await pull();
      end = indexOf(buffer, headerEnd, headersAt);
    }
    if (end === -1) throw new MultipartError("truncated form data");
    const headers = new TextDecoder().decode(buffer.subarray(headersAt, end));
    buffer = buffer.subarray(end + headerEnd.length);
    const fileName = /filename\*?=(?:UTF-8'')?"?([^";\r\n]+)"?/i.exec(headers)?.[1];
    // Not a file (a plain form field): the loop skips to the next boundary.
    if (!fileName) continue;
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
    async function* content(): AsyncGenerator<Uint8Array> {
      for (;;) {
        const at = indexOf(buffer, delimiter);
        if (at !== -1) {
          if (at > 0) yield buffer.subarray(0, at);
          await reader.cancel().catch(() => {});
          return;
        }
        // Keep a tail as long as the delimiter, which may be split across chunks.
        const safe = buffer.length - delimiter.length;
        if (safe > 0) {
          yield buffer.subarray(0, safe);
          buffer = buffer.subarray(safe);
        }
        if (finished) throw new MultipartError("the form data ended before the file did");
        await pull();
      }
    }
    return { fileName: decodeURIComponent(fileName), contentType, body: content() };
  }
}
