import { expect, newAccount, test } from "./fixtures";

test("a new user signs up, creates a contact, edits it inline and sees the change in History", async ({ page }) => {
  const account = newAccount("Rep");
  const contactEmail = `grace-${Date.now()}@example.com`;

  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Workspace name").fill("Hopper Labs");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByText("Hopper Labs").first()).toBeVisible();

  await page.getByRole("button", { name: /new contact/i }).click();
  const dialog = page.getByRole("dialog");
  // The server's validation shows beside the field.
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: /create|save/i }).click();
  await expect(dialog.getByText(/valid email/i)).toBeVisible();

  await dialog.getByLabel("Email").fill(contactEmail);
  await dialog.getByLabel("First name").fill("Grace");
  await dialog.getByLabel("Last name").fill("Hopper");
  await dialog.getByRole("button", { name: /create|save/i }).click();
  await expect(dialog).toBeHidden();

  await page.goto("/contacts");
  const row = page.getByRole("row").filter({ hasText: contactEmail });
  await expect(row).toBeVisible();
  await row.getByRole("link").first().click();

  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Grace Hopper" })).toBeVisible();

  const title = page.getByLabel("Job title");
  await title.click();
  await title.fill("Rear Admiral");
  await title.press("Enter");
  await expect(title).toHaveValue("Rear Admiral");

  // The edit persisted: a reload shows it.
  await page.reload();
  await expect(page.getByLabel("Job title")).toHaveValue("Rear Admiral");

  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("tabpanel");
  await expect(history.getByText("Rear Admiral")).toBeVisible();
  await expect(history.getByText(account.name).first()).toBeVisible();
});
