"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { targetLabel } from "./mapping-state";
import type { ImportDetail } from "./types";

/** How the import was set up: its column mapping and options, for whoever reviews it later. */
export function ImportSettings({ detail }: { detail: ImportDetail }) {
  const trpc = useTRPC();
  // Archived fields included: an import may name a field archived since.
  const fields = useQuery(trpc.customFields.listCustomFields.queryOptions({ objectType: "contact", includeArchived: true }));
  const existing = (fields.data ?? []).map((f) => ({ fieldName: f.fieldName, label: f.label, fieldType: f.fieldType, required: f.required, options: f.options }));
  const created = detail.newCustomFields.map((f) => ({ key: f.key, label: f.label, fieldType: f.fieldType }));
  const mapped = Object.entries(detail.mapping).filter((entry): entry is [string, string] => entry[1] !== null);
  const ignored = Object.values(detail.mapping).length - mapped.length;
  const { options } = detail;

  return (
    <details className="group rounded-lg border border-border">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-[13px] font-medium select-none">
        <ChevronRight className="size-4 text-muted-foreground transition-transform group-open:rotate-90" />
        Mapping and options
        <span className="font-normal text-muted-foreground">
          {mapped.length} columns imported, {ignored} ignored
        </span>
      </summary>
      <div className="flex flex-col gap-3 border-t border-border px-3 py-3 text-[13px]">
        <div className="flex flex-wrap gap-1.5">
          <Badge>{options.updateExisting ? `Updates existing contacts (matched on ${targetLabel(options.matchOn, existing, created)})` : "Skips existing contacts"}</Badge>
          <Badge>{options.skipInvalid ? "Skips invalid rows" : "Stops on any invalid row"}</Badge>
          {options.notifyOnComplete ? <Badge>Notifies when done</Badge> : null}
          {options.tags.map((tag) => (
            <Badge key={tag} tone="purple">
              {tag}
            </Badge>
          ))}
        </div>
        <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-x-6 gap-y-1 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
          {mapped.map(([column, target]) => (
            <div key={column} className="contents">
              <dt className="truncate text-muted-foreground" title={column}>
                {column}
              </dt>
              <dd className="truncate">
                {targetLabel(target, existing, created)}
                {created.some((f) => `customFields.${f.key}` === target) ? <span className="ml-1.5 text-[12px] text-muted-foreground">(created by this import)</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
