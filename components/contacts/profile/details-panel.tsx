"use client";

import { ExternalLink } from "lucide-react";
import { parseFormErrors, sentence } from "../form-errors";
import { standardFieldGroups, type StandardField } from "../fields";
import type { ContactPatch, ContactProfile } from "../types";
import { readCompany } from "./company";
import { currencyOf, customFieldKind, customTextToValue, customValueToText, parseInput, toDateTimeLocal } from "./field-values";
import { InlineField, type InlineFieldKind } from "./inline-field";
import { useUpdateContact } from "./use-update-contact";

function standardValue(profile: ContactProfile, field: StandardField): string {
  if (field.key === "company") return readCompany(profile).name ?? "";
  const value = (profile as Record<string, unknown>)[field.key];
  if (value === null || value === undefined) return "";
  if (field.kind === "datetime") return toDateTimeLocal(value as Date);
  return String(value);
}

function externalHref(field: StandardField, value: string): string | null {
  if (!value) return null;
  if (field.kind === "url") return /^https?:\/\//i.test(value) ? value : `https://${value}`;
  if (field.key === "twitterHandle") return `https://x.com/${value.replace(/^@/, "")}`;
  if (field.kind === "email") return `mailto:${value}`;
  if (field.kind === "tel") return `tel:${value}`;
  return null;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-0.5 border-b border-border px-4 py-3 last:border-b-0">
      <h2 className="mb-1 text-[12px] font-semibold tracking-wide text-muted-foreground uppercase">{title}</h2>
      {children}
    </section>
  );
}

export function DetailsPanel({ profile }: { profile: ContactProfile }) {
  const update = useUpdateContact(profile.id);

  const save = async (patch: ContactPatch, fieldKey: string): Promise<string | null> => {
    try {
      await update.mutateAsync({ id: profile.id, patch });
      return null;
    } catch (error) {
      const errors = parseFormErrors(error);
      const reason = errors.fieldErrors[fieldKey] ?? errors.formError ?? Object.values(errors.fieldErrors)[0] ?? "could not save";
      return `${sentence(reason)} — not saved`;
    }
  };

  const saveStandard = (field: StandardField) => async (text: string) => {
    const kind: InlineFieldKind = field.kind;
    const parsed = parseInput(kind, text);
    if (!parsed.ok) return parsed.error;
    return save({ [field.key]: parsed.value } as ContactPatch, field.key);
  };

  const definedNames = new Set(profile.customFieldDefinitions.map((definition) => definition.fieldName));
  const undefinedCustom = Object.entries(profile.customFields).filter(([name]) => !definedNames.has(name));

  return (
    <div className="flex flex-col" data-testid="contact-details">
      {standardFieldGroups.map((group) => (
        <Section key={group.title} title={group.title}>
          {group.fields.map((field) => {
            const value = standardValue(profile, field);
            const href = externalHref(field, value);
            return (
              <InlineField
                key={field.key}
                label={field.label}
                kind={field.kind}
                value={value}
                options={field.options}
                allowEmpty={field.key !== "lifecycleStage" && field.key !== "source"}
                onSave={saveStandard(field)}
                testId={`field-${field.key}`}
                adornment={
                  href && field.kind !== "email" && field.kind !== "tel" ? (
                    <a
                      href={href}
                      target="_blank"
                      rel="noreferrer noopener"
                      aria-label={`Open ${field.label}`}
                      className="shrink-0 rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
                    >
                      <ExternalLink className="size-3.5" />
                    </a>
                  ) : null
                }
              />
            );
          })}
        </Section>
      ))}
      <Section title="Custom fields">
        {profile.customFieldDefinitions.length === 0 && undefinedCustom.length === 0 ? (
          <p className="py-1 text-[12.5px] text-muted-foreground">This workspace has no custom fields for contacts yet.</p>
        ) : null}
        {profile.customFieldDefinitions.map((definition) => {
          const stored = profile.customFields[definition.fieldName];
          return (
            <InlineField
              key={definition.id}
              label={definition.label}
              kind={customFieldKind(definition.fieldType)}
              value={customValueToText(definition, stored)}
              options={definition.options}
              allowEmpty={!definition.required}
              placeholder={
                definition.fieldType === "multiselect" && definition.options.length > 0
                  ? definition.options.map((option) => option.label).join(", ")
                  : undefined
              }
              testId={`custom-field-${definition.fieldName}`}
              adornment={
                definition.fieldType === "currency" ? (
                  <span className="shrink-0 pr-1 text-[12px] text-muted-foreground">{currencyOf(definition, stored)}</span>
                ) : null
              }
              onSave={async (text) => {
                const parsed = customTextToValue(definition, text, stored);
                if (!parsed.ok) return parsed.error;
                return save({ customFields: { [definition.fieldName]: parsed.value } }, `customFields.${definition.fieldName}`);
              }}
            />
          );
        })}
        {/* Values whose definition is archived or was never created: the server refuses writes to them, so read-only. */}
        {undefinedCustom.map(([name, value]) => (
          <div key={name} className="grid grid-cols-[120px_minmax(0,1fr)] items-center gap-x-2 py-0.5" data-testid={`custom-field-${name}`}>
            <span className="flex h-7 items-center truncate text-[12.5px] text-muted-foreground" title="No active field definition">
              {name}
            </span>
            <span className="truncate px-2 text-[13px] text-muted-foreground">{customValueToText({ fieldType: "text" }, value)}</span>
          </div>
        ))}
      </Section>
    </div>
  );
}
