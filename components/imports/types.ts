import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type RouterOutputs = inferRouterOutputs<AppRouter>;
type RouterInputs = inferRouterInputs<AppRouter>;

export type ImportPreview = RouterOutputs["imports"]["preview"];
export type PreviewColumn = ImportPreview["columns"][number];
export type ExistingCustomField = ImportPreview["customFields"][number];
export type SuggestedCustomField = ImportPreview["newCustomFields"][number];
export type DryRunResult = RouterOutputs["imports"]["dryRun"];
export type ImportDetail = RouterOutputs["imports"]["get"];
export type ImportListItem = RouterOutputs["imports"]["list"]["nodes"][number];
export type ImportIssueRow = RouterOutputs["imports"]["issues"]["nodes"][number];
export type ImportContactsInput = RouterInputs["imports"]["importContacts"];
export type ImportOptionsInput = NonNullable<ImportContactsInput["options"]>;
export type UndoResult = RouterOutputs["imports"]["undo"];

/** A column's target: a standard field, `customFields.<key>`, or null to leave the column out. */
export type Mapping = Record<string, string | null>;
