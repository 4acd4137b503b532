import type { Locator, Page } from "@playwright/test";
import { expect, newAccount, signUpViaApi, test } from "./fixtures";

interface Listed {
  email: string;
  lifecycleStage: string;
}

async function createContact(page: Page, data: Record<string, unknown>) {
  const response = await page.request.post("/api/trpc/contacts.create", { data: { json: data } });
  expect(response.ok(), await response.text()).toBe(true);
}

/** Every contact's stage as the API lists it: what the table must agree with. */
async function stages(page: Page): Promise<Map<string, string>> {
  const input = encodeURIComponent(JSON.stringify({ json: { first: 100 } }));
  const response = await page.request.get(`/api/trpc/contacts.list?input=${input}`);
  expect(response.ok(), await response.text()).toBe(true);
  const nodes = ((await response.json()) as { result: { data: { json: { nodes: Listed[] } } } }).result.data.json.nodes;
  return new Map(nodes.map((node) => [node.email, node.lifecycleStage]));
}

const rowOf = (page: Page, email: string): Locator => page.getByRole("row").filter({ hasText: email });

test("select all contacts matching a filter, change their stage, watch it finish, undo it, and export chosen columns", async ({ page }) => {
  await signUpViaApi(page, newAccount("Bulk"));
  const stamp = Date.now().toString(36);
  const berlin = Array.from({ length: 12 }, (_, i) => `berlin-${i}-${stamp}@example.com`);
  const paris = Array.from({ length: 3 }, (_, i) => `paris-${i}-${stamp}@example.com`);
  for (const email of berlin) await createContact(page, { email, firstName: "Berliner", lifecycleStage: "lead", city: "Berlin" });
  for (const email of paris) await createContact(page, { email, firstName: "Parisian", lifecycleStage: "lead", city: "Paris" });

  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-count")).toHaveText("15 contacts");

  // Filter to Berlin in the builder.
  await page.getByTestId("filter-button").click();
  const builder = page.getByRole("dialog", { name: "Filter contacts" });
  await builder.getByRole("button", { name: "Add condition", exact: true }).click();
  const condition = builder.getByTestId("filter-condition").first();
  await condition.getByLabel("Field").selectOption("city");
  await condition.getByLabel("Operator").selectOption("eq");
  await condition.getByLabel("Value").fill("Berlin");
  await builder.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("contacts-count")).toHaveText("12 contacts");

  // Tick one row, then widen to every match: the server resolves the filter, not a list of ids.
  await rowOf(page, berlin[0]!).getByRole("checkbox", { name: "Select row" }).check();
  await page.getByRole("button", { name: "Select all 12 matching" }).click();
  await expect(page.getByTestId("selection-count")).toHaveText("12 contacts selected");

  await page.getByTestId("bulk-action-bar").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("menuitem", { name: "Change lifecycle stage…" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the stage of 12 contacts" });
  await expect(dialog).toContainText("This applies to exactly 12 contacts");
  await dialog.getByLabel("Lifecycle stage").selectOption("customer");
  await dialog.getByRole("button", { name: "Apply to 12 contacts" }).click();

  // Progress until done, then the table shows the new stage; Paris is untouched.
  const card = page.getByTestId("bulk-progress");
  await expect(card.getByTestId("bulk-progress-text")).toHaveText("succeeded: 12 of 12 done");
  await expect(rowOf(page, berlin[5]!)).toContainText("Customer");
  let now = await stages(page);
  expect(berlin.map((email) => now.get(email))).toEqual(berlin.map(() => "customer"));
  expect(paris.map((email) => now.get(email))).toEqual(["lead", "lead", "lead"]);

  // Undo from the card: every contact gets its previous stage back.
  await card.getByRole("button", { name: "Undo" }).click();
  await expect(card.getByTestId("bulk-progress-text")).toHaveText("succeeded: 12 of 12 reverted");
  await expect(rowOf(page, berlin[5]!)).toContainText("Lead");
  now = await stages(page);
  expect([...berlin, ...paris].map((email) => now.get(email))).toEqual([...berlin, ...paris].map(() => "lead"));

  // Export the same selection with two chosen columns, and download the file.
  await rowOf(page, berlin[0]!).getByRole("checkbox", { name: "Select row" }).check();
  await page.getByRole("button", { name: "Select all 12 matching" }).click();
  await page.getByTestId("bulk-action-bar").getByRole("button", { name: "Export" }).click();
  const exportDialog = page.getByRole("dialog", { name: "Export 12 contacts to CSV" });
  await exportDialog.getByRole("button", { name: "Only email" }).click();
  await exportDialog.getByRole("checkbox", { name: "Lifecycle stage" }).check();
  await expect(exportDialog).toContainText("Columns (2 of");
  await exportDialog.getByRole("button", { name: "Export 12 contacts" }).click();
  const exportCard = page.getByTestId("bulk-progress").filter({ hasText: "Exporting 12 contacts" });
  const downloading = page.waitForEvent("download");
  await exportCard.getByRole("link", { name: "Download" }).click();
  const csv = await (await downloading).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  const lines = csv.trimEnd().split(/\r?\n/);
  expect(lines[0]).toBe("email,lifecycleStage");
  expect(lines.slice(1).sort()).toEqual(berlin.map((email) => `${email},lead`).sort());

  // The jobs page keeps the record: the bulk update, marked undone, and its undo.
  await page.goto("/jobs");
  await expect(page.locator('[data-testid="job-row"][data-job-kind="bulk_update"]')).toContainText("undone");
  await expect(page.locator('[data-testid="job-row"][data-job-kind="bulk_undo"]')).toContainText("12 done");
});
