import Papa from "papaparse";
import type { ServiceContext } from "../context";
import type { FileStorage } from "../files/storage";
import { requireRole } from "../lib/authorize";
import { notFound } from "../lib/errors";
import { scanStoredFile } from "./pipeline/scan-cache";
import { MAX_IMPORT_ROWS } from "./run-import";
import { readAllRows } from "./pipeline/reader";
import { findFile, findIssuesPage } from "./queries";
import type { ImportJobInput } from "./schemas";
import { importJobOrThrow } from "./service";

const line = (cells: (string | number)[]) => `${Papa.unparse([cells.map(String)], { newline: "\r\n" })}\r\n`;

/**
 * The rows an import did not take (invalid and duplicate rows) as they were in the file, with the
 * row number and the errors in two extra columns, so they can be fixed and imported again. Streams:
 * issues are paged by row and merged with one pass over the file.
 */
export async function errorRowsCsv(ctx: ServiceContext, storage: FileStorage, input: { importId: string }) {
  requireRole(ctx, "admin", "download import errors");
  const job = await importJobOrThrow(ctx, input.importId);
  const jobInput = job.input as ImportJobInput;
  const file = await findFile(ctx.db, { workspaceId: ctx.workspaceId, id: jobInput.fileId });
  if (!file) throw notFound("File", jobInput.fileId);
  const source = await storage.source(file.storageKey);
  const format = await scanStoredFile(file.storageKey, source, { maxRows: MAX_IMPORT_ROWS, overrides: jobInput.format });
  const ref = { workspaceId: ctx.workspaceId, jobId: job.id };
  const fileName = `${file.fileName.replace(/\.[^.]+$/, "")}-errors.csv`;

  async function* body(): AsyncGenerator<string> {
    yield `\uFEFF${line([...format.headers, "Row", "Error"])}`;
    let pending: Map<number, string[]> = new Map();
    let afterRow = 0;
    let exhausted = false;
    const refill = async () => {
      const issues = await findIssuesPage(ctx.db, { ...ref, severities: ["error", "duplicate"], afterRow, first: 5000 });
      exhausted = issues.length < 5000;
      pending = new Map();
      for (const issue of issues) pending.set(issue.row, [...(pending.get(issue.row) ?? []), issue.error]);
      // Rows are complete within a page except possibly the last one; keep it for the next page.
      const last = issues.at(-1)?.row;
      if (!exhausted && last !== undefined) pending.delete(last);
      afterRow = exhausted ? Number.POSITIVE_INFINITY : Math.max(afterRow, ...pending.keys());
    };
    await refill();
    for await (const rows of readAllRows(source, format, 5000)) {
      for (const row of rows) {
        while (!exhausted && row.row > afterRow) await refill();
        const errors = pending.get(row.row);
        if (errors) yield line([...row.cells, row.row, errors.join("; ")]);
      }
      if (exhausted && pending.size === 0) return;
    }
  }
  return { fileName, body: body() };
}
