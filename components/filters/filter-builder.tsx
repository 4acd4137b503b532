"use client";

import { ListPlus, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/select";
import {
  appendAt, childrenOf, defaultLeaf, groupKind, isGroup, removeAt, replaceAt, samePath, setGroupKindAt, withOperator,
  type EditableGroup, type Path, type TreeProblem,
} from "./model";
import { operatorLabels, type FilterField, type FilterLeaf, type FilterOperator } from "./types";
import { ValueInput } from "./value-input";

/** Groups nest this deep in the builder (the server allows more; people rarely read beyond three). */
const MAX_BUILDER_DEPTH = 3;

const fieldGroups: Array<{ group: FilterField["group"]; label: string }> = [
  { group: "contact", label: "Contact" },
  { group: "company", label: "Company record" },
  { group: "custom", label: "Custom fields" },
];

const operatorText = (operator: FilterOperator) => (operator === "moreThanAgo" ? "more than" : operatorLabels[operator]);

interface BuilderProps {
  fields: readonly FilterField[];
  fieldsByKey: ReadonlyMap<string, FilterField>;
  problems: readonly TreeProblem[];
}

function FieldSelect({ fields, value, onChange }: { fields: readonly FilterField[]; value: string; onChange: (field: FilterField) => void }) {
  const known = fields.some((field) => field.key === value);
  return (
    <Select
      aria-label="Field"
      className="w-48 shrink-0"
      value={value}
      onChange={(event) => {
        const field = fields.find((candidate) => candidate.key === event.target.value);
        if (field) onChange(field);
      }}
    >
      {!known ? <option value={value}>{value} (unavailable)</option> : null}
      {fieldGroups.map(({ group, label }) => (
        <optgroup key={group} label={label}>
          {fields
            .filter((field) => field.group === group && field.key !== "id")
            .map((field) => (
              <option key={field.key} value={field.key}>
                {field.label}
              </option>
            ))}
        </optgroup>
      ))}
    </Select>
  );
}

function LeafEditor({ leaf, path, onChange, onRemove, fields, fieldsByKey, problems }: BuilderProps & {
  leaf: FilterLeaf;
  path: Path;
  onChange: (leaf: FilterLeaf) => void;
  onRemove: () => void;
}) {
  const field = fieldsByKey.get(leaf.field);
  const problem = problems.find((candidate) => samePath(candidate.path, path));
  return (
    <div className="flex flex-col gap-1" data-testid="filter-condition">
      <div className="flex items-start gap-1.5">
        <FieldSelect fields={fields} value={leaf.field} onChange={(next) => onChange(defaultLeaf(next))} />
        {field ? (
          <Select
            aria-label="Operator"
            className="w-40 shrink-0"
            value={leaf.operator}
            options={field.operators.map((operator) => ({ value: operator, label: operatorText(operator) }))}
            onChange={(event) => onChange(withOperator(leaf, field, event.target.value as FilterOperator))}
          />
        ) : null}
        {field ? <ValueInput field={field} leaf={leaf} invalid={!!problem} onChange={(value) => onChange({ ...leaf, value })} /> : <div className="flex-1" />}
        <Button variant="ghost" size="icon" aria-label="Remove condition" onClick={onRemove} className="shrink-0">
          <Trash2 />
        </Button>
      </div>
      {problem ? (
        <p role="alert" className="pl-1 text-[12px] text-destructive">
          {problem.message}
        </p>
      ) : null}
    </div>
  );
}

function GroupEditor({ group, path, root, onRootChange, ...props }: BuilderProps & {
  group: EditableGroup;
  path: Path;
  root: EditableGroup;
  onRootChange: (root: EditableGroup) => void;
}) {
  const kind = groupKind(group);
  const children = childrenOf(group);
  const depth = path.length;
  const problem = depth > 0 ? props.problems.find((candidate) => samePath(candidate.path, path)) : undefined;
  const firstField = props.fields.find((field) => field.key === "email") ?? props.fields[0];

  return (
    <div
      role="group"
      aria-label={depth === 0 ? "Filter conditions" : "Condition group"}
      className={cn("flex flex-col gap-2", depth > 0 && "rounded-lg border border-border bg-surface/60 p-2.5", problem && "border-destructive/60")}
    >
      <div className="flex items-center gap-2 text-[13px]">
        <span className="text-muted-foreground">{depth === 0 ? "Contacts matching" : "Match"}</span>
        <Select
          aria-label={depth === 0 ? "Match all or any" : "Group matches all or any"}
          className="w-24"
          value={kind}
          options={[{ value: "and", label: "all" }, { value: "or", label: "any" }]}
          onChange={(event) => onRootChange(setGroupKindAt(root, path, event.target.value as "and" | "or"))}
        />
        <span className="text-muted-foreground">of these conditions</span>
        {depth > 0 ? (
          <Button variant="ghost" size="sm" className="ml-auto" onClick={() => onRootChange(removeAt(root, path))}>
            Remove group
          </Button>
        ) : null}
      </div>
      {children.map((child, index) => {
        const at = [...path, index];
        return (
          <div key={at.join(".")} className="flex gap-2">
            <span className="w-8 shrink-0 pt-2 text-right text-[12px] text-muted-foreground">{index === 0 ? "" : kind}</span>
            <div className="min-w-0 flex-1">
              {isGroup(child) ? (
                <GroupEditor {...props} group={child} path={at} root={root} onRootChange={onRootChange} />
              ) : (
                <LeafEditor
                  {...props}
                  leaf={child}
                  path={at}
                  onChange={(leaf) => onRootChange(replaceAt(root, at, leaf))}
                  onRemove={() => onRootChange(removeAt(root, at))}
                />
              )}
            </div>
          </div>
        );
      })}
      {problem ? <p role="alert" className="text-[12px] text-destructive">{problem.message}</p> : null}
      <div className="flex items-center gap-1 pl-10">
        <Button variant="ghost" size="sm" disabled={!firstField} onClick={() => firstField && onRootChange(appendAt(root, path, defaultLeaf(firstField)))}>
          <Plus />
          {depth === 0 ? "Add condition" : "Add condition to group"}
        </Button>
        {depth < MAX_BUILDER_DEPTH ? (
          <Button
            variant="ghost"
            size="sm"
            disabled={!firstField}
            onClick={() => firstField && onRootChange(appendAt(root, path, { [kind === "and" ? "or" : "and"]: [defaultLeaf(firstField)] } as EditableGroup))}
          >
            <ListPlus />
            Add group
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** A nested and/or filter editor; controlled, so the caller decides when a draft is applied. */
export function FilterBuilder({ value, onChange, ...props }: BuilderProps & { value: EditableGroup; onChange: (root: EditableGroup) => void }) {
  return <GroupEditor {...props} group={value} path={[]} root={value} onRootChange={onChange} />;
}
