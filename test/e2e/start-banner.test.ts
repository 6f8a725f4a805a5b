import { describe, expect, inject, it } from 'vitest';

// What `npm start` prints on the demo data, as README's "Start" promises it: the console, the phone
// pages, the demo community's QR report page and the demo logins; each link answers on the server.

const baseUrl = inject('baseUrl');
const banner = inject('startOutput');

/** The path of the link printed after `label` (the banner names http://localhost:<port>, the test the address). */
function linkAfter(label: string): string {
  const line = banner.split('\n').find((l) => l.includes(label));
  expect(line, `a line with ${label} in:\n${banner}`).toBeDefined();
  const url = line!.match(/https?:\/\/\S+/)?.[0];
  expect(url, line).toBeDefined();
  return new URL(url!).pathname;
}

describe('the start banner', () => {
  it('prints the QR report page of the demo community 和平社区 with the other links and the demo logins', async () => {
    expect(linkAfter('Console:')).toBe('/');
    expect(linkAfter('Phone pages:')).toBe('/m/');
    const qr = linkAfter('QR report:');
    expect(qr).toBe('/r/610899001001');
    expect(banner).toContain('和平社区');
    expect(banner).toMatch(/Demo logins \(password \/ 密码: Linli@2026\)/);
    expect(banner).toMatch(/^ {2}admin {7}系统管理员/m);

    const page = await fetch(`${baseUrl}${qr}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
  });
});
