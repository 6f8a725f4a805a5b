import { compileServer } from '../e2e/server.js';
import { ensurePgliteSnapshot } from './pglite-snapshot.js';

// Global setup of the api-pglite project: makes the database snapshots once, before the test files
// start (in parallel they would each make them).
export default async function setup() {
  compileServer(); // the CLI tests start `linli` from dist/server/linli.mjs, compiled once here
  await ensurePgliteSnapshot('empty');
  await ensurePgliteSnapshot('migrated');
}
