import type { Scenario } from "../types";
import bulkExport from "./bulk-export";
import bulkUpdate from "./bulk-update";
import contactsCreate from "./contacts-create";
import contactsGet from "./contacts-get";
import contactsListFirst from "./contacts-list-first";
import contactsListPage200 from "./contacts-list-page-200";
import contactsUpdate from "./contacts-update";
import { filterScenarios } from "./filters";
import importCsv from "./import-csv";
import { searchBroadWithFacets, searchFullName, searchPrefix3, searchTypo } from "./search";
import searchSemantic from "./search-semantic";

/**
 * What `npm run bench` measures, in this order. A scenario is a file here whose default export is
 * `defineScenario({ name, setup?, run, teardown? })`; list it below to include it. The list is explicit
 * because this folder also holds seeders and standalone benchmark scripts with side effects at import,
 * which the harness must never load by globbing.
 */
export const scenarios: ReadonlyArray<Scenario<unknown>> = [
  contactsListFirst,
  contactsListPage200,
  contactsGet,
  contactsCreate,
  contactsUpdate,
  ...filterScenarios,
  searchPrefix3,
  searchFullName,
  searchTypo,
  searchBroadWithFacets,
  searchSemantic,
  bulkUpdate,
  bulkExport,
  importCsv,
];
