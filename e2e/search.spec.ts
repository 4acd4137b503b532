import type { Page } from "@playwright/test";
import { expect, newAccount, signUpViaApi, test } from "./fixtures";

async function trpc<T>(page: Page, path: string, input?: unknown, method: "GET" | "POST" = "GET"): Promise<T> {
  const response =
    method === "POST"
      ? await page.request.post(`/api/trpc/${path}`, { data: { json: input ?? null } })
      : await page.request.get(`/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

const people = [
  { firstName: "John", lastName: "Smith", company: "Stripe", title: "Account Executive" },
  { firstName: "José", lastName: "Álvarez", company: "Globex Logistics", title: "Warehouse Manager" },
  { firstName: "Priya", lastName: "Raman", company: "Nimbus Software", title: "Chief Technology Officer", department: "Engineering" },
  { firstName: "Hannah", lastName: "Ortiz", company: "Bluebird Bakery", title: "Store Assistant" },
];

test.describe("search", () => {
  test("the palette finds people from three letters, through a typo, and by meaning", async ({ page }) => {
    await signUpViaApi(page, newAccount("Search"));
    const stamp = Date.now().toString(36);
    for (const [index, person] of people.entries()) {
      await trpc(page, "contacts.create", { ...person, email: `${person.firstName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()}.${index}.${stamp}@example.com` }, "POST");
    }

    await page.goto("/contacts");
    await expect(page.getByTestId("contacts-count")).toHaveText("4 contacts");

    // Three letters: John Smith, with the match marked.
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Search contacts" });
    const input = palette.getByRole("combobox", { name: "Search contacts" });
    await expect(input).toBeFocused();
    await input.fill("smi");
    const john = palette.getByRole("option").filter({ hasText: "John Smith" });
    await expect(john).toBeVisible();
    await expect(john.locator("mark").first()).toHaveText(/smi/i);
    await expect(palette.getByTestId("search-summary")).toHaveText("1 contact");

    // A typo'd full name still finds him; Enter opens the first result.
    await input.fill("jonh smiht");
    await expect(palette.getByRole("option").first()).toContainText("John Smith");
    await expect(palette.getByTestId("search-summary")).toContainText("Also searched");
    await input.press("Enter");
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "John Smith" })).toBeVisible();

    // The search is remembered; accents are folded ("jose" finds José) from the box above the table.
    await page.goto("/contacts");
    await page.getByTestId("table-search").pressSequentially("j");
    await expect(palette).toBeVisible();
    await input.pressSequentially("ose");
    await expect(palette.getByRole("option").filter({ hasText: "José Álvarez" })).toBeVisible();
    await input.fill("");
    await expect(palette.getByRole("listbox", { name: "Recent searches" })).toContainText("jonh smiht");
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();

    // By meaning: embeddings are computed by a job; wait until every contact has one.
    const capabilities = await trpc<{ semantic: boolean }>(page, "search.capabilities");
    expect(capabilities.semantic, "the embedded database has pgvector, so semantic search must be on").toBe(true);
    await trpc(page, "search.reindexEmbeddings", undefined, "POST");
    await expect
      .poll(async () => (await trpc<{ embedded: number; liveContacts: number }>(page, "search.embeddingStatus")).embedded, { timeout: 60_000 })
      .toBe(people.length);

    await page.getByRole("button", { name: /Search contacts/ }).first().click();
    await palette.getByRole("radio", { name: "semantic" }).click();
    await input.fill("decision makers at tech companies");
    const first = palette.getByRole("option").first();
    await expect(first).toContainText("Priya Raman", { timeout: 30_000 });
    await expect(first.getByTestId("semantic-explanation")).not.toBeEmpty();
  });
});
