"use client";

import { ArrowDown, ArrowUp, Columns3 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Popover } from "./popover";

export interface ColumnChoice {
  id: string;
  label: string;
  /** Heading the column is listed under when hidden ("Contact", "Custom fields"). */
  group: string;
  /** Columns that cannot be hidden (the one holding the row's link). */
  isRequired?: boolean;
}

/** Show, hide and order columns; the keyboard-friendly twin of dragging headers. */
export function ColumnChooser({
  choices,
  visible: visibleProp,
  onChange,
}: {
  choices: readonly ColumnChoice[];
  visible: readonly string[];
  onChange: (visible: string[]) => void;
}) {
  const [query, setQuery] = useState("");
  // Ticks apply at once here; the caller's value (often the URL) may take a render to catch up.
  const [local, setLocal] = useState(visibleProp);
  const [seen, setSeen] = useState(visibleProp);
  if (seen !== visibleProp) {
    setSeen(visibleProp);
    setLocal(visibleProp);
  }
  const visible = local;
  const change = (next: string[]) => {
    setLocal(next);
    onChange(next);
  };
  const byId = new Map(choices.map((choice) => [choice.id, choice]));
  const matches = (choice: ColumnChoice) => choice.label.toLowerCase().includes(query.trim().toLowerCase());
  const shown = visible.map((id) => byId.get(id)).filter((choice): choice is ColumnChoice => !!choice && matches(choice));
  const hidden = choices.filter((choice) => !visible.includes(choice.id) && matches(choice));
  const groups = [...new Set(hidden.map((choice) => choice.group))];

  const move = (id: string, step: -1 | 1) => {
    const next = [...visible];
    const index = next.indexOf(id);
    const target = index + step;
    if (index === -1 || target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target]!, next[index]!];
    change(next);
  };

  return (
    <Popover
      label="Columns"
      align="end"
      className="w-72"
      trigger={({ toggle, ...aria }) => (
        <Button variant="outline" size="sm" onClick={toggle} {...aria}>
          <Columns3 />
          Columns
        </Button>
      )}
    >
      <div className="border-b border-border p-2">
        <Input autoFocus placeholder="Find a column" value={query} onChange={(event) => setQuery(event.target.value)} aria-label="Find a column" />
      </div>
      <div className="max-h-96 overflow-y-auto p-1">
        <p className="px-2 pt-1.5 pb-1 text-[12px] font-medium text-muted-foreground">Shown</p>
        <ul>
          {shown.map((choice, index) => (
            <li key={choice.id} className="flex h-8 items-center gap-2 rounded-md px-2 text-[13px] hover:bg-accent">
              <label className="flex min-w-0 flex-1 items-center gap-2">
                <Checkbox
                  checked
                  disabled={choice.isRequired}
                  onChange={() => change(visible.filter((id) => id !== choice.id))}
                />
                <span className="truncate">{choice.label}</span>
              </label>
              <button type="button" aria-label={`Move ${choice.label} left`} disabled={index === 0 || !!query} onClick={() => move(choice.id, -1)} className="rounded p-0.5 text-muted-foreground hover:text-foreground disabled:opacity-30">
                <ArrowUp className="size-3.5" />
              </button>
              <button type="button" aria-label={`Move ${choice.label} right`} disabled={index === shown.length - 1 || !!query} onClick={() => move(choice.id, 1)} className="rounded p-0.5 text-muted-foreground hover:text-foreground disabled:opacity-30">
                <ArrowDown className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
        {groups.map((group) => (
          <div key={group}>
            <p className="px-2 pt-2.5 pb-1 text-[12px] font-medium text-muted-foreground">{group}</p>
            <ul>
              {hidden.filter((choice) => choice.group === group).map((choice) => (
                <li key={choice.id}>
                  <label className="flex h-8 items-center gap-2 rounded-md px-2 text-[13px] hover:bg-accent">
                    <Checkbox checked={false} onChange={() => change([...visible, choice.id])} />
                    <span className="truncate">{choice.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {shown.length === 0 && hidden.length === 0 ? <p className="px-2 py-3 text-[13px] text-muted-foreground">No column matches.</p> : null}
      </div>
    </Popover>
  );
}
