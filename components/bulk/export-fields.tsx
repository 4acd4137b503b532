"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Checkbox } from "@/components/ui/checkbox";
import { standardExportFields } from "@/server/exports/schemas";

const labels: Partial<Record<(typeof standardExportFields)[number], string>> = {
  id: "Contact id", email: "Email", firstName: "First name", lastName: "Last name", phone: "Phone", mobile: "Mobile",
  company: "Company", title: "Title", department: "Department", addressLine1: "Address line 1", addressLine2: "Address line 2",
  city: "City", state: "State", country: "Country", postalCode: "Postal code", source: "Source", score: "Score",
  lifecycleStage: "Lifecycle stage", linkedinUrl: "LinkedIn", twitterHandle: "Twitter", facebookUrl: "Facebook", website: "Website",
  ownerId: "Owner", lastActivityAt: "Last activity", lastContactedAt: "Last contacted", createdAt: "Created", updatedAt: "Updated",
};

/** Every exportable column: the standard fields, tags, and the workspace's live custom fields. */
export function useExportFieldChoices(enabled: boolean) {
  const trpc = useTRPC();
  const custom = useQuery({ ...trpc.customFields.listCustomFields.queryOptions({ objectType: "contact" }), enabled });
  return [
    ...standardExportFields.map((field) => ({ value: field as string, label: labels[field] ?? field })),
    { value: "tags", label: "Tags" },
    ...(custom.data ?? []).filter((definition) => !definition.archivedAt).map((definition) => ({ value: `customFields.${definition.fieldName}`, label: definition.label })),
  ];
}

/** Checkboxes for the columns of an export; `selected` null means all of them (the server's default). */
export function ExportFieldPicker({
  choices, selected, onChange,
}: { choices: Array<{ value: string; label: string }>; selected: string[] | null; onChange: (fields: string[] | null) => void }) {
  const chosen = new Set(selected ?? choices.map((choice) => choice.value));
  const toggle = (value: string, checked: boolean) => {
    const next = choices.map((choice) => choice.value).filter((field) => (field === value ? checked : chosen.has(field)));
    onChange(next.length === choices.length ? null : next);
  };
  return (
    <fieldset className="space-y-2">
      <div className="flex items-center justify-between text-[13px]">
        <legend className="font-medium">Columns ({chosen.size} of {choices.length})</legend>
        <span className="flex gap-2">
          <button type="button" className="text-[12px] underline" onClick={() => onChange(null)}>All</button>
          <button type="button" className="text-[12px] underline" onClick={() => onChange(["email"])}>Only email</button>
        </span>
      </div>
      <div className="grid max-h-56 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-border p-2">
        {choices.map((choice) => (
          <label key={choice.value} className="flex items-center gap-2 text-[13px]">
            <Checkbox checked={chosen.has(choice.value)} onChange={(event) => toggle(choice.value, event.target.checked)} />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
