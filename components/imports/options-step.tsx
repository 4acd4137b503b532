"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TargetOption } from "./mapping-state";
import { parseTags, type WizardOptions } from "./options";

function Toggle({ label, hint, checked, onChange, children }: { label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void; children?: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border p-3">
      <label className="flex items-start gap-2.5">
        <Checkbox className="mt-0.5" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        <span className="flex flex-col gap-0.5">
          <span className="text-[13px] font-medium">{label}</span>
          <span className="text-[12px] text-muted-foreground">{hint}</span>
        </span>
      </label>
      {children}
    </div>
  );
}

/** Step 3: what happens to existing contacts and invalid rows, and what every imported contact gets. */
export function OptionsStep({ options, onChange, matchKeys }: { options: WizardOptions; onChange: (options: WizardOptions) => void; matchKeys: TargetOption[] }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.workspaces.members.list.queryOptions());
  const set = (patch: Partial<WizardOptions>) => onChange({ ...options, ...patch });
  const tags = parseTags(options.tagsText);

  return (
    <div className="grid max-w-2xl gap-3">
      <Toggle
        label="Update existing contacts"
        hint="A row that matches a contact already in the workspace updates it. Off: such rows are skipped and the contact is left as it is."
        checked={options.updateExisting}
        onChange={(updateExisting) => set({ updateExisting })}
      >
        {options.updateExisting ? (
          <Field label="Match existing contacts on" className="ml-6.5 max-w-sm" hint="Email, or a mapped custom field holding an id from the other system.">
            {(control) => <Select {...control} value={options.matchOn} onChange={(event) => set({ matchOn: event.target.value })} options={matchKeys} />}
          </Field>
        ) : null}
      </Toggle>
      <Toggle
        label="Skip invalid rows"
        hint="Rows with errors are left out and listed in the failed-rows file. Off: any invalid row stops the import and nothing is written."
        checked={options.skipInvalid}
        onChange={(skipInvalid) => set({ skipInvalid })}
      />
      <Toggle
        label="Notify me when it is done"
        hint="A notification links back to the import's results."
        checked={options.notifyOnComplete}
        onChange={(notifyOnComplete) => set({ notifyOnComplete })}
      />
      <Field label="Tags to add to every imported contact" hint="Separate tags with commas; missing tags are created.">
        {(control) => <Input {...control} placeholder="e.g. Pipedrive import, Q3 event" value={options.tagsText} onChange={(event) => set({ tagsText: event.target.value })} />}
      </Field>
      {tags.length > 0 ? (
        <div className="-mt-1 flex flex-wrap gap-1">
          {tags.map((tag) => (
            <Badge key={tag} tone="purple">
              {tag}
            </Badge>
          ))}
        </div>
      ) : null}
      <Field label="Owner of new contacts" hint={members.isError ? `Members could not be loaded: ${members.error.message}` : undefined}>
        {(control) => (
          <Select {...control} value={options.ownerId} onChange={(event) => set({ ownerId: event.target.value })} disabled={members.isPending}>
            <option value="">Me (the person importing)</option>
            {members.data
              ?.filter((m) => !m.isYou)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name || m.email}
                </option>
              ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
