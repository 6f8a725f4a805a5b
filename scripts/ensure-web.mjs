// Builds the web pages when they are missing or older than their sources, so `npm start` always serves current
// pages. npm install builds them first (scripts/prepare.mjs).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const out = 'dist/web/admin/index.html';
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }, 0);

// package-lock.json: a dependency of the pages may have changed (an upgrade, an override).
const sourcesChanged = Math.max(
  newest('src/web'),
  newest('src/shared'),
  ...['vite.config.ts', 'package-lock.json'].map((file) => fs.statSync(file).mtimeMs),
);
if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < sourcesChanged) {
  console.log('正在构建页面… Building the web pages…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
