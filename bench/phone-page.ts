// What a resident's phone downloads first when scanning the QR code: the gzip size of the JS and
// CSS that /r/{communityCode} loads (its HTML's scripts, styles and module preloads), against the
// console's login page as the baseline.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { machine } from './lib.js';

const dist = path.resolve('dist/web');

function firstLoad(htmlFile: string) {
  const html = fs.readFileSync(path.join(dist, htmlFile), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const asset of new Set(assets)) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, asset)), { level: 9 }).length;
    if (asset.endsWith('.js')) js += gz;
    else css += gz;
  }
  return { js, css, files: new Set(assets).size };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`phone page benchmark — gzip -9 of what the first page load fetches — ${machine()}`);
const report = firstLoad('report/index.html');
const consoleLogin = firstLoad('admin/index.html');
console.log(`/r/{code}  JS ${kb(report.js)} · CSS ${kb(report.css)} · ${report.files} files`);
console.log(`console /  JS ${kb(consoleLogin.js)} · CSS ${kb(consoleLogin.css)} · ${consoleLogin.files} files`);
console.log(
  `ratio: the QR page loads ${(((report.js + report.css) / (consoleLogin.js + consoleLogin.css)) * 100).toFixed(0)} % of what the console loads`,
);
