import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Five projects: unit tests beside the code; the API suite once on embedded PGlite and once on a
// PostgreSQL server (same files); browser end-to-end tests in two parts. scripts/test.mjs decides which run.
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const e2ePageLists = [
  'test/e2e/accessibility-console.test.ts',
  'test/e2e/accessibility-phone.test.ts',
  'test/e2e/elder-mode.test.ts',
];

function e2eProject(name: string, files: { include?: string[]; exclude?: string[] }) {
  return {
    test: {
      name,
      include: files.include ?? ['test/e2e/**/*.test.ts'],
      exclude: files.exclude ?? [],
      globalSetup: ['test/e2e/global-setup.ts'],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
      // A page's answer can take a few seconds on a busy two-core machine (an import, a first map
      // load); polls wait for what a person would wait for, not Vitest's default second.
      expect: { poll: { timeout: 8_000 } },
    },
  };
}

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, where
    // the API files (PGlite in WebAssembly, spawned `linli` processes) then ran one after another.
    // Two workers use both cores; the browser files still run alone, after the others.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api-pglite',
          include: ['test/api/**/*.test.ts'],
          // *.postgres.test.ts need a PostgreSQL server (several processes on one database).
          exclude: ['test/api/**/*.postgres.test.ts'],
          env: { LINLI_TEST_DB: 'pglite' },
          globalSetup: ['test/support/pglite-setup.ts'],
          // One process per worker for all its files instead of a new one per file: a file no longer pays
          // ~2.4 s of CPU to start Node and import the server's modules again (user CPU of eight small
          // files 36.8 s → 17.6 s). Each file still builds its own app on its own database; module state
          // is only caches and registries that every app sets the same way.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['test/api/**/*.test.ts'],
          exclude: ['test/api/**/*.pglite.test.ts'],
          env: { LINLI_TEST_DB: 'postgres', TEST_DATABASE_URL: testDatabaseUrl },
          globalSetup: ['test/support/postgres-template.ts'],
          isolate: false, // as api-pglite
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // The browser files, in two projects that `npm test` runs as two processes beside the rest, each with
      // its own server on its own demo database (its global setup): the page lists (accessibility, elder
      // mode), which only read, and the flows, which change the demo. Within each, one file at a time.
      e2eProject('e2e', { exclude: e2ePageLists }),
      e2eProject('e2e-pages', { include: e2ePageLists }),
    ],
  },
});
