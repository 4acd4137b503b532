"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { lifecycleStages } from "@/db/schema/contacts";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ChevronDown, Download, Pencil, Trash2 } from "lucide-react";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import type { BulkRun } from "./bulk-progress-toast";
import { ExportFieldPicker, useExportFieldChoices } from "./export-fields";
import { useStartBulkRun } from "./bulk-runs";
import type { BulkSelection } from "./selection-target";

type Action = "field" | "stage" | "owner" | "tags" | "delete" | "export";

const editableFields = [
  { value: "title", label: "Title" }, { value: "company", label: "Company" }, { value: "department", label: "Department" },
  { value: "city", label: "City" }, { value: "country", label: "Country" }, { value: "score", label: "Score" },
] as const;

const selectionCount = (selection: BulkSelection) => ("ids" in selection ? selection.ids.length : selection.count);
const targetOf = (selection: BulkSelection) => ("ids" in selection ? { ids: selection.ids } : { filter: selection.filter });

/**
 * The table's bulk actions, shown in its selection bar. Every action names the exact count before it
 * runs; the server resolves a filter itself, so "all 84,213 matching" never sends ids. Progress, cancel
 * and undo follow in a card (BulkRunsProvider) that stays when the selection is cleared.
 */
export function BulkActionBar({ selection, onDone }: { selection: BulkSelection; onDone?: () => void }) {
  const trpc = useTRPC();
  const [action, setAction] = useState<Action | null>(null);
  const [field, setField] = useState<string>("title");
  const [value, setValue] = useState("");
  const [stage, setStage] = useState<string>("customer");
  const [ownerId, setOwnerId] = useState("");
  const [addTags, setAddTags] = useState("");
  const [removeTags, setRemoveTags] = useState("");
  const [exportFields, setExportFields] = useState<string[] | null>(null);
  const exportChoices = useExportFieldChoices(action === "export");
  const startRun = useStartBulkRun();
  const { role, isManager } = useWorkspaceRole();
  const settings = useQuery(trpc.workspaces.settings.queryOptions());
  const canExport = role !== null && (settings.data?.exportRoles ?? ["admin"]).includes(role);
  const members = useQuery({ ...trpc.workspaces.members.list.queryOptions(), enabled: action === "owner" });
  const update = useMutation(trpc.bulk.updateContacts.mutationOptions());
  const remove = useMutation(trpc.bulk.deleteContacts.mutationOptions());
  const tag = useMutation(trpc.bulk.tagContacts.mutationOptions());
  const exporter = useMutation(trpc.exports.exportContacts.mutationOptions());
  const count = selectionCount(selection);
  const target = targetOf(selection);
  const noun = `${count.toLocaleString()} contact${count === 1 ? "" : "s"}`;
  const error = update.error ?? remove.error ?? tag.error ?? exporter.error;
  const isPending = update.isPending || remove.isPending || tag.isPending || exporter.isPending;

  const finish = (next: BulkRun) => {
    setAction(null);
    startRun(next);
    onDone?.();
  };

  async function confirm() {
    const split = (text: string) => text.split(",").map((name) => name.trim()).filter(Boolean);
    if (action === "field") {
      const patch = field === "score" ? { score: Number(value) } : { [field]: value };
      const result = await update.mutateAsync({ target, update: patch });
      finish({ jobId: result.jobId, label: `Updating ${field} on ${noun}`, isUndoable: true, errors: result.errors });
    } else if (action === "stage") {
      const result = await update.mutateAsync({ target, update: { lifecycleStage: stage as (typeof lifecycleStages)[number] } });
      finish({ jobId: result.jobId, label: `Moving ${noun} to ${stage}`, isUndoable: true, errors: result.errors });
    } else if (action === "owner") {
      const result = await update.mutateAsync({ target, update: { ownerId: ownerId || null } });
      finish({ jobId: result.jobId, label: `Assigning ${noun}`, isUndoable: true, errors: result.errors });
    } else if (action === "tags") {
      const result = await tag.mutateAsync({ target, addTags: split(addTags), removeTags: split(removeTags) });
      finish({ jobId: result.jobId, label: `Changing tags on ${noun}`, isUndoable: true });
    } else if (action === "delete") {
      const result = await remove.mutateAsync({ target });
      finish({ jobId: result.jobId, label: `Deleting ${noun}`, isUndoable: true });
    } else if (action === "export") {
      const fields = exportFields ?? undefined;
      const result = await exporter.mutateAsync("ids" in selection ? { format: "csv", ids: selection.ids, fields } : { format: "csv", filters: selection.filter, fields });
      finish({ jobId: result.exportId, label: `Exporting ${noun}`, isUndoable: false, downloadUrl: result.downloadUrl });
    }
  }

  const titles: Record<Action, string> = {
    field: `Update a field on ${noun}`, stage: `Change the stage of ${noun}`, owner: `Assign an owner to ${noun}`,
    tags: `Add or remove tags on ${noun}`, delete: `Delete ${noun}?`, export: `Export ${noun} to CSV`,
  };

  return (
    <>
      <div className="flex items-center gap-2" data-testid="bulk-action-bar">
        {/* The server refuses bulk edits to reps, and exports to roles the workspace setting leaves out. */}
        {isManager ? (
          <Menu>
            <MenuTrigger className="inline-flex h-7 items-center gap-1.5 rounded-md border border-input bg-background px-2.5 text-[13px] font-medium hover:bg-accent [&_svg]:size-4">
              <Pencil />
              Edit
              <ChevronDown />
            </MenuTrigger>
            <MenuContent>
              <MenuItem onSelect={() => setAction("field")}>Update a field…</MenuItem>
              <MenuItem onSelect={() => setAction("stage")}>Change lifecycle stage…</MenuItem>
              <MenuItem onSelect={() => setAction("owner")}>Assign owner…</MenuItem>
              <MenuItem onSelect={() => setAction("tags")}>Add or remove tags…</MenuItem>
            </MenuContent>
          </Menu>
        ) : null}
        {canExport ? (
          <Button size="sm" variant="outline" onClick={() => setAction("export")}>
            <Download />
            Export
          </Button>
        ) : null}
        {isManager ? (
          <Button size="sm" variant="outline" onClick={() => setAction("delete")} className="text-destructive">
            <Trash2 />
            Delete
          </Button>
        ) : null}
      </div>
      <Dialog open={action !== null} onOpenChange={(open) => { if (!open) setAction(null); }} title={action ? titles[action] : ""} description={action === "export" ? `Exports exactly ${noun} to CSV; the download link expires after 24 hours.` : `This applies to exactly ${noun}. You can undo it from the progress card or the Jobs page.`}>
        <div className="space-y-3">
          {action === "field" ? (
            <>
              <Select aria-label="Field" value={field} onChange={(event) => setField(event.target.value)} options={editableFields} />
              <Input aria-label="New value" value={value} onChange={(event) => setValue(event.target.value)} placeholder="New value (empty clears it)" />
            </>
          ) : null}
          {action === "stage" ? (
            <Select aria-label="Lifecycle stage" value={stage} onChange={(event) => setStage(event.target.value)} options={lifecycleStages.map((s) => ({ value: s, label: s }))} />
          ) : null}
          {action === "owner" ? (
            <Select aria-label="Owner" value={ownerId} onChange={(event) => setOwnerId(event.target.value)} placeholder="No owner" options={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))} />
          ) : null}
          {action === "tags" ? (
            <>
              <Input aria-label="Tags to add" value={addTags} onChange={(event) => setAddTags(event.target.value)} placeholder="Add tags, comma separated" />
              <Input aria-label="Tags to remove" value={removeTags} onChange={(event) => setRemoveTags(event.target.value)} placeholder="Remove tags, comma separated" />
            </>
          ) : null}
          {action === "export" ? <ExportFieldPicker choices={exportChoices} selected={exportFields} onChange={setExportFields} /> : null}
          {error ? <p className="text-sm text-destructive">{error.message}</p> : null}
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => setAction(null)}>Cancel</Button>
          <Button variant={action === "delete" ? "destructive" : "primary"} disabled={isPending} onClick={() => void confirm().catch(() => undefined)}>
            {action === "delete" ? `Delete ${noun}` : action === "export" ? `Export ${noun}` : `Apply to ${noun}`}
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
