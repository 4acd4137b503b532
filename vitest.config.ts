import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  include: ["**/*.test.ts", "**/*.test.tsx"],
  // Playwright specs live in e2e/ and must never be collected by vitest.
  exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
  globalSetup: ["test/global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "test/server-only.ts") } },
  test: {
    // Integration tests run on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set.
    projects: [
      { extends: true as const, test: { ...shared, name: "pglite", env: { HASTECRM_TEST_DB: "pglite" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true as const, test: { ...shared, name: "postgres", env: { HASTECRM_TEST_DB: "postgres" } } }]
        : []),
    ],
  },
});
