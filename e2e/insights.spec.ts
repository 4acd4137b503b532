import type { Page } from "@playwright/test";
import { expect, newAccount, signUpViaApi, test } from "./fixtures";

async function createContact(page: Page, data: Record<string, unknown>) {
  const response = await page.request.post("/api/trpc/contacts.create", { data: { json: data } });
  expect(response.ok(), await response.text()).toBe(true);
}

test("the insights charts narrow the table, by mouse and by keyboard", async ({ page }) => {
  await signUpViaApi(page, newAccount("Insights"));
  const stamp = Date.now().toString(36);
  const stages = ["customer", "customer", "lead", "lead", "lead", "MQL"];
  for (const [index, lifecycleStage] of stages.entries()) {
    await createContact(page, { email: `insight-${index}-${stamp}@example.com`, firstName: `Person${index}`, lifecycleStage, score: 15 + index * 10 });
  }

  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-count")).toHaveText("6 contacts");
  await page.getByRole("button", { name: "Insights" }).click();
  const panel = page.getByTestId("insights-panel");
  const funnel = panel.getByRole("group", { name: "Contacts by lifecycle stage" });
  // Drawn by recharts: one bar per stage, in funnel order (lead, MQL, SQL, opportunity, customer, evangelist).
  await expect(funnel.locator(".recharts-bar-rectangle")).toHaveCount(6);
  await expect(panel.getByText("6 contacts", { exact: true })).toBeVisible();

  // A click on the Customer bar adds "lifecycle stage is customer" to the table's filter.
  await funnel.locator(".recharts-bar-rectangle").nth(4).click();
  await expect(page.getByTestId("contacts-count")).toHaveText("2 contacts");
  await expect(panel.getByText("2 contacts", { exact: true })).toBeVisible();

  // From the keyboard: the bar's button, hidden until focused, does the same.
  await page.goBack();
  await expect(page.getByTestId("contacts-count")).toHaveText("6 contacts");
  if (!(await panel.isVisible())) await page.getByRole("button", { name: "Insights" }).click();
  const leads = page.getByTestId("insights-panel").getByRole("button", { name: /^Lead: 3 contacts/ });
  await leads.focus();
  await expect(leads).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("contacts-count")).toHaveText("3 contacts");
});
