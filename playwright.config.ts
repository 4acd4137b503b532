import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3300);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // A production build on its own embedded database, emptied each run; specs seed their own workspaces.
    command: `rm -rf .data/e2e && npx next build && npm run start -- -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PGLITE_DATA_DIR: ".data/e2e/pglite",
      HASTECRM_SEED_DEMO: "0",
      // Every spec signs up its own user from 127.0.0.1 within seconds: past Better Auth's per-IP limit.
      HASTECRM_AUTH_RATE_LIMIT: "off",
      BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
      BETTER_AUTH_URL: baseURL,
      DATABASE_URL: "",
    },
  },
});
