import type { Locator, Page } from "@playwright/test";
import { expect, newAccount, signUpViaApi, test } from "./fixtures";

interface CreatedContact {
  id: string;
  email: string;
}

async function createContact(page: Page, data: Record<string, unknown>): Promise<CreatedContact> {
  const response = await page.request.post("/api/trpc/contacts.create", { data: { json: data } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: CreatedContact } } }).result.data.json;
}

const rowOf = (page: Page, email: string): Locator => page.getByRole("row").filter({ hasText: email });

test("a nested filter is built in the UI, saved as a view, reopened from its link, and a dynamic segment follows an edit", async ({ page, context }) => {
  const account = newAccount("Filters");
  await signUpViaApi(page, account);
  const stamp = Date.now().toString(36);
  const email = (name: string) => `${name}-${stamp}@example.com`;

  // Score ≥ 50 and (stage is customer, or city is Paris): Ada and Dan match; Bea (a Berlin lead) and Cy (score 20) do not.
  const ada = await createContact(page, { email: email("ada"), firstName: "Ada", score: 80, lifecycleStage: "customer", city: "Berlin" });
  const bea = await createContact(page, { email: email("bea"), firstName: "Bea", score: 90, lifecycleStage: "lead", city: "Berlin" });
  const cy = await createContact(page, { email: email("cy"), firstName: "Cy", score: 20, lifecycleStage: "customer", city: "Rome" });
  const dan = await createContact(page, { email: email("dan"), firstName: "Dan", score: 75, lifecycleStage: "MQL", city: "Paris" });

  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-count")).toHaveText("4 contacts");

  // Build the nested filter in the builder.
  await page.getByTestId("filter-button").click();
  const builder = page.getByRole("dialog", { name: "Filter contacts" });
  await builder.getByRole("button", { name: "Add condition", exact: true }).click();
  const first = builder.getByTestId("filter-condition").first();
  await first.getByLabel("Field").selectOption("score");
  await first.getByLabel("Operator").selectOption("gte");
  await first.getByLabel("Value").fill("50");

  await builder.getByRole("button", { name: "Add group" }).last().click();
  const group = builder.getByRole("group", { name: "Condition group" });
  await group.getByLabel("Group matches all or any").selectOption("or");
  const stage = group.getByTestId("filter-condition").first();
  await stage.getByLabel("Field").selectOption("lifecycleStage");
  await stage.getByLabel("Operator").selectOption("eq");
  await stage.getByLabel("Value").selectOption("customer");
  await group.getByRole("button", { name: "Add condition to group" }).click();
  const city = group.getByTestId("filter-condition").nth(1);
  await city.getByLabel("Field").selectOption("city");
  await city.getByLabel("Operator").selectOption("eq");
  await city.getByLabel("Value").fill("Paris");
  await builder.getByRole("button", { name: "Apply filters" }).click();

  await expect(page.getByTestId("contacts-count")).toHaveText("2 contacts");
  await expect(rowOf(page, ada.email)).toBeVisible();
  await expect(rowOf(page, dan.email)).toBeVisible();
  await expect(rowOf(page, bea.email)).toHaveCount(0);
  await expect(rowOf(page, cy.email)).toHaveCount(0);
  await expect(page.getByTestId("filter-summary")).toContainText("Score at least 50");
  await expect(page.getByTestId("filter-summary")).toContainText("(Lifecycle stage is Customer or City is Paris)");

  // Save it as a view; the URL then names the view alone.
  await page.getByTestId("save-view").click();
  const saveDialog = page.getByRole("dialog", { name: "Save view" });
  await saveDialog.getByLabel("View name").fill("Warm Paris or customers");
  await saveDialog.getByRole("button", { name: "Save view" }).click();
  await expect(page).toHaveURL(/\/contacts\?view=[0-9a-f-]{36}$/);
  const viewLink = page.url();

  // The link reopens the view in a fresh tab: its tab is current and it shows the same two contacts.
  const reopened = await context.newPage();
  await reopened.goto(viewLink);
  await expect(reopened.getByRole("link", { name: "Warm Paris or customers" })).toHaveAttribute("aria-current", "page");
  await expect(reopened.getByTestId("contacts-count")).toHaveText("2 contacts");
  await expect(rowOf(reopened, ada.email)).toBeVisible();
  await expect(rowOf(reopened, dan.email)).toBeVisible();
  await expect(rowOf(reopened, bea.email)).toHaveCount(0);
  await expect(reopened.getByTestId("filter-summary")).toContainText("City is Paris");
  await reopened.close();

  // A dynamic segment from the same filter.
  await page.getByRole("button", { name: "Save as segment" }).click();
  const segmentDialog = page.getByRole("dialog", { name: "New segment" });
  await segmentDialog.getByLabel("Segment name").fill("Warm Paris segment");
  await expect(segmentDialog.getByRole("radio", { name: /Dynamic/ })).toBeChecked();
  await segmentDialog.getByRole("button", { name: "Create segment" }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("segment-name")).toHaveText("Warm Paris segment");
  await expect(page.getByTestId("segment-count")).toHaveText("2");
  await expect(rowOf(page, ada.email)).toBeVisible();

  // Edit Cy's score inline in the table: Cy now matches, and the segment's count follows.
  await page.goto("/contacts?view=all");
  const cyRow = rowOf(page, cy.email);
  await cyRow.getByRole("button", { name: /edit Score/ }).click();
  await cyRow.getByLabel("Score").fill("65");
  await cyRow.getByLabel("Score").press("Enter");
  await expect(cyRow.getByRole("button", { name: /edit Score/ })).toContainText("65");
  await expect(cyRow.getByTestId("cell-error")).toHaveCount(0);

  await page.goto("/segments");
  const segmentRow = page.getByRole("row").filter({ hasText: "Warm Paris segment" });
  await expect(segmentRow.getByTestId("segment-count")).toHaveText("3");
  await segmentRow.getByRole("link", { name: "Warm Paris segment" }).click();
  await expect(page.getByTestId("segment-count")).toHaveText("3");
  await expect(rowOf(page, cy.email)).toBeVisible();
});
