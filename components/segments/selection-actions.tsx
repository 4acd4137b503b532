"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ListPlus, ListX, Plus } from "lucide-react";
import { useState } from "react";
import type { ContactSelectionContext } from "@/components/contacts/contacts-explorer";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import type { FilterNode } from "@/components/filters/types";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuTrigger } from "@/components/ui/menu";
import { SegmentDialog, type Segment } from "./segment-dialog";

/** The server takes at most this many contacts per membership change. */
const MAX_IDS = 1000;
const numberFormat = new Intl.NumberFormat("en-US");

type TrpcClient = ReturnType<typeof useTRPCClient>;

/** The selection as ids: the ticked rows, or every match (paged from the server) minus the unticked. */
async function resolveIds(client: TrpcClient, context: ContactSelectionContext): Promise<string[]> {
  const { selection } = context;
  if (selection.mode === "ids") return [...selection.ids];
  if (context.count > MAX_IDS) throw new Error(`Select at most ${numberFormat.format(MAX_IDS)} contacts for this, or make a segment from the filter`);
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<TrpcClient["contacts"]["list"]["query"]>> = await client.contacts.list.query({
      filters: context.filters ?? undefined, first: 500, after,
    });
    ids.push(...page.nodes.map((node) => node.id).filter((id) => !selection.except.has(id)));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && ids.length <= MAX_IDS);
  return ids.slice(0, MAX_IDS);
}

/** Criteria that select exactly the selection, for freezing it into a new static segment. */
function selectionCriteria(context: ContactSelectionContext): FilterNode | null {
  const { selection } = context;
  if (selection.mode === "ids") return selection.ids.size > MAX_IDS ? null : { field: "id", operator: "in", value: [...selection.ids] };
  const parts: FilterNode[] = context.filters ? [context.filters] : [];
  if (selection.except.size > 0) {
    if (selection.except.size > MAX_IDS) return null;
    parts.push({ field: "id", operator: "notIn", value: [...selection.except] });
  }
  return { and: parts };
}

/**
 * Segment actions for the selected contacts: freeze them into a new static segment, add them to a
 * static segment, or (on a static segment's page) remove them from it. Managers and admins only.
 */
export function SegmentSelectionActions({ context, currentSegment }: { context: ContactSelectionContext; currentSegment?: Segment }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { isManager } = useWorkspaceRole();
  const segments = useQuery({ ...trpc.segments.listSegments.queryOptions(), enabled: isManager });
  const [isCreating, setIsCreating] = useState(false);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!isManager) return null;

  const targets = (segments.data ?? []).filter((segment) => !segment.isDynamic && segment.id !== currentSegment?.id);
  const criteria = selectionCriteria(context);
  const word = context.count === 1 ? "contact" : "contacts";

  const change = async (segment: Segment, mode: "add" | "remove") => {
    setIsBusy(true);
    setStatus(null);
    try {
      const contactIds = await resolveIds(client, context);
      if (contactIds.length === 0) throw new Error("No contact is selected");
      if (mode === "add") {
        const result = await client.segments.addMembers.mutate({ id: segment.id, contactIds });
        setStatus({ tone: "ok", text: `Added ${numberFormat.format(result.addedCount)} to “${segment.name}”` });
      } else {
        const result = await client.segments.removeMembers.mutate({ id: segment.id, contactIds });
        setStatus({ tone: "ok", text: `Removed ${numberFormat.format(result.removedCount)} from “${segment.name}”` });
        context.clear();
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.insights.contactInsights.queryKey() }),
        mode === "remove" ? queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() }) : Promise.resolve(),
      ]);
    } catch (error) {
      setStatus({ tone: "error", text: error instanceof Error ? error.message : "That did not work" });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      {status ? (
        <span role={status.tone === "error" ? "alert" : "status"} className={status.tone === "error" ? "text-[12px] text-destructive" : "text-[12px] text-muted-foreground"}>
          {status.text}
        </span>
      ) : null}
      {currentSegment && !currentSegment.isDynamic ? (
        <Button variant="outline" size="sm" isLoading={isBusy} onClick={() => void change(currentSegment, "remove")}>
          <ListX />
          Remove from segment
        </Button>
      ) : null}
      <Menu>
        <MenuTrigger className="inline-flex h-7 items-center gap-1.5 rounded-md border border-input bg-background px-2.5 text-[13px] font-medium hover:bg-accent [&_svg]:size-4" disabled={isBusy}>
          <ListPlus />
          Add to segment
        </MenuTrigger>
        <MenuContent>
          <MenuLabel>Static segments</MenuLabel>
          {targets.map((segment) => (
            <MenuItem key={segment.id} onSelect={() => void change(segment, "add")}>
              {segment.name}
            </MenuItem>
          ))}
          {targets.length === 0 ? <MenuItem disabled>No static segment yet</MenuItem> : null}
        </MenuContent>
      </Menu>
      <Button variant="outline" size="sm" disabled={!criteria} title={criteria ? undefined : `At most ${MAX_IDS} hand-picked contacts`} onClick={() => setIsCreating(true)}>
        <Plus />
        New static segment
      </Button>
      {isCreating && criteria ? (
        <SegmentDialog
          open
          onOpenChange={setIsCreating}
          fixedCriteria={{
            criteria,
            description:
              context.selection.mode === "all"
                ? `Every contact matching the table’s filter${context.selection.except.size > 0 ? `, except ${context.selection.except.size} unticked` : ""}: about ${numberFormat.format(context.count)} ${word}, frozen when you create it.`
                : `The ${numberFormat.format(context.count)} selected ${word}.`,
          }}
          onSaved={(segment) => setStatus({ tone: "ok", text: `Created “${segment.name}” with ${numberFormat.format(segment.contactCount ?? 0)} contacts` })}
        />
      ) : null}
    </>
  );
}
