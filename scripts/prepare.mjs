// npm install's `prepare` step: compiles the server, makes the migrated embedded database a first start
// copies (bin/linli.mjs prepare) and builds the web pages once, at install, so the
// first `npm start` only creates the database and the demo data (issue 18: the web build took ~31 s of
// the first start). Both builds are skipped when already current (scripts/ensure-*.mjs), so `npm start`
// and `npm test` after `npm install` build nothing again.
// Without the dev dependencies (npm install --omit=dev) the web cannot be built here: that is said, not
// failed. A build that fails fails the install, with the reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureServer } from './ensure-server.mjs';

function fail(what, reason) {
  console.error(`\n✗ ${what} failed during npm install${reason ? `: ${reason}` : ''}.`);
  console.error('  Fix the error above and run `npm install` again (or run the step alone to see it).\n');
  process.exit(1);
}

try {
  await ensureServer();
} catch (error) {
  fail('Compiling the server (node scripts/ensure-server.mjs)', error.message);
}

// The migrated embedded database a first start copies (issue 18: ~7 s of CPU less at the first start).
// Only a speed-up: without it the first start creates and migrates the database itself.
const template = spawnSync(process.execPath, ['bin/linli.mjs', 'prepare'], { stdio: 'inherit' });
if (template.status !== 0)
  console.warn('\n! `linli prepare` failed (see above): the first start will create the database itself, slower.\n');

if (!fs.existsSync('node_modules/vite/package.json')) {
  console.warn(
    '\n! The web pages were not built: the dev dependencies (vite, vue, …) are not installed.\n' +
      '! Install them (npm install without --omit=dev / NODE_ENV=production) and run `npm start`, or copy a built dist/web.\n',
  );
} else {
  const web = spawnSync(process.execPath, ['scripts/ensure-web.mjs'], { stdio: 'inherit' });
  if (web.status !== 0) fail('Building the web pages (node scripts/ensure-web.mjs)');
}
