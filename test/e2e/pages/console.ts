import type { Page } from 'playwright-core';
import { demoPassword } from '../browser.js';
import type { PageCase } from './index.js';

/** The first row's id (or another field) of a list the logged-in user reads, as the page's list shows it. */
async function firstOf(page: Page, baseUrl: string, apiPath: string, field = 'id'): Promise<string> {
  const res = await page.request.get(`${baseUrl}/api/v1${apiPath}`);
  if (!res.ok()) throw new Error(`GET ${apiPath}: ${res.status()}`);
  const body = (await res.json()) as { items?: Record<string, unknown>[] } | Record<string, unknown>[];
  const items = Array.isArray(body) ? body : (body.items ?? []);
  const value = items[0]?.[field];
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`no ${field} in ${apiPath}`);
  return String(value);
}

/** Makes a fresh staff account as admin, logs in with it in this context and answers the forced page. */
async function newcomerMustChangePassword(page: Page, baseUrl: string): Promise<string> {
  const post = async (path: string, data: unknown) => {
    const csrf = (await page.context().cookies(baseUrl)).find((c) => c.name === 'linli_csrf')?.value ?? '';
    const res = await page.request.post(`${baseUrl}/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } });
    if (!res.ok()) throw new Error(`POST ${path}: ${res.status()}`);
  };
  const username = `a11y.${Date.now().toString(36)}`;
  await post('/auth/login', { username: 'admin', password: demoPassword });
  await post('/users', {
    username,
    displayName: '王新',
    password: demoPassword,
    memberships: [{ role: 'community_worker', scope: '610899001001' }],
  });
  await post('/auth/logout', {});
  await post('/auth/login', { username, password: demoPassword });
  return '/change-password';
}

/**
 * The editor of a notice the worker may still edit (草稿): the demo has none, so one is written as
 * a draft here (a draft shows only under 草稿 and on no public page).
 */
async function draftNotice(page: Page, baseUrl: string): Promise<string> {
  const placeId = await firstOf(page, baseUrl, '/notices/places');
  const csrf = (await page.context().cookies(baseUrl)).find((c) => c.name === 'linli_csrf')?.value ?? '';
  const res = await page.request.post(`${baseUrl}/api/v1/notices`, {
    data: { kind: 'affairs', title: '无障碍检查用草稿', body: '楼道照明改造方案征求意见。', placeId },
    headers: { 'X-CSRF-Token': csrf },
  });
  if (!res.ok()) throw new Error(`POST /notices: ${res.status()}`);
  return `/decide/notices/${((await res.json()) as { id: string }).id}/edit`;
}

const consolePage = (login: string | null, name: string, path: string, extra: Partial<PageCase> = {}): PageCase => ({
  name: `console/${login ?? 'public'}/${name}`,
  login,
  app: 'console',
  path,
  ...extra,
});

/** Pages of one login's menu: [name, path] pairs. */
const menu = (login: string, pages: [string, string][]): PageCase[] =>
  pages.map(([name, path]) => consolePage(login, name, path));

/** Console pages (1366×768): every route of src/web/admin/router and views/*\/routes.ts, per role. */
export const consolePages: PageCase[] = [
  consolePage(null, 'login', '/login'),
  // 首次登录改密: an administrator makes a user (password given), who logs in and must change it first.
  consolePage(null, 'change-password', '/change-password', { resolve: newcomerMustChangePassword }),

  // 系统管理员: every menu of the county, and the detail pages reached from its lists.
  ...menu('admin', [
    ['dashboard', '/dashboard'],
    ['workbench', '/workbench'],
    ['place-tree', '/places/tree'],
    ['grid-map', '/grids/map'],
    ['households', '/households'],
    ['residents', '/people/residents'],
    ['resident-import', '/people/import'],
    ['party-orgs', '/people/party-orgs'],
    ['volunteers', '/people/volunteers'],
    ['in-service', '/people/in-service'],
    ['organisations', '/people/organisations'],
    ['volunteer-teams', '/people/volunteer-teams'],
    ['case-inbox', '/cases/inbox'],
    ['case-intake', '/cases/new'],
    ['case-roster', '/cases/duty-roster'],
    ['case-sms', '/cases/sms'],
    ['case-categories', '/cases/categories'],
    ['case-supervision', '/cases/supervision'],
    ['whistles', '/whistles'],
    ['disputes', '/disputes'],
    ['duty-lists', '/duty-lists'],
    ['duty-tasks', '/duty-tasks'],
    ['service-queue', '/services/applications'],
    ['service-review', '/services/review'],
    ['service-entry', '/services/entry'],
    ['assistance', '/services/assistance'],
    ['service-numbers', '/services/numbers'],
    ['hall-calling', '/hall/calling'],
    ['hall-appointments', '/hall/appointments'],
    ['hall-setup', '/hall/setup'],
    ['service-catalogue', '/services/catalogue'],
    ['service-bundles', '/services/bundles'],
    ['activities', '/community/activities'],
    ['posts', '/community/posts'],
    ['volunteer-hours', '/community/volunteer-hours'],
    ['wishes', '/community/wishes'],
    ['micro-actions', '/community/micro-actions'],
    ['wish-numbers', '/community/wish-numbers'],
    ['points-shop', '/community/points-shop'],
    ['points-ledger', '/community/points-ledger'],
    ['points-ranking', '/community/points-ranking'],
    ['points-rules', '/community/points-rules'],
    ['rooms', '/community/rooms'],
    ['room-bookings', '/community/room-bookings'],
    ['room-usage', '/community/room-usage'],
    ['stewards', '/community/stewards'],
    ['units', '/community/units'],
    ['unit-services', '/community/unit-services'],
    ['canteens', '/community/canteens'],
    ['canteen-rules', '/community/canteen-rules'],
    ['canteen-counts', '/community/canteen-counts'],
    ['community-numbers', '/community/numbers'],
    ['topics', '/decide/topics'],
    ['topic-settings', '/decide/topic-settings'],
    ['meetings', '/decide/meetings'],
    ['hand-ups', '/decide/hand-ups'],
    ['votes', '/decide/votes'],
    ['supervisors', '/decide/supervisors'],
    ['notices', '/decide/notices'],
    ['notice-approval', '/decide/notices/approval'],
    ['notice-new', '/decide/notices/new'],
    ['honours', '/decide/honours'],
    ['county-lists', '/settings/lists'],
    ['visit-logs', '/visit-logs'],
    ['departments', '/departments'],
    ['calendar', '/calendar'],
    ['users', '/users'],
    ['forbidden', '/403'],
    ['not-found', '/no-such-page'],
  ]),
  consolePage('admin', 'case-detail', '/cases/:id', {
    resolve: async (page, baseUrl) => `/cases/${await firstOf(page, baseUrl, '/cases?page=1&pageSize=1')}`,
  }),
  consolePage('admin', 'whistle-detail', '/whistles/:id', {
    resolve: async (page, baseUrl) => `/whistles/${await firstOf(page, baseUrl, '/whistles')}`,
  }),
  consolePage('admin', 'dispute-detail', '/disputes?id=:id', {
    resolve: async (page, baseUrl) => `/disputes?id=${await firstOf(page, baseUrl, '/disputes')}`,
  }),
  consolePage('admin', 'service-detail', '/services/applications/:id', {
    resolve: async (page, baseUrl) =>
      `/services/applications/${await firstOf(page, baseUrl, '/services/applications')}`,
  }),
  consolePage('admin', 'grid-households', '/grids/:code/households', {
    resolve: async (page, baseUrl) =>
      `/grids/${await firstOf(page, baseUrl, '/grids?under=610899001001', 'code')}/households`,
  }),

  // 社区工作者 (和平社区): the community's own lists and the pages of 邻里生活 and 居民议事 with its data.
  ...menu('community', [
    ['workbench', '/workbench'],
    ['case-inbox', '/cases/inbox'],
    ['residents', '/people/residents'],
    ['visit-logs', '/visit-logs'],
    ['users', '/users'],
    ['activities', '/community/activities'],
    ['wishes', '/community/wishes'],
    ['stewards', '/community/stewards'],
    ['topics', '/decide/topics'],
    ['meetings', '/decide/meetings'],
    ['votes', '/decide/votes'],
    ['notices', '/decide/notices'],
    ['honours', '/decide/honours'],
  ]),
  consolePage('community', 'topic-detail', '/decide/topics/:id', {
    resolve: async (page, baseUrl) => `/decide/topics/${await firstOf(page, baseUrl, '/deliberation/topics')}`,
  }),
  consolePage('community', 'meeting-detail', '/decide/meetings/:id', {
    resolve: async (page, baseUrl) => `/decide/meetings/${await firstOf(page, baseUrl, '/deliberation/meetings')}`,
  }),
  consolePage('community', 'vote-detail', '/decide/votes/:id', {
    resolve: async (page, baseUrl) => `/decide/votes/${await firstOf(page, baseUrl, '/deliberation/votes')}`,
  }),
  consolePage('community', 'notice-detail', '/decide/notices/:id', {
    resolve: async (page, baseUrl) => `/decide/notices/${await firstOf(page, baseUrl, '/notices')}`,
  }),
  consolePage('community', 'notice-edit', '/decide/notices/:id/edit', {
    resolve: draftNotice,
    // the draft is loaded into the form
    ready: async (page) => {
      await page.waitForFunction(
        () =>
          // Element Plus puts the test id on the <input> itself
          document.querySelector<HTMLInputElement>('input[data-testid=notice-title]')?.value === '无障碍检查用草稿',
      );
    },
  }),
  consolePage('community', 'honour-detail', '/decide/honours/:id', {
    resolve: async (page, baseUrl) => `/decide/honours/${await firstOf(page, baseUrl, '/honours/campaigns')}`,
  }),

  // 街道干部 (城关街道): the street's statistics, supervision and approvals.
  ...menu('street', [
    ['dashboard', '/dashboard'],
    ['case-supervision', '/cases/supervision'],
    ['whistles', '/whistles'],
    ['duty-lists', '/duty-lists'],
    ['notice-approval', '/decide/notices/approval'],
  ]),

  // 部门经办人 (县城市管理局): the department's inbox, its cases and tasks.
  ...menu('handler', [
    ['workbench', '/workbench'],
    ['case-inbox', '/cases/inbox'],
    ['duty-tasks', '/duty-tasks'],
    ['service-review', '/services/review'],
  ]),
  consolePage('handler', 'case-detail', '/cases/:id', {
    resolve: async (page, baseUrl) => `/cases/${await firstOf(page, baseUrl, '/cases?mine=true&page=1&pageSize=1')}`,
  }),

  // 法律顾问 (和平社区): the residents' legal questions.
  ...menu('legal', [['legal-questions', '/legal-questions']]),
];
