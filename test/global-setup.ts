import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/client";
import { migrate } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: { adminUrl: string; templateName: string } | null;
  }
}

const TEMPLATE_DIR = path.resolve(process.cwd(), ".data", "test");

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Migrates once per run and hands every test file a template to clone: a PGlite data-dir dump
 * (loading it skips replaying migrations) or a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const usePostgres = project.name === "postgres";
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const silent = { log: () => {} };

  const templatePath = path.join(TEMPLATE_DIR, `pglite-template-${process.pid}.tar`);
  if (!usePostgres) {
    const handle = await openPglite();
    await migrate(handle.db, silent);
    const dump = await handle.pglite!.dumpDataDir("none");
    fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
  }
  project.provide("pgliteTemplatePath", templatePath);

  let cleanup = async () => {};
  if (usePostgres) {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("the postgres test project needs TEST_DATABASE_URL");
    const templateName = `hastecrm_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${templateName}"`);
    const handle = openPostgres(databaseUrl(adminUrl, templateName), { max: 1 });
    await migrate(handle.db, silent);
    await handle.close();
    project.provide("postgresTemplate", { adminUrl, templateName });
    cleanup = async () => {
      const clones = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`hastecrm_t_${process.pid}_%`} or datname = ${templateName}`;
      for (const { datname } of clones) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  } else {
    project.provide("postgresTemplate", null);
  }

  return async () => {
    fs.rmSync(templatePath, { force: true });
    await cleanup();
  };
}
