import { pgEnum } from "drizzle-orm/pg-core";

// Shared by contacts and companies: where a record came from.
export const contactSources = ["manual", "import", "website", "email", "api", "linkedin", "enrichment"] as const;
export type ContactSource = (typeof contactSources)[number];
export const recordSourceEnum = pgEnum("record_source", contactSources);
