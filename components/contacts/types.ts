import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type RouterOutputs = inferRouterOutputs<AppRouter>;
type RouterInputs = inferRouterInputs<AppRouter>;

export type ContactListPage = RouterOutputs["contacts"]["list"];
export type ContactListItem = ContactListPage["nodes"][number];
export type ContactProfile = RouterOutputs["contacts"]["get"];
export type ContactHistory = RouterOutputs["contacts"]["history"];
export type ContactHistoryEntry = ContactHistory["entries"][number];
export type CreateContactInput = RouterInputs["contacts"]["create"];
export type ContactPatch = RouterInputs["contacts"]["update"]["patch"];
export type CustomFieldDefinition = ContactProfile["customFieldDefinitions"][number];
