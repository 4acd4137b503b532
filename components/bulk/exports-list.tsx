"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";

/** /exports: past exports, each downloadable through its signed link until the link expires. */
export function ExportsList() {
  const trpc = useTRPC();
  const exports = useQuery({ ...trpc.exports.list.queryOptions({ first: 50 }), refetchInterval: 5_000 });

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader title="Exports" description="Download links expire 24 hours after an export finishes." />
      <div className="p-6">
        {exports.isPending ? (
          <div className="space-y-2">
            {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
          </div>
        ) : exports.isError ? (
          <ErrorState message={exports.error.message} />
        ) : exports.data.length === 0 ? (
          <EmptyState title="No exports yet" description="Select contacts in the table and choose Export." />
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="py-2 font-medium">Started</th>
                <th className="py-2 font-medium">By</th>
                <th className="py-2 font-medium">Rows</th>
                <th className="py-2 font-medium">Status</th>
                <th className="py-2 font-medium">Download</th>
              </tr>
            </thead>
            <tbody>
              {exports.data.map((entry) => (
                <tr key={entry.exportId} className="border-t border-border" data-testid="export-row">
                  <td className="py-2">{new Date(entry.createdAt).toLocaleString()}</td>
                  <td className="py-2">{entry.actorName ?? "—"}</td>
                  <td className="py-2 tabular-nums">{entry.rowCount.toLocaleString()}</td>
                  <td className="py-2">
                    <Badge>{entry.isExpired ? "expired" : entry.status}</Badge>
                  </td>
                  <td className="py-2">
                    {entry.downloadUrl ? (
                      <a className="inline-flex items-center gap-1 underline" href={entry.downloadUrl}>
                        <Download className="size-3.5" /> CSV
                        {entry.expiresAt ? <span className="text-muted-foreground">(until {new Date(entry.expiresAt).toLocaleString()})</span> : null}
                      </a>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
