"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Bookmark, Check } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/states";
import {
  assignTarget, CREATE_FIELD_VALUE, IGNORE_VALUE, mappingProblems, sampleValues, targetGroups, targetLabel,
} from "./mapping-state";
import { NewFieldDialog } from "./new-field-dialog";
import { PreviewTable } from "./preview-table";
import type { ExistingCustomField, ImportPreview, Mapping, SuggestedCustomField } from "./types";

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

const reasonText: Record<string, string> = {
  known_format: "export column",
  synonym: "matched by name",
  custom_field: "existing custom field",
  new_custom_field: "new custom field",
  template: "from template",
};

/** Step 2: what the file looks like as read, and which contact field each of its columns fills. */
export function MappingStep({
  preview,
  mapping,
  onMappingChange,
  customFields,
  pendingFields,
  onFieldCreated,
}: {
  preview: ImportPreview;
  mapping: Mapping;
  onMappingChange: (mapping: Mapping) => void;
  customFields: ExistingCustomField[];
  pendingFields: SuggestedCustomField[];
  onFieldCreated: (field: ExistingCustomField) => void;
}) {
  const [creatingFor, setCreatingFor] = useState<string | null>(null);
  const [released, setReleased] = useState<{ header: string; target: string } | null>(null);
  const groups = targetGroups(customFields, pendingFields);
  const problems = mappingProblems(mapping);
  const { format } = preview;
  const mappedCount = Object.values(mapping).filter((t) => t !== null).length;

  const choose = (header: string, value: string) => {
    if (value === CREATE_FIELD_VALUE) {
      setCreatingFor(header);
      return;
    }
    const target = value === IGNORE_VALUE ? null : value;
    const next = assignTarget(mapping, header, target);
    setReleased(next.released && target ? { header: next.released, target } : null);
    onMappingChange(next.mapping);
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px] text-muted-foreground" data-testid="import-format">
        <span className="font-medium text-foreground">{preview.file.fileName}</span>
        {preview.detectedSource ? <Badge tone="blue">{preview.detectedSource.label}</Badge> : null}
        <span>{format.totalRows.toLocaleString()} rows</span>
        <span>
          {format.encoding.toUpperCase()}
          {format.hasBom ? " with BOM" : ""}, {delimiterNames[format.delimiter] ?? `“${format.delimiter}”`}-separated
        </span>
        {format.headerRow > 1 ? <span>header on row {format.headerRow}</span> : null}
        {format.blankRows > 0 ? <span>{format.blankRows} blank rows skipped</span> : null}
      </div>

      {preview.template ? (
        <Alert tone="info">
          Your saved template “{preview.template.name}” matched these columns, so its mapping was applied. Change anything below.
        </Alert>
      ) : null}
      {!problems.hasEmail ? <Alert>Map one column to Email: contacts are matched and deduplicated by it.</Alert> : null}
      {problems.duplicated.length > 0 ? (
        <Alert>Each field takes one column: {problems.duplicated.map((t) => targetLabel(t, customFields, pendingFields)).join(", ")} is chosen twice.</Alert>
      ) : null}
      {released ? (
        <Alert tone="info">
          {targetLabel(released.target, customFields, pendingFields)} moved here, so “{released.header}” is now ignored.
        </Alert>
      ) : null}

      <div className="overflow-hidden rounded-lg border border-border">
        <table className="w-full text-[13px]">
          <thead className="bg-surface text-left text-muted-foreground">
            <tr>
              <th className="px-3 py-2 font-medium">Column in file</th>
              <th className="px-3 py-2 font-medium">Sample values</th>
              <th className="w-80 px-3 py-2 font-medium">Import as ({mappedCount} of {preview.columns.length} mapped)</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((column) => {
              const target = mapping[column.header] ?? null;
              const suggested = column.target === target && target !== null ? reasonText[column.reason] : null;
              return (
                <tr key={column.header} className="border-t border-border align-top" data-testid="mapping-row">
                  <td className="px-3 py-2 font-medium">{column.header}</td>
                  <td className="px-3 py-2 text-muted-foreground">
                    {column.samples.length === 0 ? (
                      <span className="italic">empty</span>
                    ) : (
                      <ul className="flex flex-col gap-0.5">
                        {sampleValues(column.samples).map((sample) => (
                          <li key={sample} className="truncate">
                            {sample}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <Select
                      aria-label={`Import “${column.header}” as`}
                      value={target ?? IGNORE_VALUE}
                      onChange={(event) => choose(column.header, event.target.value)}
                    >
                      <option value={IGNORE_VALUE}>Ignore this column</option>
                      <optgroup label="Contact fields">
                        {groups.standard.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                      {groups.custom.length > 0 ? (
                        <optgroup label="Custom fields">
                          {groups.custom.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      {groups.pending.length > 0 ? (
                        <optgroup label="Created by this import">
                          {groups.pending.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      <option value={CREATE_FIELD_VALUE}>Create new custom field…</option>
                    </Select>
                    {suggested ? <p className="mt-1 text-[12px] text-muted-foreground">Suggested: {suggested}</p> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <SaveTemplate headers={preview.headers} mapping={mapping} defaultName={preview.template?.name ?? preview.detectedSource?.label ?? ""} />

      <section className="flex flex-col gap-2">
        <h3 className="text-[13px] font-semibold">File preview (first {preview.rows.length} rows, as they will be read)</h3>
        <PreviewTable headers={preview.headers} rows={preview.rows} mapping={mapping} />
      </section>

      {creatingFor ? (
        <NewFieldDialog
          header={creatingFor}
          onClose={() => setCreatingFor(null)}
          onCreated={(field) => {
            onFieldCreated(field);
            onMappingChange(assignTarget(mapping, creatingFor, `customFields.${field.fieldName}`).mapping);
            setCreatingFor(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** Saves the current mapping so the next file with the same columns starts from it. */
function SaveTemplate({ headers, mapping, defaultName }: { headers: string[]; mapping: Mapping; defaultName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(defaultName);
  const save = useMutation(
    trpc.imports.saveTemplate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.imports.templates.queryKey() }) }),
  );
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) save.mutate({ name: name.trim(), headers, mapping });
      }}
    >
      <Bookmark className="size-4 text-muted-foreground" />
      <Input aria-label="Template name" placeholder="Template name" value={name} onChange={(event) => setName(event.target.value)} className="h-7 w-64" maxLength={200} />
      <Button type="submit" size="sm" variant="outline" isLoading={save.isPending} disabled={!name.trim()}>
        Save mapping as template
      </Button>
      {save.isSuccess ? (
        <span className="inline-flex items-center gap-1 text-[12px] text-muted-foreground" role="status">
          <Check className="size-3.5" /> Saved: files with these columns will start from this mapping
        </span>
      ) : null}
      {save.error ? <span className="text-[12px] text-destructive">{save.error.message}</span> : null}
    </form>
  );
}
