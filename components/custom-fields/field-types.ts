import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type CustomFieldDefinition = inferRouterOutputs<AppRouter>["customFields"]["listCustomFields"][number];
export type CustomFieldType = CustomFieldDefinition["fieldType"];
export type CustomFieldObjectType = CustomFieldDefinition["objectType"];

/** The twelve types, in the order the picker lists them, with what each one stores. */
export const customFieldTypeOptions: ReadonlyArray<{ value: CustomFieldType; label: string; hint: string }> = [
  { value: "text", label: "Text", hint: "One line of text" },
  { value: "textarea", label: "Long text", hint: "Several lines" },
  { value: "number", label: "Number", hint: "Any number, sorted numerically" },
  { value: "currency", label: "Currency", hint: "An amount with its currency code" },
  { value: "date", label: "Date", hint: "A calendar day" },
  { value: "datetime", label: "Date and time", hint: "A moment, shown in the viewer's time zone" },
  { value: "boolean", label: "Yes / no", hint: "A checkbox" },
  { value: "select", label: "Single select", hint: "One of a list of options" },
  { value: "multiselect", label: "Multi select", hint: "Any of a list of options" },
  { value: "url", label: "URL", hint: "A web address" },
  { value: "email", label: "Email", hint: "An email address" },
  { value: "phone", label: "Phone", hint: "A phone number, stored in E.164 when it parses" },
];

export const typeLabel = (type: CustomFieldType) => customFieldTypeOptions.find((option) => option.value === type)?.label ?? type;
export const hasOptions = (type: CustomFieldType) => type === "select" || type === "multiselect";

/** "Annual budget (EUR)" → "annualBudgetEur": a stable key that satisfies the server's pattern. */
export function fieldNameFromLabel(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w\s]/g, " ")
    .replace(/_/g, " ")
    .trim()
    .split(/\s+/)
    // A key starts with a letter, so leading words that do not ("2024 renewal") are left out.
    .filter(Boolean)
    .filter((word, index, all) => all.slice(0, index + 1).some((w) => /^[A-Za-z]/.test(w)));
  return words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join("").slice(0, 40);
}

/** An option's stored value from its label, unique among `taken`. */
export function optionValueFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base = label.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 90) || "option";
  let value = base;
  for (let n = 2; taken.has(value); n++) value = `${base}_${n}`;
  return value;
}
