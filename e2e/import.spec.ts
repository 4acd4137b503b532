import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { expect, newAccount, signUpViaApi, test } from "./fixtures";

const fixtures = path.resolve(import.meta.dirname, "../../shared/fixtures/csv");
const file = path.join(fixtures, "pipedrive_people.csv");
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, "pipedrive_people.expected.json"), "utf8")) as {
  total_data_rows: number;
  valid_unique_email_rows: number;
  invalid_email_rows: number;
  missing_email_rows: number;
  duplicate_rows: number;
  mapping_by_column: Record<string, string | null>;
};
const errorRows = expected.invalid_email_rows + expected.missing_email_rows;
const failedRows = errorRows + expected.duplicate_rows;

test("an admin imports a Pipedrive export through the wizard, downloads the failed rows and undoes the import", async ({ page }) => {
  test.setTimeout(120_000);
  const account = newAccount("Importer");
  await signUpViaApi(page, account);

  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "No imports yet" })).toBeVisible();
  await page.getByRole("link", { name: "New import" }).first().click();
  await expect(page).toHaveURL(/\/imports\/new$/);

  // Upload through the file input (the drop zone's "Choose file" opens it).
  await page.getByLabel("CSV file").setInputFiles(file);

  // Mapping: one row per column, prefilled from the Pipedrive suggestion.
  const rows = page.getByTestId("mapping-row");
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("import-format")).toContainText("Pipedrive");
  await expect(page.getByTestId("import-format")).toContainText(`${expected.total_data_rows} rows`);
  await expect(page.getByTestId("import-format")).toContainText("semicolon-separated");
  const target = (column: string) => page.getByLabel(`Import “${column}” as`);
  await expect(target("Person - Email - Work")).toHaveValue("email");
  await expect(target("Person - First name")).toHaveValue("firstName");
  await expect(target("Person - Last name")).toHaveValue("lastName");
  await expect(target("Person - Organization")).toHaveValue("company");
  // Columns the sidecar ignores are ignored (the empty string is the select's "Ignore" option).
  const named = Object.entries(expected.mapping_by_column).filter(([column]) => column);
  for (const [column, field] of named) {
    if (field === null) await expect(target(column)).toHaveValue("");
  }
  let agreeing = 0;
  const mapped = named.filter(([, field]) => field !== null);
  for (const [column, field] of mapped) if ((await target(column).inputValue()) === field) agreeing++;
  expect(agreeing / mapped.length).toBeGreaterThanOrEqual(0.9);
  // Sample values sit beside each column.
  await expect(rows.filter({ hasText: "Person - Email - Work" })).toContainText("jessica.mcallister@summit-robotics.com");
  await expect(page.getByTestId("import-preview").getByRole("row")).toHaveCount(21);

  // Save the mapping so the next export with these columns starts from it.
  await page.getByLabel("Template name").fill("Pipedrive people");
  await page.getByRole("button", { name: "Save mapping as template" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await page.getByRole("button", { name: "Next: options" }).click();
  await expect(page.getByLabel("Skip invalid rows")).toBeChecked();
  await page.getByLabel("Tags to add to every imported contact").fill("Pipedrive import");
  await page.getByRole("button", { name: "Next: review" }).click();

  // Dry run: nothing written yet, counts match the sidecar.
  await expect(page.getByTestId("dry-run-create")).toHaveText(String(expected.valid_unique_email_rows), { timeout: 20_000 });
  await expect(page.getByTestId("dry-run-update")).toHaveText("0");
  await expect(page.getByTestId("dry-run-skip")).toHaveText(String(expected.duplicate_rows));
  await expect(page.getByTestId("dry-run-errors")).toHaveText(String(errorRows));
  await expect(page.getByTestId("issue-table").getByRole("row").nth(1)).toContainText("email");

  await page.getByRole("button", { name: "Start import" }).click();
  // Progress runs to completion (a 200-row file may finish before the bar is painted).
  await expect(page.getByRole("status").filter({ hasText: "Import complete" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("result-created")).toHaveText(String(expected.valid_unique_email_rows));
  await expect(page.getByTestId("result-errors")).toHaveText(String(errorRows));
  await expect(page.getByTestId("result-duplicates")).toHaveText(String(expected.duplicate_rows));

  await page.getByRole("link", { name: "View import details" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-status")).toHaveText("Completed");
  await expect(page.getByTestId("import-meta")).toContainText(account.name);
  await expect(page.getByTestId("result-created")).toHaveText(String(expected.valid_unique_email_rows));
  // The imported contacts reach the search index through their own job, which the page follows.
  await expect(page.getByTestId("search-index-status")).toHaveText("Search index: up to date with this import.", { timeout: 30_000 });
  await page.getByText("Mapping and options").click();
  await expect(page.getByText("Pipedrive import", { exact: true })).toBeVisible();
  await expect(page.getByText("Skips invalid rows")).toBeVisible();
  // The error table lists the refused rows by row, field and reason (a row can carry more than one error).
  await expect(page.getByRole("button", { name: /^Errors/ })).toContainText(String(errorRows));
  await expect(page.getByTestId("issue-table").getByRole("row").nth(1)).toContainText("email");
  expect(await page.getByTestId("issue-table").getByRole("row").count()).toBeGreaterThanOrEqual(1 + errorRows);
  await page.getByRole("button", { name: /^Duplicates/ }).click();
  await expect(page.getByTestId("issue-table").getByRole("row")).toHaveCount(1 + expected.duplicate_rows);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download failed rows (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("pipedrive_people-errors.csv");
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const csv = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  expect(csv[0]!.slice(-2)).toEqual(["Row", "Error"]);
  expect(csv).toHaveLength(1 + failedRows);
  expect(csv.slice(1).every((r) => /email: /.test(r.at(-1)!))).toBe(true);

  // The import is listed with its counts.
  await page.goto("/imports");
  const listed = page.getByTestId("import-row").filter({ hasText: "pipedrive_people.csv" });
  await expect(listed).toContainText("Completed");
  await expect(listed).toContainText(`${expected.valid_unique_email_rows} created`);
  await expect(listed).toContainText(account.name);
  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-count")).toHaveText(`${expected.valid_unique_email_rows} contacts`);

  // Someone edits an imported contact: undo lists it and asks before reverting that edit too.
  const listed1 = await page.request.get(`/api/trpc/contacts.list?input=${encodeURIComponent(JSON.stringify({ json: { first: 1 } }))}`);
  expect(listed1.ok(), await listed1.text()).toBe(true);
  const edited = ((await listed1.json()) as { result: { data: { json: { nodes: { id: string; email: string }[] } } } }).result.data.json.nodes[0]!;
  const update = await page.request.post("/api/trpc/contacts.update", { data: { json: { id: edited.id, patch: { title: "Edited after import" } } } });
  expect(update.ok(), await update.text()).toBe(true);

  await page.goBack();
  await listed.getByRole("link", { name: "pipedrive_people.csv" }).click();
  await page.getByRole("button", { name: "Undo import" }).click();
  const confirm = page.getByRole("dialog", { name: "Undo this import?" });
  await expect(confirm).toContainText(`Removes the ${expected.valid_unique_email_rows} contacts it created`);
  await confirm.getByRole("button", { name: "Undo import" }).click();
  const editedDialog = page.getByRole("dialog", { name: "1 contact was edited since the import" });
  await expect(editedDialog.getByTestId("edited-contacts")).toContainText(edited.email);
  await expect(editedDialog.getByTestId("edited-contacts")).toContainText(account.name);
  await editedDialog.getByRole("button", { name: /Undo anyway/ }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Undone", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Undo import" })).toHaveCount(0);
  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-count")).toHaveText("0 contacts");
  await page.goto("/imports");
  await expect(page.getByTestId("import-row").filter({ hasText: "pipedrive_people.csv" })).toContainText("Undone");

  // The same columns again: the saved template's mapping is applied, and the wizard says so.
  await page.getByRole("link", { name: "New import" }).first().click();
  await page.getByLabel("CSV file").setInputFiles(file);
  await expect(page.getByText("Your saved template “Pipedrive people” matched these columns")).toBeVisible({ timeout: 20_000 });
  await expect(target("Person - Email - Work")).toHaveValue("email");
});

test("a large import shows live progress with a time estimate and can be cancelled midway", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpViaApi(page, newAccount("Canceller"));
  const total = 40_000;
  const lines = ["Email,First Name,Last Name,Company"];
  for (let i = 0; i < total; i++) lines.push(`person${i}@big-import.test,First${i},Last${i},Company ${i % 500}`);

  await page.goto("/imports/new");
  await page.getByLabel("CSV file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
  await expect(page.getByLabel("Import “Email” as")).toHaveValue("email", { timeout: 30_000 });
  await page.getByRole("button", { name: "Next: options" }).click();
  await page.getByRole("button", { name: "Next: review" }).click();
  await expect(page.getByTestId("dry-run-create")).toHaveText("40,000", { timeout: 60_000 });
  await page.getByRole("button", { name: "Start import" }).click();

  const progress = page.getByTestId("import-progress");
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("progress-processed")).toContainText("of 40,000 rows");
  // Rows move before anyone cancels, and an estimate appears once there is a rate to go on.
  await expect(page.getByTestId("progress-processed")).not.toContainText(/^0 of/, { timeout: 30_000 });
  await expect(progress).toContainText(/(about|less than) .+ left/, { timeout: 30_000 });
  await progress.getByRole("button", { name: "Cancel import" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Import cancelled" })).toBeVisible({ timeout: 60_000 });
  const created = Number((await page.getByTestId("result-created").innerText()).replace(/,/g, ""));
  expect(created).toBeGreaterThan(0);
  expect(created).toBeLessThan(total);

  await page.getByRole("link", { name: "View import details" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Cancelled");
  // What a cancelled import wrote stays, and is what its page reports.
  await expect(page.getByTestId("result-created")).toHaveText(created.toLocaleString("en-US"));
  await expect(page.getByRole("button", { name: "Undo import" })).toBeEnabled();
});
