// A fast contacts generator for the search benchmark, for databases the project seed has not filled:
// `DATABASE_URL=… npx tsx bench/scenarios/search-seed.ts --contacts 1000000`. Names come from faker's
// English, French, German and Spanish locales (so accents occur), companies, titles, phones and emails
// from faker, a fifth of the contacts get a note, half get tags. Contacts go in through plain INSERTs,
// so the search triggers build contact_search exactly as they do for any other writer.
import { allFakers } from "@faker-js/faker";
import postgres from "postgres";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const total = Number(flag("contacts", "100000"));
const batchSize = Number(flag("batch", "5000"));
const url = process.env.DATABASE_URL;
if (!url) throw new Error("set DATABASE_URL");

const sql = postgres(url, { max: 2, prepare: false, onnotice: () => {} });
const locales = [allFakers.en, allFakers.en, allFakers.en, allFakers.en_US, allFakers.fr, allFakers.de, allFakers.es];
const sources = ["manual", "import", "import", "import", "website", "email", "api", "linkedin", "enrichment"] as const;
const faker = allFakers.en;
faker.seed(42);

const slug = `bench-search-${Date.now()}`;
const [workspace] = await sql<{ id: string }[]>`insert into workspaces (name, slug) values ('Search bench', ${slug}) returning id`;
const workspaceId = workspace!.id;
const tagNames = ["vip", "newsletter", "partner", "churn-risk", "conference-2024", "trial", "enterprise", "smb", "investor", "press"];
const tags = await sql<{ id: string }[]>`insert into tags ${sql(tagNames.map((name) => ({ workspace_id: workspaceId, name })))} returning id`;

const started = Date.now();
for (let offset = 0; offset < total; offset += batchSize) {
  const rows = [];
  const n = Math.min(batchSize, total - offset);
  for (let i = 0; i < n; i++) {
    const f = locales[(offset + i) % locales.length]!;
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    rows.push({
      workspace_id: workspaceId,
      email: `${offset + i}.${faker.internet.email({ firstName, lastName })}`.toLowerCase(),
      first_name: firstName,
      last_name: lastName,
      phone: faker.datatype.boolean(0.7) ? faker.phone.number() : null,
      company: faker.datatype.boolean(0.85) ? faker.company.name() : null,
      title: faker.datatype.boolean(0.8) ? faker.person.jobTitle() : null,
      source: sources[(offset * 7 + i * 13) % sources.length]!,
      score: faker.number.int({ min: 0, max: 100 }),
    });
  }
  const inserted = await sql<{ id: string }[]>`insert into contacts ${sql(rows)} returning id`;
  const links = inserted.flatMap((row, i) =>
    (i % 2 === 0 ? [tags[i % tags.length]!, ...(i % 6 === 0 ? [tags[(i + 3) % tags.length]!] : [])] : []).map((tag) => ({
      workspace_id: workspaceId, contact_id: row.id, tag_id: tag.id,
    })),
  );
  if (links.length > 0) await sql`insert into contact_tags ${sql(links)}`;
  const notes = inserted.filter((_, i) => i % 5 === 0).map((row) => ({
    workspace_id: workspaceId, contact_id: row.id, body: faker.lorem.sentence({ min: 8, max: 20 }),
  }));
  if (notes.length > 0) await sql`insert into notes ${sql(notes)}`;
  if ((offset / batchSize) % 20 === 0) {
    console.log(`${offset + n} contacts, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
await sql`vacuum analyze contact_search`.catch(() => {});
await sql`analyze contacts`;
console.log(`workspace ${workspaceId}: ${total} contacts in ${((Date.now() - started) / 1000).toFixed(0)} s`);
await sql.end();
