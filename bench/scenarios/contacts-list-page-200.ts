import { listContacts } from "@/server/contacts/service";
import { defineScenario } from "../types";

const PAGE = 200;
const PAGE_SIZE = 50;

/** Deep keyset pagination: page 200 of 50 should cost what page 1 does. The cursor is found by walking once. */
export default defineScenario<{ after: string; walkSeconds: number }>({
  name: "contacts.list.page200",
  async setup(bench) {
    if (bench.contacts < PAGE * PAGE_SIZE) return { skip: `needs at least ${PAGE * PAGE_SIZE} contacts` };
    const started = performance.now();
    let after: string | null = null;
    for (let page = 1; page < PAGE; page++) {
      const result: Awaited<ReturnType<typeof listContacts>> = await listContacts(bench.service, { first: PAGE_SIZE, after });
      after = result.pageInfo.endCursor;
      if (!after || !result.pageInfo.hasNextPage) return { skip: `the list ended at page ${page}` };
    }
    return { after: after!, walkSeconds: Math.round((performance.now() - started) / 10) / 100 };
  },
  async run(bench, state) {
    const result = await listContacts(bench.service, { first: PAGE_SIZE, after: state.after });
    if (result.nodes.length !== PAGE_SIZE) throw new Error(`page ${PAGE} returned ${result.nodes.length} contacts`);
    return result;
  },
  report: (state) => ({ walkSeconds: state.walkSeconds }),
});
