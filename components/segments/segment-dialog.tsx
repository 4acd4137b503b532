"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { FilterBuilder } from "@/components/filters/filter-builder";
import { finishTree, serverProblems, toEditable, treeProblems, type EditableGroup, type TreeProblem } from "@/components/filters/model";
import { useFilterFields } from "@/components/filters/use-filter-fields";
import type { FilterNode } from "@/components/filters/types";
import { normaliseFilters } from "@/components/contacts/table-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Alert } from "@/components/ui/states";
import type { AppRouter } from "@/server/trpc/root";

export type Segment = inferRouterOutputs<AppRouter>["segments"]["listSegments"][number];

/** A segment's stored criteria as a tree; `{}` (every contact) reads as no filter. */
export function segmentCriteria(segment: Pick<Segment, "criteria">): FilterNode | null {
  const criteria = segment.criteria as Record<string, unknown> | null;
  if (!criteria || !("and" in criteria || "or" in criteria || "field" in criteria)) return null;
  return normaliseFilters(criteria as unknown as FilterNode);
}

export interface SegmentDraft {
  name: string;
  description: string;
  criteria: FilterNode | null;
  isDynamic: boolean;
}

/**
 * Create or edit a segment. Dynamic ones keep their criteria and are evaluated whenever read; static
 * ones freeze who matches now. `fixedCriteria` (a selection of contacts) replaces the builder.
 */
export function SegmentDialog({
  open,
  onOpenChange,
  segment,
  initial,
  fixedCriteria,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Editing this segment; absent: creating one. */
  segment?: Segment;
  initial?: Partial<SegmentDraft>;
  fixedCriteria?: { criteria: FilterNode; description: string };
  onSaved?: (segment: Segment) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { fields, fieldsByKey } = useFilterFields();
  const [name, setName] = useState(segment?.name ?? initial?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? initial?.description ?? "");
  const [isDynamic, setIsDynamic] = useState(fixedCriteria ? false : (segment?.isDynamic ?? initial?.isDynamic ?? true));
  const [criteria, setCriteria] = useState<EditableGroup>(() => toEditable(segment ? segmentCriteria(segment) : (initial?.criteria ?? null)));
  const [problems, setProblems] = useState<TreeProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNameError(name.trim() ? null : "Required");
    const found = fixedCriteria ? [] : treeProblems(criteria, fieldsByKey);
    setProblems(found);
    if (!name.trim() || found.length > 0) return;
    const tree = fixedCriteria ? fixedCriteria.criteria : (finishTree(criteria) ?? { and: [] });
    // Sending criteria to a static segment re-freezes its members, so unchanged criteria stay unsent.
    const before = segment ? (finishTree(toEditable(segmentCriteria(segment))) ?? { and: [] }) : null;
    const isCriteriaChanged = !fixedCriteria && JSON.stringify(tree) !== JSON.stringify(before);
    setIsSaving(true);
    try {
      const saved = segment
        ? await client.segments.updateSegment.mutate({
            id: segment.id,
            patch: { name: name.trim(), description, isDynamic, ...(isCriteriaChanged ? { criteria: tree } : {}) },
          })
        : await client.segments.createSegment.mutate({ name: name.trim(), description, criteria: tree, isDynamic });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.insights.contactInsights.queryKey() }),
      ]);
      onSaved?.(saved);
      onOpenChange(false);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : "Could not save the segment";
      const onRows = serverProblems(message.replace(/(^|; )(patch\.)?criteria\./g, "$1"));
      if (onRows.length > 0) setProblems(onRows);
      if (/^(patch\.)?name: /.test(message)) setNameError(message.replace(/^(patch\.)?name: /, ""));
      else setError(onRows.length > 0 ? "Some conditions cannot be applied; see below." : message);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={segment ? `Edit “${segment.name}”` : "New segment"}
      className="max-w-3xl"
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <Field label="Segment name" error={nameError} required>
          {(control) => <Input {...control} autoFocus value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Description">
          {(control) => <Textarea {...control} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} className="min-h-12" />}
        </Field>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-[13px] font-medium">Membership</legend>
          <label className="flex items-start gap-2 text-[13px]">
            <input type="radio" name="segment-type" className="mt-0.5 accent-primary" checked={isDynamic} disabled={!!fixedCriteria} onChange={() => setIsDynamic(true)} />
            <span>
              Dynamic <span className="text-muted-foreground">— whoever matches the criteria at any moment</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-[13px]">
            <input type="radio" name="segment-type" className="mt-0.5 accent-primary" checked={!isDynamic} onChange={() => setIsDynamic(false)} />
            <span>
              Static <span className="text-muted-foreground">— {segment && !segment.isDynamic ? "members are edited by hand" : "who matches now, then edited by hand"}</span>
            </span>
          </label>
        </fieldset>
        {fixedCriteria ? (
          <p className="rounded-md border border-border bg-surface px-3 py-2 text-[13px]">{fixedCriteria.description}</p>
        ) : (
          <div className="flex flex-col gap-1.5">
            <span className="text-[13px] font-medium">Criteria</span>
            {segment && !segment.isDynamic && !isDynamic ? (
              <p className="text-[12px] text-muted-foreground">Saving new criteria for a static segment replaces its members with who matches them now.</p>
            ) : null}
            <div className="rounded-lg border border-border p-3">
              <FilterBuilder value={criteria} onChange={setCriteria} fields={fields} fieldsByKey={fieldsByKey} problems={problems} />
            </div>
          </div>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={isSaving} data-testid="save-segment">
            {segment ? "Save segment" : "Create segment"}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
