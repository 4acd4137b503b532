"use client";

import { useQuery } from "@tanstack/react-query";
import { ListFilter, Plus, TriangleExclamationPoint } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { createDataTableColumnHelper, DataTable } from "@/components/data-table";
import { formatRelative, numberFormat } from "@/components/contacts/format";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { describeTree } from "@/components/filters/describe";
import { useFilterFields, useFilterLookups } from "@/components/filters/use-filter-fields";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { SegmentDialog, segmentCriteria, type Segment } from "./segment-dialog";

const column = createDataTableColumnHelper<Segment>();

/** "1,204", "about 120,000", or why there is no count (criteria naming an archived field). */
export function SegmentCount({ segment }: { segment: Pick<Segment, "contactCount" | "contactCountIsEstimate" | "problem"> }) {
  if (segment.contactCount === null) {
    return (
      <span className="inline-flex items-center gap-1 text-warning" title={segment.problem ?? undefined}>
        <TriangleExclamationPoint className="size-3.5" /> needs attention
      </span>
    );
  }
  return (
    <span className="tabular-nums" data-testid="segment-count">
      {segment.contactCountIsEstimate ? "about " : ""}
      {numberFormat.format(segment.contactCount)}
    </span>
  );
}

/** /segments: every segment with its live count; managers and admins create them, reps open them. */
export function SegmentsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const segments = useQuery(trpc.segments.listSegments.queryOptions());
  const { isManager } = useWorkspaceRole();
  const { fieldsByKey } = useFilterFields();
  const lookups = useFilterLookups(fieldsByKey, (segments.data ?? []).map(segmentCriteria));
  const [isCreating, setIsCreating] = useState(false);

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Segment",
        meta: { width: "26%", skeletonClassName: "w-36" },
        cell: ({ row }) => (
          <Link href={`/segments/${row.original.id}`} className="font-medium hover:underline" data-testid="segment-link">
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("isDynamic", {
        header: "Type",
        meta: { width: "96px", skeletonClassName: "w-14" },
        cell: ({ getValue }) => (getValue() ? <Badge tone="blue">Dynamic</Badge> : <Badge tone="neutral">Static</Badge>),
      }),
      column.accessor("contactCount", {
        header: "Contacts",
        meta: { width: "120px", align: "right", skeletonClassName: "w-10 ml-auto" },
        cell: ({ row }) => <SegmentCount segment={row.original} />,
      }),
      column.display({
        id: "criteria",
        header: "Criteria",
        meta: { skeletonClassName: "w-64", className: "text-muted-foreground" },
        cell: ({ row }) => {
          const criteria = segmentCriteria(row.original);
          if (!row.original.isDynamic) return row.original.description ?? "A fixed list, edited by hand";
          return criteria ? describeTree(criteria, lookups) : "Every contact";
        },
      }),
      column.accessor("updatedAt", {
        header: "Updated",
        meta: { width: "120px", skeletonClassName: "w-16", className: "text-muted-foreground" },
        cell: ({ getValue }) => formatRelative(getValue()),
      }),
    ],
    [lookups],
  );

  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Segments"
        description={segments.data ? `${segments.data.length} ${segments.data.length === 1 ? "segment" : "segments"}` : undefined}
        actions={
          <Button
            onClick={() => setIsCreating(true)}
            disabled={!isManager}
            title={isManager ? undefined : "Managers and admins create segments"}
            data-testid="new-segment"
          >
            <Plus />
            New segment
          </Button>
        }
      />
      {!isManager ? (
        <p className="border-b border-border px-6 py-2 text-[12px] text-muted-foreground">You can open and use segments; managers and admins create and edit them.</p>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        <DataTable
          aria-label="Segments"
          columns={columns}
          data={segments.data ?? []}
          getRowId={(segment) => segment.id}
          rowHref={(segment) => `/segments/${segment.id}`}
          isLoading={segments.isPending}
          skeletonRows={6}
          errorState={
            segments.isError ? (
              <ErrorState title="Could not load segments" message={segments.error.message} action={<Button variant="outline" onClick={() => segments.refetch()}>Try again</Button>} />
            ) : undefined
          }
          emptyState={
            <EmptyState
              icon={<ListFilter />}
              title="No segments yet"
              description="A segment is a saved group of contacts: dynamic ones follow their criteria, static ones are picked by hand."
              action={isManager ? <Button variant="outline" onClick={() => setIsCreating(true)}><Plus /> Create a segment</Button> : undefined}
            />
          }
        />
      </div>
      {isCreating ? <SegmentDialog open onOpenChange={setIsCreating} onSaved={(segment) => router.push(`/segments/${segment.id}`)} /> : null}
    </div>
  );
}
