// `npm test`: every test. Format, lint, dependency rules, SQL files, type check and web build (two at a
// time) → unit, API on PGlite and API on PostgreSQL (side by side) → browser end-to-end.
// Fails loudly when something it needs is missing; never skips a part silently.
import { spawn, spawnSync } from 'node:child_process';
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

// The habits of the repository (issue 13), the type check, the web build and the server's. Each is one
// single-threaded process, so they run two at a time on the 2-core CI machine (one after another they
// left a core idle for ~2 minutes); the longest start first. Each one's output is printed when it ends,
// not interleaved; each names the command that fixes it.
const checks = [
  ['tsc', ['npx', 'tsc', '-p', '.'], 'The type check failed (npm run typecheck).'],
  [
    'vue-tsc',
    ['npx', 'vue-tsc', '--noEmit', '-p', 'src/web/tsconfig.json'],
    'The type check failed (npm run typecheck).',
  ],
  // Builds only when src/web, src/shared or vite.config.ts changed since the last build (`npm start` in
  // CI has just built the same pages; building them again cost a minute).
  ['web build', ['node', 'scripts/ensure-web.mjs'], 'The web build failed.'],
  // Compiles the server when src/server or src/shared changed (npm install did it): the browser tests and
  // the CLI tests start `linli` as a user does, from dist/server/linli.mjs.
  ['server build', ['node', 'scripts/ensure-server.mjs'], 'Compiling the server failed.'],
  [
    'lint',
    ['npm', 'run', '--silent', 'lint'],
    'ESLint found problems. Fix them (npx eslint --fix . fixes some); rules in eslint.config.js',
  ],
  [
    'deps',
    ['npm', 'run', '--silent', 'deps'],
    'A dependency rule is broken (see above). Rules and reasons: .dependency-cruiser.cjs',
  ],
  [
    'sql:check',
    ['npm', 'run', '--silent', 'sql:check'],
    'src/server/queries/*.sql differ from the repositories. Fix: npm run sql:update (then review the diff)',
  ],
  ['format:check', ['npm', 'run', '--silent', 'format:check'], 'Files are not formatted. Fix: npm run format'],
];

function runCheck([name, [command, ...commandArgs], hint]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => {
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      console.log(`${code === 0 ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(code === 0 ? null : `${name} failed. ${hint}`);
    });
  });
}

const failures = [];
const queue = [...checks];
await Promise.all(
  [1, 2].map(async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const failure = await runCheck(check);
      if (failure) failures.push(failure);
    }
  }),
);
if (failures.length) fail(failures.join('\n✗ '));

const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
console.log(`Running: npx ${args.join(' ')}`);
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: databaseUrl } });
process.exit(run.status ?? 1);
