// `npm test`: every test. The web build and the compiled server (when stale) → the browser end-to-end files
// start in the background → format, lint, dependency rules, SQL files and type check (two at a time) →
// unit, API on PGlite and API on PostgreSQL (side by side) → the browser files' result.
// Fails loudly when something it needs is missing; never skips a part silently.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const explicitUrl = process.env.TEST_DATABASE_URL;
const databaseUrl = explicitUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = Boolean(process.env.CI);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Stops the browser tests' vitest processes, once started. */
let e2e = null;

function fail(message) {
  e2e?.stop();
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

// The browser files start first, in two vitest processes of their own (projects e2e and e2e-pages, each
// with its own server on its own demo database), and run beside everything else: each is one long chain
// (one file at a time) that spends much of its time waiting for pages, which leaves CPU for the checks
// and the API files. One after another the suite took ~30 minutes on the 2-core CI machine (docs/testing.md).
// Their output is kept in files and printed when they end, so it does not interleave with the rest.
const browserProjects = ['e2e', 'e2e-pages'];
const extraArgs = process.argv.slice(2);
for (const [name, script] of [
  ['web build', 'scripts/ensure-web.mjs'],
  ['server build', 'scripts/ensure-server.mjs'],
]) {
  // Builds only when src/web, src/shared or vite.config.ts changed since the last build (npm install built
  // the pages and compiled the server); the browser tests and the CLI tests use what they make.
  const built = spawnSync('node', [script], { stdio: 'inherit' });
  if (built.status !== 0) fail(`The ${name} failed (node ${script}).`);
}

function startBrowserTests(project) {
  const log = `.test-artifacts/${project}.log`;
  fs.mkdirSync('.test-artifacts', { recursive: true });
  const out = fs.openSync(log, 'w');
  const args = [
    'vitest',
    'run',
    '--project',
    project,
    ...(extraArgs.length ? ['--passWithNoTests'] : []),
    ...extraArgs,
  ];
  console.log(`Browser tests started beside the rest: npx ${args.join(' ')} (output in ${log}, printed when they end)`);
  const child = spawn('npx', args, { stdio: ['ignore', out, out], detached: true });
  return {
    project,
    log,
    done: new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1))),
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already ended */
      }
    },
  };
}

const browserRuns = browserProjects.map(startBrowserTests);
e2e = { stop: () => browserRuns.forEach((run) => run.stop()) };
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (e2e.stop(), process.exit(1)));

/** Waits for the browser runs, prints their output, and names those that failed. */
async function browserResults() {
  const failed = [];
  for (const run of browserRuns) {
    const code = await run.done;
    console.log(`\n──── Browser tests: ${run.project} (${run.log}) ────`);
    process.stdout.write(fs.readFileSync(run.log, 'utf8'));
    if (code !== 0) failed.push(run.project);
  }
  return failed;
}

// The habits of the repository (issue 13), the type check, the web build and the server's. Each is one
// single-threaded process, so they run two at a time on the 2-core CI machine (one after another they
// left a core idle for ~2 minutes); the longest start first. Each one's output is printed when it ends,
// not interleaved; each names the command that fixes it.
const checks = [
  // tsc and ESLint in one process, so the type-aware lint rule reuses tsc's program (scripts/check-types-and-lint.mjs).
  [
    'tsc + lint',
    ['node', 'scripts/check-types-and-lint.mjs'],
    'The type check or ESLint failed (npm run typecheck; npm run lint, where npx eslint --fix . fixes some; rules in eslint.config.js).',
  ],
  [
    'vue-tsc',
    ['npx', 'vue-tsc', '--noEmit', '-p', 'src/web/tsconfig.json'],
    'The type check failed (npm run typecheck).',
  ],
  ['format:check', ['npm', 'run', '--silent', 'format:check'], 'Files are not formatted. Fix: npm run format'],
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
if (failures.length) {
  e2e?.stop();
  fail(failures.join('\n✗ '));
}

const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  ...(extraArgs.length ? ['--passWithNoTests'] : []),
  ...extraArgs,
];
console.log(`Running: npx ${args.join(' ')}`);
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: databaseUrl } });
const browserFailed = await browserResults();
if (run.status !== 0) fail('Unit or API tests failed (above the browser tests’ output).');
if (browserFailed.length) fail(`Browser tests failed: ${browserFailed.join(', ')} (see above).`);
