"use client";

import { ListFilter } from "lucide-react";
import { useState } from "react";
import { Popover } from "@/components/data-table/popover";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/states";
import { FilterBuilder } from "./filter-builder";
import { childrenOf, finishTree, serverProblems, toEditable, treeProblems, type EditableGroup, type TreeProblem } from "./model";
import type { FilterField, FilterNode } from "./types";

function countConditions(node: FilterNode | null): number {
  if (!node) return 0;
  if ("and" in node) return node.and.reduce((sum, child) => sum + countConditions(child), 0);
  if ("or" in node) return node.or.reduce((sum, child) => sum + countConditions(child), 0);
  return 1;
}

/**
 * The "Filter" button and its builder. Edits happen on a draft; Apply checks it here first (every
 * incomplete row is pointed at), then hands it on. A filter the server refused (`serverError`, with
 * paths like `and[1].or[0].value`) reopens with the reason on the offending row.
 */
export function FilterPopover({
  filters,
  onApply,
  fields,
  fieldsByKey,
  serverError,
}: {
  filters: FilterNode | null;
  onApply: (filters: FilterNode | null) => void;
  fields: readonly FilterField[];
  fieldsByKey: ReadonlyMap<string, FilterField>;
  serverError?: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<EditableGroup>(() => toEditable(filters));
  const [problems, setProblems] = useState<TreeProblem[]>([]);
  const count = countConditions(filters);

  const onOpenChange = (next: boolean) => {
    if (next) {
      setDraft(toEditable(filters));
      setProblems(serverError ? serverProblems(serverError) : []);
    }
    setOpen(next);
  };

  const apply = () => {
    const found = treeProblems(draft, fieldsByKey);
    setProblems(found);
    if (found.length > 0) return;
    onApply(finishTree(draft));
    setOpen(false);
  };

  const unplaced = serverError && problems.length === 0 && open ? serverError : null;

  return (
    <Popover
      label="Filter contacts"
      open={open}
      onOpenChange={onOpenChange}
      className="w-[min(780px,calc(100vw-2rem))]"
      trigger={({ toggle, ...aria }) => (
        <Button variant={count > 0 ? "secondary" : "outline"} size="sm" onClick={toggle} {...aria} data-testid="filter-button">
          <ListFilter />
          Filter
          {count > 0 ? <span className="rounded bg-background px-1 text-[11px] tabular-nums">{count}</span> : null}
        </Button>
      )}
    >
      <div className="max-h-[65vh] overflow-y-auto p-3">
        {unplaced ? <Alert className="mb-3">{unplaced}</Alert> : null}
        <FilterBuilder value={draft} onChange={setDraft} fields={fields} fieldsByKey={fieldsByKey} problems={problems} />
      </div>
      <div className="flex items-center justify-between gap-2 border-t border-border px-3 py-2">
        <Button variant="ghost" size="sm" disabled={childrenOf(draft).length === 0 && !filters} onClick={() => { onApply(null); setOpen(false); }}>
          Clear all
        </Button>
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button size="sm" onClick={apply} data-testid="apply-filters">
            Apply filters
          </Button>
        </div>
      </div>
    </Popover>
  );
}
