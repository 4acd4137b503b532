"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { lifecycleLabels, sourceOptions, type LifecycleStage } from "@/components/contacts/fields";
import { TagChip } from "@/components/tags/tag-chip";
import { TagPicker } from "@/components/tags/tag-picker";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { valueShape } from "./model";
import { relativeUnits, type FilterField, type FilterLeaf, type RelativeDateValue } from "./types";

interface Choice {
  value: string;
  label: string;
}

/** The values an enum, select, multiselect or segment field can take, labelled for people. */
function useChoices(field: FilterField): Choice[] {
  const trpc = useTRPC();
  const segments = useQuery({ ...trpc.segments.listSegments.queryOptions(), enabled: field.kind === "segment", staleTime: 60_000 });
  if (field.kind === "segment") return (segments.data ?? []).map((segment) => ({ value: segment.id, label: segment.name }));
  if (field.options) return field.options.map((option) => ({ value: option.value, label: option.label }));
  const values = field.enumValues ?? [];
  if (field.key === "lifecycleStage") return values.map((value) => ({ value, label: lifecycleLabels[value as LifecycleStage] ?? value }));
  if (field.key === "source") return values.map((value) => ({ value, label: sourceOptions.find((o) => o.value === value)?.label ?? value }));
  return values.map((value) => ({ value, label: value }));
}

const hasChoices = (field: FilterField) => field.kind === "enum" || field.kind === "segment" || (field.kind === "set" && field.key !== "tags");

function ScalarInput({ field, value, onChange, label, invalid }: {
  field: FilterField;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  invalid?: boolean;
}) {
  const choices = useChoices(field);
  const common = { "aria-label": label, "aria-invalid": invalid || undefined, className: "min-w-0 flex-1" };
  if (field.kind === "boolean") {
    return (
      <Select {...common} value={value === false ? "false" : "true"} onChange={(event) => onChange(event.target.value === "true")}
        options={[{ value: "true", label: "Yes" }, { value: "false", label: "No" }]} />
    );
  }
  if (hasChoices(field)) {
    return <Select {...common} value={typeof value === "string" ? value : ""} placeholder="Choose…" options={choices} onChange={(event) => onChange(event.target.value || undefined)} />;
  }
  if (field.kind === "number") {
    return (
      <Input {...common} type="number" inputMode="decimal" step={field.isInteger ? 1 : "any"} value={typeof value === "number" || typeof value === "string" ? value : ""}
        onChange={(event) => onChange(event.target.value === "" ? undefined : Number.isFinite(event.target.valueAsNumber) ? event.target.valueAsNumber : event.target.value)} />
    );
  }
  if (field.kind === "date" || field.kind === "datetime") {
    return <Input {...common} type="date" value={typeof value === "string" ? value.slice(0, 10) : ""} onChange={(event) => onChange(event.target.value || undefined)} />;
  }
  return <Input {...common} value={typeof value === "string" ? value : ""} placeholder="Value" onChange={(event) => onChange(event.target.value)} />;
}

function ChoiceList({ field, value, onChange, invalid }: { field: FilterField; value: unknown[]; onChange: (value: unknown[]) => void; invalid?: boolean }) {
  const choices = useChoices(field);
  return (
    <div role="group" aria-label="Values" aria-invalid={invalid || undefined}
      className={cn("flex max-h-32 min-w-0 flex-1 flex-wrap gap-x-3 gap-y-1 overflow-y-auto rounded-md border border-input px-2 py-1.5", invalid && "border-destructive")}>
      {choices.map((choice) => (
        <label key={choice.value} className="flex items-center gap-1.5 text-[13px]">
          <Checkbox
            checked={value.includes(choice.value)}
            onChange={(event) => onChange(event.target.checked ? [...value, choice.value] : value.filter((item) => item !== choice.value))}
          />
          {choice.label}
        </label>
      ))}
      {choices.length === 0 ? <span className="text-[12px] text-muted-foreground">Nothing to choose from</span> : null}
    </div>
  );
}

function TagValues({ value, onChange }: { value: unknown[]; onChange: (value: unknown[]) => void }) {
  const trpc = useTRPC();
  const tags = useQuery({ ...trpc.tags.listTags.queryOptions({ first: 1000 }), staleTime: 60_000 });
  const byId = new Map((tags.data ?? []).map((tag) => [tag.id, tag]));
  const ids = value.filter((item): item is string => typeof item === "string");
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1.5">
      {ids.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label="Chosen tags">
          {ids.map((id) => (
            <li key={id}>
              <TagChip tag={byId.get(id) ?? { id, name: id, color: null }} onRemove={() => onChange(ids.filter((item) => item !== id))} />
            </li>
          ))}
        </ul>
      ) : null}
      <TagPicker canCreate={false} excludeIds={ids} label="Find a tag to filter by" onPick={(tag) => onChange([...ids, tag.id])} />
    </div>
  );
}

/** Free values for `is any of` on text, number and id fields: typed comma-separated. */
function ListText({ field, value, onChange, invalid }: { field: FilterField; value: unknown[]; onChange: (value: unknown[]) => void; invalid?: boolean }) {
  const parse = (text: string) => {
    const parts = text.split(",").map((part) => part.trim()).filter(Boolean);
    return field.kind === "number" ? parts.map((part) => (Number.isFinite(Number(part)) ? Number(part) : part)) : parts;
  };
  // The text keeps what is being typed ("a, "); it is replaced only when the value changes from outside.
  const [text, setText] = useState(value.join(", "));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (JSON.stringify(parse(text)) !== JSON.stringify(value)) setText(value.join(", "));
  }
  return (
    <Input
      aria-label="Values, separated by commas"
      aria-invalid={invalid || undefined}
      className="min-w-0 flex-1"
      placeholder="a, b, c"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

/** The value part of a condition, shaped by the field's kind and the operator. */
export function ValueInput({ field, leaf, onChange, invalid }: {
  field: FilterField;
  leaf: FilterLeaf;
  onChange: (value: unknown) => void;
  invalid?: boolean;
}) {
  const shape = valueShape(leaf.operator);
  const value = leaf.value;
  switch (shape) {
    case "none":
      return null;
    case "relative": {
      const amount = (value ?? { n: 30, unit: "days" }) as RelativeDateValue;
      return (
        <div className="flex min-w-0 flex-1 items-center gap-1.5">
          <Input type="number" min={0} step={1} aria-label="Number" aria-invalid={invalid || undefined} className="w-20"
            value={Number.isFinite(amount.n) ? amount.n : ""}
            onChange={(event) => onChange({ ...amount, n: event.target.value === "" ? Number.NaN : Math.trunc(event.target.valueAsNumber) })} />
          <Select aria-label="Unit" className="w-28" value={amount.unit ?? "days"}
            options={relativeUnits.map((unit) => ({ value: unit, label: unit }))}
            onChange={(event) => onChange({ ...amount, unit: event.target.value })} />
          {leaf.operator === "moreThanAgo" ? <span className="text-[13px] text-muted-foreground">ago</span> : null}
        </div>
      );
    }
    case "pair": {
      const [low, high] = Array.isArray(value) ? value : [undefined, undefined];
      return (
        <div className="flex min-w-0 flex-1 items-center gap-1.5">
          <ScalarInput field={field} label="From" value={low} invalid={invalid} onChange={(next) => onChange([next, high])} />
          <span className="text-[13px] text-muted-foreground">and</span>
          <ScalarInput field={field} label="To" value={high} invalid={invalid} onChange={(next) => onChange([low, next])} />
        </div>
      );
    }
    case "list": {
      const list = Array.isArray(value) ? value : [];
      if (field.key === "tags") return <TagValues value={list} onChange={onChange} />;
      if (hasChoices(field)) return <ChoiceList field={field} value={list} onChange={onChange} invalid={invalid} />;
      return <ListText field={field} value={list} onChange={onChange} invalid={invalid} />;
    }
    default:
      return <ScalarInput field={field} label="Value" value={value} invalid={invalid} onChange={onChange} />;
  }
}
