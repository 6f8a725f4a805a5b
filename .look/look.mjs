import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3913';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
async function page(username, viewport) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const p = await ctx.newPage();
  await p.goto(base + '/');
  const res = await p.evaluate(async (u) => {
    const r = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'Linli@2026' }) });
    return r.status;
  }, username);
  console.log('login', username, res);
  return p;
}
const shots = [
  ['community', { width: 1366, height: 900 }, '/community/points-shop', 'console-shop'],
  ['community', { width: 1366, height: 900 }, '/community/points-ledger', 'console-ledger'],
  ['community', { width: 1366, height: 900 }, '/community/points-rules', 'console-rules'],
  ['community', { width: 1366, height: 900 }, '/community/points-ranking', 'console-ranking'],
  ['resident', { width: 390, height: 844 }, '/m/community', 'phone-hub'],
  ['resident', { width: 390, height: 844 }, '/m/shop', 'phone-shop'],
  ['resident', { width: 390, height: 844 }, '/m/points', 'phone-points'],
  ['resident', { width: 390, height: 844 }, '/m/report', 'phone-report'],
  ['resident', { width: 390, height: 844 }, '/m/', 'phone-home'],
];
for (const [user, vp, path, name] of shots) {
  const p = await page(user, vp);
  await p.goto(base + path);
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `${name}.png` });
  await p.context().close();
}
await browser.close();
