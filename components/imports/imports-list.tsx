"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Plus, Upload } from "lucide-react";
import Link from "next/link";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { formatCount, formatWhen, importBadge, isActiveStatus } from "./status";
import type { ImportListItem } from "./types";

function Counts({ item }: { item: ImportListItem }) {
  if (isActiveStatus(item.status)) {
    return (
      <span className="text-muted-foreground tabular-nums">
        {formatCount(item.processedRows)} of {formatCount(item.totalRows)} rows
      </span>
    );
  }
  const c = item.counts;
  const created = c ? c.created + c.restored : item.successCount;
  const errors = c ? c.invalid + c.missing : item.errorCount;
  return (
    <span className="flex flex-wrap gap-x-3 tabular-nums">
      <span>{formatCount(created)} created</span>
      {c?.updated ? <span>{formatCount(c.updated)} updated</span> : null}
      <span className={errors ? "text-destructive" : "text-muted-foreground"}>{formatCount(errors)} errors</span>
    </span>
  );
}

/** /imports: every import of the workspace, newest first, each linking to its results. */
export function ImportsList() {
  const trpc = useTRPC();
  const role = useWorkspaceRole();
  const client = useTRPCClient();
  // The list pages by `after` (an opaque cursor), which the generated infinite options cannot express.
  const imports = useInfiniteQuery({
    queryKey: [...trpc.imports.list.pathKey(), "pages"],
    queryFn: ({ pageParam }) => client.imports.list.query({ first: 25, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined),
    enabled: role.isAdmin,
    // A running import's row moves on its own; a slow poll keeps the list honest without a stream per row.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.nodes.some((n) => isActiveStatus(n.status))) ? 3_000 : false),
  });

  const newImport = (
    <Link href="/imports/new" className={buttonClasses({ size: "sm" })}>
      <Plus /> New import
    </Link>
  );

  let body;
  if (role.isPending || (role.isAdmin && imports.isPending)) {
    body = (
      <div className="space-y-2 p-6">
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
      </div>
    );
  } else if (!role.isAdmin) {
    body = <EmptyState icon={<Upload />} title="Imports are for admins" description="Ask an admin of this workspace to import contacts from a CSV file." />;
  } else if (imports.isError) {
    body = <ErrorState message={imports.error.message} action={<Button variant="outline" onClick={() => void imports.refetch()}>Try again</Button>} />;
  } else {
    const rows = imports.data?.pages.flatMap((p) => p.nodes) ?? [];
    body =
      rows.length === 0 ? (
        <EmptyState
          icon={<Upload />}
          title="No imports yet"
          description="Bring contacts in from a CSV export of HubSpot, Salesforce, Pipedrive, Google, Outlook, LinkedIn or a spreadsheet: map the columns, check a dry run, then import with live progress."
          action={newImport}
        />
      ) : (
        <div className="p-6">
          <table className="w-full text-[13px]">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="py-2 font-medium">File</th>
                <th className="py-2 font-medium">Status</th>
                <th className="py-2 font-medium">Result</th>
                <th className="py-2 font-medium">Run by</th>
                <th className="py-2 font-medium">When</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => {
                const badge = importBadge(item.status, item.undone ? "undone" : "none");
                return (
                  <tr key={item.importId} className="border-t border-border" data-testid="import-row">
                    <td className="py-2 pr-4">
                      <Link href={`/imports/${item.importId}`} className="font-medium hover:underline">
                        {item.fileName}
                      </Link>
                      <span className="ml-2 text-muted-foreground tabular-nums">{formatCount(item.totalRows)} rows</span>
                    </td>
                    <td className="py-2 pr-4">
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                    </td>
                    <td className="py-2 pr-4">
                      <Counts item={item} />
                    </td>
                    <td className="py-2 pr-4">{item.startedBy.name ?? item.startedBy.email ?? "—"}</td>
                    <td className="py-2 text-muted-foreground">{formatWhen(item.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {imports.hasNextPage ? (
            <Button variant="outline" size="sm" className="mt-3" isLoading={imports.isFetchingNextPage} onClick={() => void imports.fetchNextPage()}>
              Show older imports
            </Button>
          ) : null}
        </div>
      );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader title="Imports" description="Contacts brought in from CSV files" actions={role.isAdmin ? newImport : null} />
      <div className="min-h-0 flex-1 overflow-y-auto">{body}</div>
    </div>
  );
}
