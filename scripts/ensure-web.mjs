// Builds the web pages when they are missing or older than their sources, so `npm start` always serves current
// pages. npm install builds them first (scripts/prepare.mjs).
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const out = 'dist/web/admin/index.html';
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }, 0);

const sourcesChanged = Math.max(newest('src/web'), newest('src/shared'), fs.statSync('vite.config.ts').mtimeMs);
// The dependencies of the pages (an upgrade, an override) by the lock file's content: npm install rewrites
// the file, and its time, even when nothing changed.
const stamp = 'dist/web/.package-lock.sha256';
const locked = createHash('sha256').update(fs.readFileSync('package-lock.json')).digest('hex');
const built = fs.existsSync(out) && fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
if (built !== locked || fs.statSync(out).mtimeMs < sourcesChanged) {
  console.log('正在构建页面… Building the web pages…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  fs.writeFileSync(stamp, locked);
}
