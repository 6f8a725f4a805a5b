import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { installTenantGuard } from '../../src/server/platform/db/tenant-guard.js';

// Global setup of the api-postgres project: migrates one database per run, and each test file's
// database is made as a copy of it (CREATE DATABASE … TEMPLATE, test/support/db.ts) instead of being
// migrated again. The name is new for each run, so two runs on one server never share or drop each
// other's template; it holds the time it was made, so a run that was killed leaves one that the next
// run drops (after a day).

const prefix = 'linli_tmpl_';

export default async function setup(project: TestProject) {
  const adminUrl = project.config.env?.TEST_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set for the PostgreSQL test run');
  const name = `${prefix}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'linli\\_tmpl\\_%'`,
    );
    for (const { datname } of rows) {
      const made = Number(/^linli_tmpl_(\d+)_/.exec(datname)?.[1]);
      if (made && made < Date.now() / 1000 - 86_400)
        await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
    await installTenantGuard(handle.db);
  } finally {
    await handle.close(); // a template may have no open connection while it is copied
  }
  project.provide('pgTemplate', name);

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  };
}
