import { seededContactId } from "@/db/seed/generate";
import { updateContact } from "@/server/contacts/service";
import { defineScenario } from "../types";

/** An inline edit on the profile: a random contact's title and score, with the field-level audit row. */
export default defineScenario({
  name: "contacts.update",
  run: (bench, _state, iteration) =>
    updateContact(bench.service, {
      id: seededContactId(bench.workspaceId, bench.rng.int(0, bench.contacts - 1)),
      // A value no seeded contact has, so every run really writes (an unchanged patch returns early).
      patch: { title: `Benchmark title ${Date.now().toString(36)}-${iteration}`, score: bench.rng.int(0, 100) },
    }),
});
