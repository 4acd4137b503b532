"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronRight, ListFilter, Pencil, Trash2, UserPlus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BulkActionBar } from "@/components/bulk/bulk-action-bar";
import { toBulkSelection } from "@/components/bulk/selection-target";
import { ContactsExplorer } from "@/components/contacts/contacts-explorer";
import { useTableUrlState } from "@/components/contacts/table/use-table-url-state";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { describeTree } from "@/components/filters/describe";
import { useFilterFields, useFilterLookups } from "@/components/filters/use-filter-fields";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, EmptyState, ErrorState } from "@/components/ui/states";
import { AddMembersDialog } from "./add-members-dialog";
import { SegmentDialog, segmentCriteria } from "./segment-dialog";
import { SegmentSelectionActions } from "./selection-actions";
import { SegmentCount } from "./segments-list";

const NO_VIEWS: never[] = [];

function Breadcrumb({ name }: { name?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="flex h-10 shrink-0 items-center gap-1.5 border-b border-border px-6 text-[13px]">
      <Link href="/segments" className="text-muted-foreground hover:text-foreground">
        Segments
      </Link>
      <ChevronRight aria-hidden className="size-3.5 text-muted-foreground" />
      {name ? <span className="truncate font-medium">{name}</span> : <Skeleton className="h-3.5 w-32" />}
    </nav>
  );
}

/** /segments/[id]: the segment's members in the contacts table, with its criteria and membership tools. */
export function SegmentDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const segment = useQuery(trpc.segments.getSegment.queryOptions({ id }));
  const url = useTableUrlState(NO_VIEWS);
  const { isManager } = useWorkspaceRole();
  const { fieldsByKey } = useFilterFields();
  const lookups = useFilterLookups(fieldsByKey, [segment.data ? segmentCriteria(segment.data) : null]);
  const [dialog, setDialog] = useState<"edit" | "add" | "delete" | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  if (segment.isPending) {
    return (
      <div className="flex h-full flex-col" aria-busy>
        <Breadcrumb />
        <div className="flex flex-col gap-2 px-6 py-4">
          <Skeleton className="h-5 w-56" />
          <Skeleton className="h-3.5 w-96" />
        </div>
      </div>
    );
  }
  if (segment.isError) {
    const isMissing = segment.error.data?.code === "NOT_FOUND" || segment.error.data?.code === "BAD_REQUEST";
    return (
      <div className="flex h-full flex-col">
        <Breadcrumb name="Not found" />
        {isMissing ? (
          <EmptyState icon={<ListFilter />} title="Segment not found" description="It may have been deleted." action={<Link href="/segments" className={buttonClasses({ variant: "outline" })}>Back to segments</Link>} />
        ) : (
          <ErrorState title="Could not load this segment" message={segment.error.message} action={<Button variant="outline" onClick={() => segment.refetch()}>Try again</Button>} />
        )}
      </div>
    );
  }

  const data = segment.data;
  const criteria = segmentCriteria(data);
  const remove = async () => {
    setDeleteError(null);
    try {
      await client.segments.deleteSegment.mutate({ id });
      await queryClient.invalidateQueries({ queryKey: trpc.segments.listSegments.queryKey() });
      router.push("/segments");
    } catch (error) {
      setDeleteError(error instanceof Error ? error.message.replace(/^id: /, "") : "Could not delete the segment");
    }
  };

  return (
    <>
      <ContactsExplorer
        url={url}
        segmentId={id}
        header={() => (
          <>
            <Breadcrumb name={data.name} />
            <div className="flex shrink-0 items-start justify-between gap-4 px-6 pt-4 pb-3">
              <div className="flex min-w-0 flex-col gap-1">
                <div className="flex items-center gap-2">
                  <h1 className="truncate text-[18px] font-semibold tracking-tight" data-testid="segment-name">{data.name}</h1>
                  {data.isDynamic ? <Badge tone="blue">Dynamic</Badge> : <Badge>Static</Badge>}
                  <span className="text-[13px] text-muted-foreground">
                    <SegmentCount segment={data} /> {data.contactCount === 1 ? "contact" : "contacts"}
                  </span>
                </div>
                {data.description ? <p className="text-[13px] text-muted-foreground">{data.description}</p> : null}
                <p className="text-[12px] text-muted-foreground">
                  {data.isDynamic
                    ? `Whoever matches: ${criteria ? describeTree(criteria, lookups) : "every contact"}`
                    : "Members were frozen when the segment was made, then edited by hand."}
                </p>
              </div>
              {isManager ? (
                <div className="flex shrink-0 items-center gap-2">
                  {!data.isDynamic ? (
                    <Button variant="outline" onClick={() => setDialog("add")}>
                      <UserPlus /> Add contacts
                    </Button>
                  ) : null}
                  <Button variant="outline" onClick={() => setDialog("edit")}>
                    <Pencil /> Edit
                  </Button>
                  <Button variant="ghost" size="icon" aria-label="Delete segment" onClick={() => setDialog("delete")}>
                    <Trash2 />
                  </Button>
                </div>
              ) : null}
            </div>
            {data.problem ? <Alert className="mx-6 mb-3">{data.problem}</Alert> : null}
          </>
        )}
        bulkActions={(context) => (
          <>
            <SegmentSelectionActions context={context} currentSegment={data} />
            <BulkActionBar selection={toBulkSelection(context.selection, context.filters, context.count)} onDone={context.clear} />
          </>
        )}
        emptyState={
          <EmptyState
            icon={<ListFilter />}
            title={data.isDynamic ? "No contact matches this segment" : "This segment has no members yet"}
            description={data.isDynamic ? "Members appear as contacts come to match its criteria." : "Add contacts by hand, or from a selection on the contacts page."}
          />
        }
      />
      {dialog === "edit" ? <SegmentDialog open onOpenChange={(open) => setDialog(open ? "edit" : null)} segment={data} /> : null}
      {dialog === "add" ? (
        <AddMembersDialog open onOpenChange={(open) => setDialog(open ? "add" : null)} segmentId={id} segmentName={data.name} />
      ) : null}
      <Dialog
        open={dialog === "delete"}
        onOpenChange={(open) => setDialog(open ? "delete" : null)}
        title={`Delete “${data.name}”?`}
        description="The segment goes; its contacts stay."
      >
        {deleteError ? <Alert>{deleteError}</Alert> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setDialog(null)}>Cancel</Button>
          <Button variant="destructive" onClick={remove}>Delete segment</Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
