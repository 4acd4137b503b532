import { and, eq, inArray } from "drizzle-orm";
import { auditLog, contacts } from "@/db/schema";
import { createContact } from "@/server/contacts/service";
import { defineScenario } from "../types";

/** A new contact through the service: duplicate check, custom-field validation, insert and audit row in one transaction. */
export default defineScenario<{ created: string[]; tag: string }>({
  name: "contacts.create",
  setup: async () => ({ created: [], tag: `${Date.now().toString(36)}-${process.pid}` }),
  async run(bench, state, iteration) {
    const contact = await createContact(bench.service, {
      email: `bench-${state.tag}-${iteration}@bench.haste.local`,
      firstName: "Bench",
      lastName: `Contact ${iteration}`,
      phone: "+493012345678",
      company: "Benchmark GmbH",
      title: "Head of Performance",
      lifecycleStage: "lead",
      score: bench.rng.int(0, 100),
      customFields: { newsletter: true, seats: 25 },
    });
    state.created.push(contact.id);
    return contact;
  },
  // The runs' contacts are removed (with their audit rows) so every benchmark sees the seeded workspace as it was.
  async teardown(bench, state) {
    for (let offset = 0; offset < state.created.length; offset += 500) {
      const ids = state.created.slice(offset, offset + 500);
      await bench.db.delete(auditLog).where(and(eq(auditLog.workspaceId, bench.workspaceId), eq(auditLog.entityType, "contact"), inArray(auditLog.entityId, ids)));
      await bench.db.delete(contacts).where(and(eq(contacts.workspaceId, bench.workspaceId), inArray(contacts.id, ids)));
    }
  },
});
