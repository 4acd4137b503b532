"use client";

import { TriangleExclamationPoint } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { AnchoredPopover } from "@/components/data-table/anchored-popover";
import { Button, Spinner } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";

export type CellEditor =
  | { kind: "text" | "email" | "tel" | "url" | "number" | "date" | "datetime" }
  | { kind: "select"; options: ReadonlyArray<{ value: string; label: string }>; allowEmpty: boolean }
  | { kind: "multiselect"; options: ReadonlyArray<{ value: string; label: string }> }
  | { kind: "checkbox" };

export interface EditableCellProps {
  /** The column's name, for the edit button's accessible name. */
  label: string;
  display: ReactNode;
  editor: CellEditor;
  /** The saved value as the editor shows it ("" for empty; "true"/"false"; option values for multiselect). */
  value: string | string[];
  /** Saves; resolves to an error message (the caller has already put the old value back) or null. */
  onSave: (next: string | string[]) => Promise<string | null>;
  align?: "left" | "right";
}

const inputTypes = { text: "text", email: "email", tel: "tel", url: "text", number: "number", date: "date", datetime: "datetime-local" } as const;
const editorClasses =
  "h-7 w-full min-w-0 rounded-md border border-ring bg-background px-2 text-[13px] text-foreground outline-none ring-2 ring-ring/30";

/**
 * A table cell that edits in place: click (or Enter) to edit, Enter or leaving the cell saves, Escape
 * cancels. A value the server refuses comes back and the reason shows in the cell.
 */
export function EditableCell({ label, display, editor, value, onSave, align }: EditableCellProps) {
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState<string | string[]>(value);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const isCancelled = useRef(false);

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), 10_000);
    return () => clearTimeout(timer);
  }, [error]);

  const start = () => {
    setError(null);
    setDraft(value);
    isCancelled.current = false;
    setIsEditing(true);
  };

  const commit = async (next: string | string[]) => {
    setIsEditing(false);
    if (JSON.stringify(next) === JSON.stringify(value)) return;
    setIsSaving(true);
    try {
      setError(await onSave(next));
    } finally {
      setIsSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      isCancelled.current = true;
      event.currentTarget.blur();
    }
  };
  const onBlur = (next: string | string[]) => {
    if (isCancelled.current) {
      isCancelled.current = false;
      setIsEditing(false);
      return;
    }
    void commit(next);
  };

  const errorNote = error ? (
    <span role="alert" title={error} className="inline-flex min-w-0 shrink items-center gap-1 text-[12px] text-destructive" data-testid="cell-error">
      <TriangleExclamationPoint className="size-3 shrink-0" />
      <span className="truncate">{error}</span>
    </span>
  ) : null;

  if (editor.kind === "checkbox") {
    return (
      <div className="flex min-w-0 items-center gap-2">
        <Checkbox aria-label={label} checked={value === "true"} disabled={isSaving} onChange={(event) => void commit(String(event.target.checked))} />
        {errorNote}
      </div>
    );
  }

  let control: ReactNode = null;
  if (isEditing && editor.kind === "select") {
    control = (
      <select
        data-cell-editor
        autoFocus
        aria-label={label}
        className={cn(editorClasses, "appearance-none")}
        defaultValue={String(value)}
        onChange={(event) => void commit(event.target.value)}
        onBlur={() => setIsEditing(false)}
        onKeyDown={onKeyDown}
      >
        {editor.allowEmpty ? <option value="">—</option> : null}
        {editor.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (isEditing && editor.kind !== "multiselect") {
    control = (
      <input
        data-cell-editor
        autoFocus
        aria-label={label}
        type={inputTypes[editor.kind as keyof typeof inputTypes]}
        className={editorClasses}
        value={String(draft)}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(event) => onBlur(event.target.value)}
      />
    );
  }

  const selected = Array.isArray(draft) ? draft : [];
  return (
    <div ref={anchor} className="flex min-w-0 items-center gap-1.5">
      {control ?? (
        <button
          type="button"
          onClick={start}
          title={`Edit ${label}`}
          className={cn(
            "flex h-7 min-w-0 flex-1 items-center rounded-md px-1.5 -mx-1.5 text-left hover:bg-background hover:ring-1 hover:ring-border",
            align === "right" && "justify-end text-right",
            error && "ring-1 ring-destructive/60",
          )}
        >
          <span className="min-w-0 truncate">{display}</span>
          <span className="sr-only">, edit {label}</span>
        </button>
      )}
      {isSaving ? <Spinner className="size-3 shrink-0 text-muted-foreground" /> : null}
      {errorNote}
      {isEditing && editor.kind === "multiselect" ? (
        <AnchoredPopover anchor={anchor} label={`Edit ${label}`} onClose={() => void commit(selected)}>
          <ul className="max-h-64 overflow-y-auto">
            {editor.options.map((option) => (
              <li key={option.value}>
                <label className="flex h-7 items-center gap-2 rounded-md px-2 hover:bg-accent">
                  <Checkbox
                    checked={selected.includes(option.value)}
                    onChange={(event) =>
                      setDraft(event.target.checked ? [...selected, option.value] : selected.filter((item) => item !== option.value))
                    }
                  />
                  <span className="truncate">{option.label}</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="flex justify-end border-t border-border p-1">
            <Button size="sm" onClick={() => void commit(selected)}>
              Done
            </Button>
          </div>
        </AnchoredPopover>
      ) : null}
    </div>
  );
}
