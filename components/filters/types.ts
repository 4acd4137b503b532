import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type RouterOutputs = inferRouterOutputs<AppRouter>;

export type FilterFieldCatalogue = RouterOutputs["filters"]["filterFields"];
/** One field a filter, a sort or a column may name, as server/filters/service.ts describes it. */
export type FilterField = FilterFieldCatalogue["fields"][number];
export type FieldKind = FilterField["kind"];

export type { FilterGroup, FilterLeaf, FilterNode, FilterOperator, RelativeDateValue, RelativeUnit, SortKey } from "@/server/filters/types";
export { operatorLabels, relativeUnits } from "@/server/filters/types";
