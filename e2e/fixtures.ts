import { test as base, expect, type Page } from "@playwright/test";

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(label: string): Account {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${label} ${id}`, email: `${label.toLowerCase()}-${id}@e2e.test`, password: `pw-${id}-secret` };
}

/** Signs up through the API (each spec gets its own user and workspace); the browser context keeps the cookie. */
export async function signUpViaApi(page: Page, account: Account) {
  const response = await page.request.post("/api/auth/sign-up/email", {
    data: { email: account.email, password: account.password, name: account.name },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

export const test = base;
export { expect };
