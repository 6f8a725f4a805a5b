import type { Page } from 'playwright-core';
import type { PageCase } from './index.js';

// Every resident-facing page (issue 18): the QR report form and what follows it (done, tracking,
// rating), the resident's phone pages, the public community pages and the kiosk. Each must offer
// 关怀模式 (elder mode) and read ≥ 18 px in it; elder-mode.test.ts opens them all at 390×844.

export const community = '610899001001';
export const demoKioskToken = 'kiosk_demo_610899001_Linli2026';
/** A new reporter's phone each time: the server takes 5 reports an hour from one phone. */
const newPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function fillReport(page: Page, text: string) {
  await page.getByTestId('report-community').waitFor();
  await page.getByTestId('report-description').fill(text);
  await page.getByTestId('report-name').fill('王秀兰');
  await page.getByTestId('report-phone').fill(newPhone());
}

const phonePage = (name: string, path: string, testId?: string): PageCase => ({
  name: `resident/${name}`,
  login: 'resident',
  app: 'phone',
  path: `/m${path}`,
  resident: true,
  ready: async (page) => {
    if (testId) await page.getByTestId(testId).first().waitFor();
    await page.waitForLoadState('networkidle');
  },
});

const publicPage = (name: string, path: string, testId?: string): PageCase => ({
  ...phonePage(name, path, testId),
  name: `public/${name}`,
  login: null,
});

export const residentPages: PageCase[] = [
  // 码上反映 (/r): the form, its answer, the progress page.
  {
    name: 'report/form',
    login: null,
    app: 'phone',
    path: `/r/${community}`,
    resident: true,
    ready: (page) => page.getByTestId('report-community').waitFor(),
  },
  {
    name: 'report/done',
    login: null,
    app: 'phone',
    path: `/r/${community}`,
    resident: true,
    ready: async (page) => {
      await fillReport(page, '3号楼东侧路灯晚上不亮，已经一个星期了。');
      await page.getByTestId('report-submit').click();
      await page.getByTestId('report-tracking-code').waitFor();
    },
  },
  {
    name: 'report/track',
    login: null,
    app: 'phone',
    path: `/r/${community}`,
    resident: true,
    ready: async (page) => {
      await fillReport(page, '小区门口的垃圾桶满了没人清理。');
      await page.getByTestId('report-submit').click();
      await page.getByTestId('report-view-progress').click();
      await page.getByTestId('track-steps').waitFor();
    },
  },
  {
    name: 'report/track-ask',
    login: null,
    app: 'phone',
    path: '/r/track/LL-20000101-0001',
    resident: true,
    ready: (page) => page.getByTestId('track-phone4').waitFor(),
  },
  {
    name: 'report/lookup',
    login: null,
    app: 'phone',
    path: '/r',
    resident: true,
    ready: (page) => page.locator('form').waitFor(),
  },
  // The resident's phone pages (login 'resident').
  phonePage('home', '/', 'h5-home'),
  phonePage('mine', '/mine'),
  phonePage('my-reports', '/my-reports'),
  phonePage('services', '/services'),
  phonePage('service-applications', '/services/mine'),
  phonePage('hall', '/hall'),
  phonePage('topics', '/topics'),
  phonePage('votes', '/votes'),
  phonePage('meetings', '/meetings'),
  phonePage('notices', '/notices'),
  phonePage('honours', '/honours'),
  phonePage('community', '/community'),
  phonePage('activities', '/activities'),
  phonePage('wishes', '/wishes'),
  phonePage('points', '/points'),
  phonePage('rooms', '/rooms'),
  phonePage('canteen', '/canteen'),
  // The public pages: no login.
  publicPage('community', `/c/${community}`, 'public-community-name'),
  publicPage('notices', `/c/${community}/notices`),
  publicPage('board', `/c/${community}/board`),
  publicPage('services', '/services'),
  // The self-service kiosk, set up with the demo hall's token.
  {
    name: 'kiosk',
    login: null,
    app: 'phone',
    path: '/kiosk',
    resident: true,
    ready: async (page) => {
      await page.evaluate((token) => localStorage.setItem('linli.kiosk.token', token), demoKioskToken);
      await page.reload();
      await page.getByTestId('step-id').waitFor();
    },
  },
];
