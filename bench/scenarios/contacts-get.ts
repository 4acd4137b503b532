import { seededContactId } from "@/db/seed/generate";
import { getContactProfile } from "@/server/contacts/service";
import { defineScenario } from "../types";

/** The profile page: contact, company, tags, latest activities, deals, emails and custom fields of a random contact. */
export default defineScenario({
  name: "contacts.get",
  run: (bench) => getContactProfile(bench.service, { id: seededContactId(bench.workspaceId, bench.rng.int(0, bench.contacts - 1)) }),
});
