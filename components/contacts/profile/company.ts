import type { ContactProfile } from "../types";

type CompanyRecordShape = { id: string; name: string; domain: string | null; industry: string | null; website: string | null };

/**
 * contacts.get currently returns the linked company record under `company`, the key where the contact
 * row keeps its free-text company name, so the text is lost. This reads both that shape and a separate
 * `companyRecord` key, so the profile keeps working once the server stops overwriting the text field.
 */
export function readCompany(profile: ContactProfile): { record: CompanyRecordShape | null; name: string | null } {
  const value: unknown = profile.company;
  const separate = (profile as { companyRecord?: CompanyRecordShape | null }).companyRecord;
  if (typeof value === "string" || value === null) return { record: separate ?? null, name: value };
  const record = (value as CompanyRecordShape | undefined) ?? separate ?? null;
  return { record, name: record?.name ?? null };
}
