// `npm test`: every test. Format → lint → dependency rules → SQL files → type check → unit → API on
// PGlite → API on PostgreSQL → browser end-to-end.
// Fails loudly when something it needs is missing; never skips a part silently.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const explicitUrl = process.env.TEST_DATABASE_URL;
const databaseUrl = explicitUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = Boolean(process.env.CI);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => {});
  }
}

if (!fs.existsSync(chromium)) {
  fail(
    `Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
  );
}
const reachable = await postgresReachable();
const projects = ['unit', 'api-pglite'];
if (reachable === true) {
  projects.push('api-postgres');
} else if (explicitUrl || inCi) {
  fail(
    `PostgreSQL at ${databaseUrl.replace(/:[^:@/]+@/, ':***@')} is not reachable (${reachable}); the API suite must also run there.`,
  );
} else {
  console.warn(
    `\n!!! PostgreSQL is not reachable at ${databaseUrl} (${reachable}).\n!!! The API tests run on PGlite only. Set TEST_DATABASE_URL to run them on a server too.\n`,
  );
}
projects.push('e2e');

// The habits of the repository (issue 13), cheapest first; each names the command that fixes it.
const checks = [
  ['format:check', 'Files are not formatted. Fix: npm run format'],
  ['lint', 'ESLint found problems. Fix them (npx eslint --fix . fixes some); rules in eslint.config.js'],
  ['deps', 'A dependency rule is broken (see above). Rules and reasons: .dependency-cruiser.cjs'],
  [
    'sql:check',
    'src/server/queries/*.sql differ from the repositories. Fix: npm run sql:update (then review the diff)',
  ],
];
for (const [script, hint] of checks) {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) fail(`npm run ${script} failed. ${hint}`);
  console.log(`✓ npm run ${script} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { stdio: 'inherit' });
if (typecheck.status !== 0) fail('The type check failed (npm run typecheck).');

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) fail('The web build failed.');

const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
console.log(`Running: npx ${args.join(' ')}`);
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: databaseUrl } });
process.exit(run.status ?? 1);
