import { listContacts } from "@/server/contacts/service";
import { defineScenario } from "../types";

/** The contacts page as it opens: newest 50, with the total count. */
export default defineScenario({
  name: "contacts.list.first",
  run: (bench) => listContacts(bench.service, { first: 50 }),
});
