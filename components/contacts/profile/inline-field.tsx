"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/button";

export type InlineFieldKind = "text" | "email" | "tel" | "url" | "number" | "date" | "datetime" | "select" | "checkbox" | "textarea";

export interface InlineFieldProps {
  label: string;
  kind: InlineFieldKind;
  /** The saved value as the input shows it ("" for empty; "true"/"false" for checkboxes). */
  value: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  /** For selects: offer an empty choice ("—"). Off for fields that always have a value. */
  allowEmpty?: boolean;
  /** Saves the new input text; resolves to an error message to show, or null when saved. */
  onSave: (next: string) => Promise<string | null>;
  /** Optional link or hint shown at the end of the row (e.g. "open" for a URL). */
  adornment?: ReactNode;
  testId?: string;
}

// Looks like plain text until hovered or focused, then like an input: editing in place, Attio-style.
const controlClasses = cn(
  "h-7 w-full min-w-0 rounded-md border border-transparent bg-transparent px-2 text-[13px] text-foreground",
  "placeholder:text-muted-foreground/50 hover:bg-muted/70 hover:border-border",
  "focus:border-ring focus:bg-background focus:outline-none focus:ring-2 focus:ring-ring/30",
  "aria-invalid:border-destructive/60",
);

/**
 * One editable field of a record: click or tab in, type, and Enter or leaving the field saves;
 * Escape puts the saved value back. Selects and checkboxes save as soon as they change.
 */
export function InlineField({ label, kind, value, options, placeholder, allowEmpty = true, onSave, adornment, testId }: InlineFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isFocused, setIsFocused] = useState(false);
  const cancelled = useRef(false);

  const save = async (next: string) => {
    setDraft(null);
    if (next === value) return;
    setError(null);
    setIsSaving(true);
    try {
      setError(await onSave(next));
    } finally {
      setIsSaving(false);
    }
  };

  const onBlur = () => {
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(null);
      return;
    }
    if (draft !== null) void save(draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (kind !== "textarea" || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === "Escape") {
      event.preventDefault();
      // Keep the dialog or page from also reacting to this Escape.
      event.stopPropagation();
      cancelled.current = true;
      setError(null);
      event.currentTarget.blur();
    }
  };

  const shown = draft ?? value;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    "data-testid": testId,
  };

  let control: ReactNode;
  if (kind === "checkbox") {
    control = (
      <div className="flex h-7 items-center px-2">
        <Checkbox {...common} checked={value === "true"} disabled={isSaving} onChange={(event) => void save(String(event.target.checked))} />
      </div>
    );
  } else if (kind === "select") {
    control = (
      <select {...common} className={cn(controlClasses, "appearance-none")} value={value} onChange={(event) => void save(event.target.value)}>
        {allowEmpty && !options?.some((option) => option.value === "") ? <option value="">—</option> : null}
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (kind === "textarea") {
    control = (
      <textarea
        {...common}
        rows={2}
        className={cn(controlClasses, "h-auto min-h-7 resize-y py-1")}
        value={shown}
        placeholder={placeholder ?? "Empty"}
        onFocus={() => setDraft(value)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
    );
  } else {
    const isDate = kind === "date" || kind === "datetime";
    // An empty date input would show the browser's "mm/dd/yyyy, --:--" mask; until it is focused it reads "Empty" like the rest.
    const type = isDate && !shown && !isFocused
      ? "text"
      : { text: "text", email: "email", tel: "tel", url: "text", number: "number", date: "date", datetime: "datetime-local" }[kind];
    control = (
      <input
        {...common}
        type={type}
        inputMode={kind === "number" ? "decimal" : kind === "url" ? "url" : undefined}
        className={controlClasses}
        value={shown}
        placeholder={placeholder ?? "Empty"}
        onFocus={() => {
          setIsFocused(true);
          setDraft(value);
        }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          setIsFocused(false);
          onBlur();
        }}
        onKeyDown={onKeyDown}
      />
    );
  }

  return (
    <div className="grid grid-cols-[120px_minmax(0,1fr)] items-start gap-x-2 py-0.5">
      <label htmlFor={id} className="flex h-7 items-center gap-1.5 truncate text-[12.5px] text-muted-foreground">
        <span className="truncate">{label}</span>
        {isSaving ? <Spinner className="size-3 text-muted-foreground" /> : null}
      </label>
      <div className="flex min-w-0 flex-col">
        <div className="flex min-w-0 items-center gap-1">
          {control}
          {adornment}
        </div>
        <FieldError id={errorId} className="px-2 pt-0.5 pb-1">
          {error}
        </FieldError>
      </div>
    </div>
  );
}
