import { scanFile, type FileFormat, type FormatOverrides } from "./format";
import type { ByteSource } from "./source";

const MAX_ENTRIES = 64;
const scans = new Map<string, Promise<FileFormat>>();

/**
 * scanFile, remembered per stored file: an upload is immutable under its storage key, and the preview,
 * the start of the import and the job's first step would otherwise each read the whole file again
 * (three passes of a 150 MB file before the first row is written). A process restart only costs a rescan.
 */
export function scanStoredFile(storageKey: string, source: ByteSource, options: { maxRows?: number; overrides?: FormatOverrides } = {}): Promise<FileFormat> {
  const key = `${storageKey}\u0000${source.size}\u0000${options.maxRows ?? ""}\u0000${JSON.stringify(options.overrides ?? {})}`;
  const cached = scans.get(key);
  if (cached) {
    scans.delete(key);
    scans.set(key, cached);
    return cached;
  }
  const scan = scanFile(source, options);
  scans.set(key, scan);
  scan.catch(() => scans.delete(key));
  if (scans.size > MAX_ENTRIES) scans.delete(scans.keys().next().value!);
  return scan;
}
