/** Random-access bytes of an uploaded file: local disk, S3 range reads, or a Buffer in tests. */
export interface ByteSource {
  size: number;
  /** Bytes from `start` (inclusive) to `end` (exclusive), in chunks. */
  stream(range?: { start?: number; end?: number }): AsyncIterable<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array, chunkSize = 64 * 1024): ByteSource {
  return {
    size: bytes.length,
    async *stream(range = {}) {
      const end = Math.min(range.end ?? bytes.length, bytes.length);
      for (let at = range.start ?? 0; at < end; at += chunkSize) yield bytes.subarray(at, Math.min(at + chunkSize, end));
    },
  };
}

export async function readHead(source: ByteSource, length: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.stream({ start: 0, end: Math.min(length, source.size) })) {
    parts.push(chunk);
    total += chunk.length;
  }
  const head = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    head.set(part, at);
    at += part.length;
  }
  return head;
}
