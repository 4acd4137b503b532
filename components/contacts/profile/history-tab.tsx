"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, RotateCcwClock as HistoryIcon } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { fieldLabel } from "../fields";
import { formatDateTime, formatRelative } from "../format";
import type { ContactHistoryEntry } from "../types";
import { describeValue, isEmptyValue, type Definitions } from "./describe-value";

const actionVerbs: Record<ContactHistoryEntry["action"], string> = {
  create: "created this contact",
  update: "updated",
  delete: "deleted this contact",
  restore: "restored this contact",
  import: "imported",
  export: "exported",
  undo: "undid a change",
};


function ChangeValue({ field, value, definitions }: { field: string; value: unknown; definitions: Definitions }) {
  if (isEmptyValue(value)) return <span className="text-muted-foreground/70 italic">empty</span>;
  return <span className="break-words">{describeValue(field, value, definitions)}</span>;
}

function ChangeRows({ changes, definitions }: { changes: Array<[string, { old: unknown; new: unknown }]>; definitions: Definitions }) {
  return (
    <dl className="grid grid-cols-[140px_minmax(0,1fr)] gap-x-3 gap-y-1 text-[12.5px]">
      {changes.map(([field, change]) => (
        <div key={field} className="contents" data-testid="history-change" data-field={field}>
          <dt className="truncate text-muted-foreground">{fieldLabel(field, definitions)}</dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-1.5">
            <span className="text-muted-foreground line-through decoration-muted-foreground/40">
              <ChangeValue field={field} value={change.old} definitions={definitions} />
            </span>
            <ArrowRight aria-label="changed to" className="size-3 shrink-0 text-muted-foreground" />
            <span className="font-medium">
              <ChangeValue field={field} value={change.new} definitions={definitions} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function HistoryItem({ entry, definitions }: { entry: ContactHistoryEntry; definitions: Definitions }) {
  const changes = Object.entries(entry.changes);
  const actor = entry.actorName ?? (entry.actorType === "system" ? "hasteCRM" : "Someone");
  // A create lists every field it set; only the filled ones say anything, so they start folded away.
  const filled = changes.filter(([, change]) => !isEmptyValue(change.new));
  return (
    <li className="flex gap-3 border-b border-border py-3 last:border-b-0" data-testid="history-entry">
      <Avatar name={actor} />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <p className="text-[13px]">
          <span className="font-medium">{actor}</span>
          {entry.actorType === "api_key" ? <span className="text-muted-foreground"> (API)</span> : null}{" "}
          <span className="text-muted-foreground">{actionVerbs[entry.action]}</span>
          <span className="text-muted-foreground"> · </span>
          <time dateTime={entry.createdAt.toISOString()} title={formatDateTime(entry.createdAt)} className="text-muted-foreground">
            {formatRelative(entry.createdAt)}
          </time>
        </p>
        {entry.action === "create" ? (
          filled.length > 0 ? (
            <details className="group text-[12.5px]">
              <summary className="cursor-pointer text-muted-foreground select-none hover:text-foreground">
                Set {filled.length} {filled.length === 1 ? "field" : "fields"}
              </summary>
              <div className="pt-2">
                <ChangeRows changes={filled} definitions={definitions} />
              </div>
            </details>
          ) : null
        ) : changes.length > 0 ? (
          <ChangeRows changes={changes} definitions={definitions} />
        ) : null}
      </div>
    </li>
  );
}

export function HistoryTab({ contactId, definitions }: { contactId: string; definitions: Definitions }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.contacts.history.queryOptions({ id: contactId, first: 50 }));

  if (history.isPending) {
    return (
      <div className="flex flex-col gap-4 py-3" aria-busy>
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="flex gap-3">
            <Skeleton className="size-6 rounded-full" />
            <div className="flex flex-1 flex-col gap-2">
              <Skeleton className="h-3.5 w-64" />
              <Skeleton className="h-3 w-40" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (history.isError) {
    return (
      <ErrorState
        title="Could not load the history"
        message={history.error.message}
        action={
          <Button variant="outline" onClick={() => history.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  if (history.data.entries.length === 0) {
    return <EmptyState icon={<HistoryIcon />} title="No changes recorded" description="Every create, edit, delete and restore of this contact is listed here." />;
  }
  return (
    <div className="flex flex-col">
      <ol data-testid="history">
        {history.data.entries.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} definitions={definitions} />
        ))}
      </ol>
      {history.data.hasMore ? <p className="pt-3 text-[12px] text-muted-foreground">Showing the 50 most recent changes.</p> : null}
    </div>
  );
}
