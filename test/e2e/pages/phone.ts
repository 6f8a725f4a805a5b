import type { Page } from 'playwright-core';
import { demoPassword, pageApi } from '../browser.js';
import type { PageCase } from './index.js';

// The phone pages (/m/, 390×844) of every staff role of the demo (README.md's demo logins): each role's
// home, the pages its tiles open, the first item of each list and the sheets a user commonly opens.
// The resident's own pages (resident login, the QR report, tracking, rating, /m/c/…, the kiosk) are in
// resident.ts. A page reached through a list is opened by its `ready`, which clicks the first item.

/** Waits for an element with this test id. */
const shows = (testId: string) => async (page: Page) => {
  await page.getByTestId(testId).first().waitFor();
};

/** Waits for an element (test id or CSS selector), then for the page's requests to end (a list that may be empty). */
const settled = (target: string) => async (page: Page) => {
  await (target.startsWith('.') ? page.locator(target) : page.getByTestId(target)).first().waitFor();
  await page.waitForLoadState('networkidle');
};

/** Waits for the list, clicks its first item (a CSS selector or test id) and waits for the detail page. */
const first =
  (list: string, item: string, detail: string) =>
  async (page: Page): Promise<void> => {
    await page.getByTestId(list).first().waitFor();
    const items = item.startsWith('.') || item.startsWith('[') ? page.locator(item) : page.getByTestId(item);
    await items.first().click();
    await page.getByTestId(detail).first().waitFor();
    await page.waitForLoadState('networkidle');
  };

/** Then clicks `opener` (test id) and waits for the sheet or dialog (test id or CSS selector) to be shown. */
const thenOpen =
  (before: (page: Page) => Promise<void>, opener: string, sheet: string) =>
  async (page: Page): Promise<void> => {
    await before(page);
    await page.getByTestId(opener).first().click();
    await (sheet.startsWith('.') ? page.locator(sheet) : page.getByTestId(sheet)).first().waitFor({ state: 'visible' });
    // Vant's popups slide in; axe reads colours of the settled sheet.
    await page.waitForTimeout(400);
  };

/**
 * Files a case as the administrator (in a context of its own) and sends it to 县城市管理局, then reloads:
 * the handler's 待接收 list is never empty, whatever the demo's own tasks have become by the time the
 * lane gets here (it once found the list empty eight minutes in).
 */
async function sendTaskToHandler(page: Page): Promise<void> {
  const base = new URL(page.url()).origin;
  const context = await page.context().browser()!.newContext();
  try {
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { username: 'admin', password: demoPassword },
    });
    if (login.status() !== 200) throw new Error(`admin login: ${login.status()} ${await login.text()}`);
    const admin = await context.newPage();
    const filed = await pageApi<{ id: string }>(admin, base, 'POST', '/cases', {
      channel: 'hotline',
      placeCode: '610899001001',
      description: '和平路口井盖松动，车辆经过时响声很大',
    });
    await pageApi(admin, base, 'POST', `/cases/${filed.id}/actions/accept`, {});
    const departments = await pageApi<{ items: { id: string; name: string }[] }>(admin, base, 'GET', '/departments');
    await pageApi(admin, base, 'POST', `/cases/${filed.id}/actions/dispatch`, {
      target: { kind: 'department', id: departments.items.find((d) => d.name === '县城市管理局')!.id },
    });
  } finally {
    await context.close();
  }
  await page.reload();
}

const phonePage = (login: string, name: string, path: string, ready?: (page: Page) => Promise<void>): PageCase => ({
  name: `phone/${login}/${name}`,
  login,
  app: 'phone',
  path,
  ready,
});

/** Each staff role's home and mine pages. */
const homes = [
  'grid',
  'community',
  'receiver',
  'police',
  'handler',
  'legal',
  'mediator',
  'volunteer',
  'steward',
  'supervisor',
  'unit',
  'canteen',
  'party',
  'street',
].flatMap((login) => [
  phonePage(login, 'home', '/m/', shows('h5-home')),
  phonePage(login, 'mine', '/m/mine', shows('h5-mine')),
]);

/** Phone and resident pages (390×844) of the staff roles — issue 18's accessibility work. */
export const phonePages: PageCase[] = [
  ...homes,
  // 网格员: the grid down to a resident, diaries, 随手拍, tasks and a task's action sheet.
  phonePage('grid', 'grid', '/m/grid', shows('building-item')),
  phonePage('grid', 'grid-building', '/m/grid', first('h5-grid', 'building-item', 'unit-item')),
  phonePage('grid', 'grid-unit', '/m/grid', async (page) => {
    await first('h5-grid', 'building-item', 'unit-item')(page);
    await page.getByTestId('unit-item').first().click();
    await page.getByTestId('h5-unit').waitFor();
    await page.getByTestId('household-item').first().waitFor();
  }),
  phonePage(
    'grid',
    'mine-language-sheet',
    '/m/mine',
    thenOpen(shows('language-cell'), 'language-cell', '.van-action-sheet'),
  ),
  phonePage('grid', 'visits', '/m/visits', shows('my-visit-logs')),
  phonePage('grid', 'visit-write', '/m/visits/new', shows('visit-content')),
  phonePage('grid', 'snap', '/m/snap', settled('h5-snap')),
  phonePage('grid', 'tasks', '/m/tasks', settled('task-tabs')),
  phonePage('grid', 'assist', '/m/assist', settled('h5-assist')),
  phonePage('grid', 'legal', '/m/legal', settled('h5-legal')),
  phonePage('grid', 'rooms', '/m/rooms', shows('room-item')),
  phonePage('grid', 'room-book', '/m/rooms', first('h5-rooms', 'room-item', 'room-submit')),
  phonePage('grid', 'topics', '/m/topics', shows('topic-card')),
  phonePage('grid', 'topic', '/m/topics', first('h5-topics', 'topic-card', 'topic-state')),
  phonePage('grid', 'topic-new', '/m/topics/new', shows('topic-title')),
  phonePage('grid', 'notices', '/m/notices', shows('notice-row')),
  phonePage('grid', 'notice', '/m/notices', first('h5-notices', 'notice-row', 'notice-content')),
  phonePage('grid', 'wishes', '/m/wishes', settled('h5-wishes')),
  phonePage('grid', 'wish', '/m/wishes', first('h5-wishes', '.wish-card', 'wish-state')),
  phonePage('grid', 'wish-new', '/m/wishes/new', settled('h5-wish-new')),
  phonePage('grid', 'micro-actions', '/m/micro-actions', settled('h5-micro-actions')),
  phonePage('grid', 'points', '/m/points', shows('points-balance')),
  phonePage('grid', 'shop', '/m/shop', shows('shop-balance')),
  phonePage('grid', 'canteen', '/m/canteen', shows('canteen-menu')),
  phonePage('grid', 'activities', '/m/activities', shows('activity-card')),
  phonePage('grid', 'activity', '/m/activities', first('h5-activities', 'activity-card', 'h5-activity')),
  phonePage('grid', 'volunteer-hours', '/m/volunteer-hours', shows('my-hours-total')),
  phonePage('grid', 'posts', '/m/posts', settled('h5-posts')),
  // The household and a resident of it.
  phonePage('grid', 'household', '/m/grid', async (page) => {
    await first('h5-grid', 'building-item', 'unit-item')(page);
    await page.getByTestId('unit-item').first().click();
    await page.getByTestId('household-item').first().click();
    await page.getByTestId('member-item').first().waitFor();
  }),
  phonePage('grid', 'resident', '/m/grid', async (page) => {
    await first('h5-grid', 'building-item', 'unit-item')(page);
    await page.getByTestId('unit-item').first().click();
    await page.getByTestId('household-item').first().click();
    await page.getByTestId('member-item').first().click();
    await page.getByTestId('resident-phone').waitFor();
  }),
  // 社区工作者: tasks, disputes and a dispute.
  phonePage('community', 'tasks', '/m/tasks', settled('task-tabs')),
  phonePage('community', 'disputes', '/m/disputes', shows('dispute-row')),
  phonePage('community', 'dispute', '/m/disputes', first('dispute-list', 'dispute-row', 'dispute-status')),
  // 接哨员 (司法所, 派出所) and 部门经办人: whistles and department tasks.
  phonePage('receiver', 'whistles', '/m/whistles', settled('whistle-tabs')),
  phonePage('police', 'whistles', '/m/whistles', shows('whistle-tabs')),
  phonePage('handler', 'tasks', '/m/tasks', shows('task-tabs')),
  phonePage('handler', 'task', '/m/tasks', async (page) => {
    await sendTaskToHandler(page);
    await first('task-list', 'task-item', 'task-timeline')(page);
  }),
  phonePage('handler', 'task-sheet', '/m/tasks', async (page) => {
    await sendTaskToHandler(page);
    await first('task-list', 'task-item', 'task-timeline')(page);
    // 添加备注 opens the sheet on any task (接单 acts at once).
    await page.getByTestId('task-action-note').click();
    await page.getByTestId('task-sheet').waitFor({ state: 'visible' });
    await page.waitForTimeout(400);
  }),
  // 法律顾问 and 人民调解员.
  phonePage('legal', 'legal', '/m/legal', shows('legal-tabs')),
  phonePage('legal', 'legal-ask', '/m/legal?tab=ask', shows('legal-ask')),
  phonePage('legal', 'legal-faq', '/m/legal?tab=faq', settled('legal-tabs')),
  phonePage('mediator', 'disputes', '/m/disputes', shows('dispute-row')),
  // 调解: the page lists have a server of their own, so the demo's open disputes are still open here.
  phonePage(
    'mediator',
    'mediation',
    '/m/disputes',
    thenOpen(first('dispute-list', 'dispute-row', 'dispute-status'), 'dispute-mediate', 'mediation-popup'),
  ),
  // 志愿者: the advisers' page.
  phonePage('volunteer', 'assist', '/m/assist', settled('h5-assist')),
  // 楼门管家: the building, votes, meetings, honours and the supervisors' call.
  phonePage('steward', 'steward', '/m/steward', shows('steward-checklist')),
  phonePage('steward', 'my-building', '/m/my-building', settled('h5-steward-building')),
  phonePage('steward', 'votes', '/m/votes', settled('h5-votes')),
  phonePage('steward', 'meetings', '/m/meetings', settled('h5-meetings')),
  phonePage('steward', 'honours', '/m/honours', settled('h5-honours')),
  phonePage('steward', 'honour', '/m/honours', first('h5-honours', '.campaign', 'h5-honour')),
  phonePage('steward', 'supervision-call', '/m/supervision', settled('.van-nav-bar')),
  // 百姓监督员.
  phonePage('supervisor', 'supervisor', '/m/supervisor', settled('.van-nav-bar')),
  // 共建单位联络员: the unit, a list entry and its party members.
  phonePage('unit', 'unit', '/m/unit', shows('unit-card')),
  phonePage('unit', 'unit-entry', '/m/unit', first('h5-unit-home', 'unit-entry', 'h5-unit-entry')),
  phonePage('unit', 'unit-members', '/m/unit-members', settled('h5-unit-members')),
  // 助餐点操作员.
  phonePage('canteen', 'canteen-desk', '/m/canteen-desk', shows('desk-search')),
];
