import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { demoPassword, desktop, launchBrowser, phone, screenshot } from './browser.js';
import { runLinli, startLinli, type RunningServer } from './server.js';

// Stored XSS: attack strings in every name and free text a user can type (places, grids, buildings,
// households, residents, organisations, cases, whistles, disputes, visit logs, legal questions, duty
// lists) and in the names only the database holds (case categories, departments, user names), then
// every console page, phone page and report page that shows them, as the roles who see them. Nothing
// may run: no dialog, no page error, no Content-Security-Policy violation, no element made from the
// text; and the text is shown as written (the grid's name in the map's label, the category in the
// chart's tooltip …).
//
// This file starts its own server on its own data folder: it renames the demo county's places, people
// and departments, and the other files assert the demo's names and counts (和平社区 has six grids).
// Case categories, departments and user names have no API that writes them, so they are renamed in
// the database after `linli seed --demo` and before `linli start` (the shortest way that changes
// nothing in the product for a test).

// Three attacks: an image whose error handler runs, an SVG whose load handler runs, and a script
// tag after closing an attribute. Each name and text carries one of them.
const img = '<img src=x onerror=alert(1)>';
const svg = '<svg onload=alert(2)>';
const tag = '"><script>alert(3)</script>';

const streetCode = '610899001';
const communityCode = '610899001001';
const gridCode = '610899001001001';
const buildingCode = '610899001001-1';
const unitCode = '610899001001-1-1';
const householdCode = '610899001001-1-1-999';
const reporterPhone = '13800004321';

const names = {
  street: `城关街道${svg}`,
  community: `和平社区${img}`,
  grid: `第一网格${img}`,
  building: `1号楼${img}`,
  unit: `1单元${svg}`,
  household: `999室${tag}`,
  address: `地址${img}`,
  resident: `居民${img}`,
  residentNotes: `备注${svg}`,
  partyOrg: `党支部${img}`,
  volunteerTeam: `志愿队${img}`,
  workUnit: `单位${img}`,
  claimedPost: `岗位${svg}`,
  organisation: `物业公司${img}`,
  caseDescription: `楼道堆满杂物${img}`,
  caseAddress: `楼道${svg}`,
  reporterName: `报事人${img}`,
  caseNote: `已受理${svg}`,
  caseResult: `已清理${img}`,
  whistleSubject: `吹哨${img}`,
  whistleRequest: `请到场${svg}`,
  summonsReport: `已处理${img}`,
  scoreComment: `评价${tag}`,
  disputeSummary: `邻里纠纷${img}`,
  applicant: `申请人${img}`,
  respondent: `被申请人${svg}`,
  mediator: `调解员${tag}`,
  mediationRecord: `调解记录${img}`,
  followup: `回访${svg}`,
  visitLog: `走访${img}`,
  legalQuestion: `咨询问题${img}`,
  legalAnswer: `律师答复${svg}`,
  dutyListTitle: `清单${img}`,
  dutyItem: `事项${img}`,
  dutyLegalBasis: `依据${svg}`,
  dutyTaskTitle: `派单${img}`,
  dutyTaskDescription: `说明${svg}`,
  // written in the database (no API writes them)
  categorySuffix: img,
  justice: `城关司法所${img}`,
  police: `城关派出所${svg}`,
  cityManagement: `城市管理局${img}`,
  gridWorker: `张伟${img}`,
  communityWorker: `李秀英${svg}`,
};

let server: RunningServer;
let dataDir = '';
let baseUrl = '';
let browser: Browser;
const categoryNames: string[] = [];
let garbageCategory = '';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-xss-'));
  const env = { DEMO_CASES: '400' };
  await runLinli(['seed', '--demo'], dataDir, env);
  await plantWhereNoApiWrites();
  server = await startLinli(dataDir, env);
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  await plantThroughTheApi();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function plantWhereNoApiWrites() {
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
  try {
    const { db } = handle;
    await db
      .updateTable('case_categories')
      .set({ name_zh: sql`name_zh || ${names.categorySuffix}` })
      .execute();
    categoryNames.push(
      ...(await db.selectFrom('case_categories').select('name_zh').where('parent_code', 'is', null).execute()).map(
        (c) => c.name_zh,
      ),
    );
    garbageCategory = (
      await db.selectFrom('case_categories').select('name_zh').where('code', '=', 'garbage').executeTakeFirstOrThrow()
    ).name_zh;
    for (const [code, name] of [
      ['D61089901', names.justice],
      ['D61089903', names.police],
      ['D61089905', names.cityManagement],
    ]) {
      await db.updateTable('departments').set({ name }).where('code', '=', code).execute();
    }
    await db.updateTable('users').set({ display_name: names.gridWorker }).where('username', '=', 'grid').execute();
    await db
      .updateTable('users')
      .set({ display_name: names.communityWorker })
      .where('username', '=', 'community')
      .execute();
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Users: one browser context per role and screen, logged in once through the API.

interface Role {
  context: BrowserContext;
  page: Page;
  api: Api;
  problems: string[];
}

class Api {
  constructor(
    private readonly request: APIRequestContext,
    private readonly context: BrowserContext,
  ) {}
  private async csrf() {
    return (await this.context.cookies()).find((c) => c.name === 'linli_csrf')?.value ?? '';
  }
  async get(url: string) {
    const res = await this.request.get(`${baseUrl}/api/v1${url}`);
    if (!res.ok()) throw new Error(`GET ${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  }
  async send(method: 'POST' | 'PATCH', url: string, data: unknown) {
    const res = await this.request.fetch(`${baseUrl}/api/v1${url}`, {
      method,
      data: data as object,
      headers: { 'x-csrf-token': await this.csrf() },
    });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  }
  post = (url: string, data: unknown) => this.send('POST', url, data);
  patch = (url: string, data: unknown) => this.send('PATCH', url, data);
  async upload(url: string, file: Buffer, name: string) {
    const res = await this.request.post(`${baseUrl}/api/v1${url}`, {
      multipart: {
        file: { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file },
      },
      headers: { 'x-csrf-token': await this.csrf() },
    });
    if (!res.ok()) throw new Error(`POST ${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  }
  async bytes(url: string) {
    const res = await this.request.get(`${baseUrl}/api/v1${url}`);
    if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
    return res.body();
  }
}

const roles = new Map<string, Role>();

/** A role's browser: every dialog, page error and CSP report on any of its pages is a problem. */
async function as(username: string | null, screen: 'desktop' | 'phone'): Promise<Role> {
  const key = `${username ?? 'anonymous'}@${screen}`;
  const known = roles.get(key);
  if (known) return known;
  const context = await browser.newContext(
    screen === 'desktop'
      ? { viewport: desktop, locale: 'zh-CN' }
      : { viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  );
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    problems.push(`${key} ${page.url()}: a ${dialog.type()} opened: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.push(`${key} ${page.url()}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`${key} ${page.url()}: ${message.text()}`);
  });
  const api = new Api(context.request, context);
  if (username) {
    const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
      data: { username, password: demoPassword },
    });
    if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
  }
  const role = { context, page, api, problems };
  roles.set(key, role);
  return role;
}

/** Elements the attack strings would make if some page read them as HTML. */
const madeFromText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[onerror], [onload], script:not([src]), img[src="x"]')].map((element) =>
      element.outerHTML.slice(0, 120),
    ),
  );

interface Visit {
  /** a test id on the page that says it has loaded */
  ready?: string;
  /** texts that must be shown as written */
  shows?: string[];
  /** more to do on the page (hover, click) before it is checked */
  then?: (page: Page) => Promise<void>;
}

async function visit(role: Role, url: string, { ready, shows = [], then }: Visit = {}) {
  const { page } = role;
  try {
    await page.goto(`${baseUrl}${url}`);
    if (ready) await page.getByTestId(ready).first().waitFor({ timeout: 20_000 });
    for (const text of shows)
      await expect
        .poll(() => page.getByText(text).count(), { message: `${url} shows ${text}`, timeout: 15_000 })
        .toBeGreaterThan(0);
    if (then) await then(page);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  } catch (error) {
    await screenshot(page, `xss-${url.replace(/[^\w]+/g, '-').slice(0, 60)}`);
    throw error;
  }
  const made = await madeFromText(page);
  if (made.length) role.problems.push(`${url}: elements made from text: ${made.join(' | ')}`);
}

/**
 * Moves the mouse down a chart until its tooltip shows one of the texts. On a busy machine the chart
 * may draw its tooltip a frame late or the page may still move (cards above it load), so each step
 * waits for a frame, and the sweep is made again with the chart's box measured anew.
 */
async function hoverChartUntil(page: Page, testid: string, texts: string[]) {
  const chart = page.getByTestId(testid);
  for (let sweep = 0; sweep < 3; sweep++) {
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    for (let y = box.y + 4; y < box.y + box.height; y += 6) {
      await page.mouse.move(box.x + box.width * 0.6, y);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      const shown = await chart.innerText();
      if (texts.some((text) => shown.includes(text))) return;
    }
    await page.mouse.move(0, 0);
  }
  throw new Error(`no tooltip on ${testid} showed ${texts.join(' / ')}`);
}

// ---------------------------------------------------------------------------------------------
// The attack strings go in through the API, as the people who may write them.

const ids = {
  resident: '',
  caseToGrid: '',
  caseToDepartment: '',
  trackingCode: '',
  whistle: '',
  dispute: '',
  legalQuestion: '',
};

async function plantThroughTheApi() {
  const admin = (await as('admin', 'desktop')).api;
  await admin.patch(`/places/${streetCode}`, { name: names.street });
  await admin.patch(`/places/${communityCode}`, { name: names.community });
  await admin.patch(`/places/${gridCode}`, { name: names.grid });
  await admin.patch(`/places/${buildingCode}`, { name: names.building });
  await admin.patch(`/places/${unitCode}`, { name: names.unit });
  await admin.post('/places', {
    parentCode: unitCode,
    kind: 'household',
    name: names.household,
    localCode: '999',
    address: names.address,
    floor: 9,
  });
  ids.resident = (
    await admin.post('/residents', {
      householdCode,
      name: names.resident,
      notes: names.residentNotes,
      relation: 'head',
      tags: ['elderly_alone'],
      phone: '13900001111',
    })
  ).id;
  const branch = (await admin.get(`/party-orgs?under=${communityCode}`)).items.find(
    (o: { kind: string }) => o.kind === 'community_branch',
  );
  const partyOrg = await admin.post('/party-orgs', {
    name: names.partyOrg,
    kind: 'grid_branch',
    placeCode: gridCode,
    parentId: branch.id,
  });
  await admin.post('/party-members', { residentId: ids.resident, partyOrgId: partyOrg.id });
  await admin.post('/volunteers', { residentId: ids.resident, team: names.volunteerTeam, skills: ['<b>剪发</b>'] });
  await admin.post('/in-service-members', {
    residentId: ids.resident,
    workUnit: names.workUnit,
    communityCode,
    claimedPosts: [names.claimedPost],
  });
  await admin.post('/organisations', {
    kind: 'property_company',
    name: names.organisation,
    placeCode: communityCode,
    contactName: '<svg onload=alert()>',
  });

  // A new version of the street's duty list, from its own export with one item renamed.
  const [list] = (await admin.get(`/duty-lists?street=${streetCode}`)).items;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await admin.bytes(`/duty-lists/${list.id}/export.xlsx`)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(cell.text.trim(), col));
  sheet.getRow(2).getCell(header.get('事项')!).value = names.dutyItem;
  sheet.getRow(2).getCell(header.get('法律依据')!).value = names.dutyLegalBasis;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await admin.upload(
    `/duty-lists/import?streetCode=${streetCode}&title=${encodeURIComponent(names.dutyListTitle)}&effectiveFrom=${today}`,
    Buffer.from(await book.xlsx.writeBuffer()),
    'list.xlsx',
  );

  // Cases: one sent to the grid worker, one to a department, resolved.
  const community = (await as('community', 'desktop')).api;
  const gridUser = (await community.get(`/grids?under=${communityCode}`)).items.find(
    (g: { code: string }) => g.code === gridCode,
  ).workers[0];
  const departments: { id: string; code: string }[] = (await community.get('/departments')).items;
  const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
  const intake = (n: number) =>
    community.post('/cases', {
      channel: 'hotline',
      placeCode: householdCode,
      categoryCode: 'garbage',
      description: `${names.caseDescription}${n}`,
      address: names.caseAddress,
      reporterName: names.reporterName,
      reporterPhone,
    });
  const toGrid = await intake(1);
  ids.caseToGrid = toGrid.id;
  await community.post(`/cases/${toGrid.id}/actions/accept`, { note: names.caseNote });
  await community.post(`/cases/${toGrid.id}/actions/dispatch`, {
    target: { kind: 'user', id: gridUser.id },
    note: names.caseNote,
  });
  const toDepartment = await intake(2);
  ids.caseToDepartment = toDepartment.id;
  ids.trackingCode = toDepartment.trackingCode;
  await community.post(`/cases/${toDepartment.id}/actions/accept`, { note: names.caseNote });
  await community.post(`/cases/${toDepartment.id}/actions/dispatch`, {
    target: { kind: 'department', id: departmentId('D61089905') },
    note: names.caseNote,
  });
  const handler = (await as('handler', 'desktop')).api;
  await handler.post(`/cases/${toDepartment.id}/actions/take`, { note: names.caseNote });
  await handler.post(`/cases/${toDepartment.id}/actions/resolve`, { result: names.caseResult });
  const grid = (await as('grid', 'phone')).api;
  await grid.post(`/cases/${toGrid.id}/actions/take`, { note: names.caseNote });
  await grid.post('/visit-logs', { id: crypto.randomUUID(), householdCode, content: names.visitLog });

  // A whistle to the justice office and the police; the justice office answers; the community scores.
  ids.whistle = (
    await community.post('/whistles', {
      placeCode: buildingCode,
      subject: names.whistleSubject,
      request: names.whistleRequest,
      departmentCodes: ['D61089901', 'D61089903'],
    })
  ).id;
  const receiver = (await as('receiver', 'phone')).api;
  const summons = (await receiver.get(`/whistles/${ids.whistle}`)).summonses.find(
    (s: { department: { code: string } }) => s.department.code === 'D61089901',
  );
  await receiver.post(`/summonses/${summons.id}/actions/acknowledge`, { note: names.summonsReport });
  await receiver.post(`/summonses/${summons.id}/actions/checkIn`, { lng: 108.782, lat: 37.587 });
  await receiver.post(`/summonses/${summons.id}/actions/report`, { note: names.summonsReport });
  await community.post(`/summonses/${summons.id}/actions/score`, { score: 4, comment: names.scoreComment });

  // A dispute with a mediation session and a follow-up.
  ids.dispute = (
    await community.post('/disputes', {
      placeCode: householdCode,
      disputeType: 'neighbour',
      summary: names.disputeSummary,
      source: 'walk_in',
      risk: 'high',
      parties: [
        { role: 'applicant', name: names.applicant, phone: '13900002222' },
        { role: 'respondent', name: names.respondent },
      ],
    })
  ).id;
  const mediator = (await as('mediator', 'phone')).api;
  await mediator.post(`/disputes/${ids.dispute}/mediations`, {
    mediators: [names.mediator],
    record: names.mediationRecord,
    outcome: 'agreed',
    agreementText: names.mediationRecord,
  });
  await mediator.post(`/disputes/${ids.dispute}/followups`, { note: names.followup });

  // A legal question and its answer; a department's task for the community.
  const resident = (await as('resident', 'phone')).api;
  ids.legalQuestion = (
    await resident.post('/legal-questions', { communityCode, question: names.legalQuestion, public: true })
  ).id;
  await (
    await as('legal', 'desktop')
  ).api.post(`/legal-questions/${ids.legalQuestion}/answer`, { answer: names.legalAnswer });
  await handler.post('/duty-tasks', {
    communityCode,
    title: names.dutyTaskTitle,
    description: names.dutyTaskDescription,
  });
}

const expectNoProblems = (role: Role) => expect(role.problems).toEqual([]);

// ---------------------------------------------------------------------------------------------

describe('stored XSS: every name and free text is shown as text, under a strict CSP', () => {
  it('every HTML page is sent with a Content-Security-Policy that allows no inline or eval script', async () => {
    for (const url of ['/', '/m/', `/r/${communityCode}`, '/api/docs']) {
      const res = await fetch(`${baseUrl}${url}`);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy, url).toContain("default-src 'self'");
      expect(policy, url).toMatch(/script-src 'self'(;|$)/);
      expect(policy, url).toContain("object-src 'none'");
      expect(policy, url).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await res.text(), url).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('console as the county administrator: places, people, cases, whistles, disputes, duty lists', async () => {
    const admin = await as('admin', 'desktop');
    await visit(admin, '/dashboard', {
      ready: 'dashboard',
      then: async (page) => {
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="dashboard"] .echart[data-ready="true"]').length >= 3,
          null,
          { timeout: 20_000 },
        );
        // The categories' tooltip names a category as written.
        await hoverChartUntil(page, 'category-chart', categoryNames);
        const trend = page.getByTestId('trend-chart');
        const trendBox = (await trend.boundingBox())!;
        await page.mouse.move(trendBox.x + trendBox.width * 0.5, trendBox.y + trendBox.height * 0.6);
        await page.mouse.move(0, 0);
      },
    });
    await visit(admin, '/workbench');
    await visit(admin, '/places/tree', {
      ready: 'place-tree',
      then: async (page) => {
        const tree = page.getByTestId('place-tree');
        for (const name of [names.street, names.community, names.grid, names.building]) {
          const node = tree.locator('.el-tree-node__content', { hasText: name }).first();
          await node.click({ timeout: 15_000 });
          await expect.poll(() => page.getByTestId('place-detail').innerText()).toContain(name);
          await node.locator('.el-tree-node__expand-icon').click();
        }
      },
    });
    await visit(admin, `/grids/map?under=${communityCode}`, { ready: 'grid-map', shows: [names.grid] });
    await visit(admin, '/households', { ready: 'households-grid-table' });
    await visit(admin, `/grids/${gridCode}/households`, { ready: 'households-table' });
    await visit(admin, `/people/residents?under=${householdCode}&id=${ids.resident}`, {
      ready: 'resident-drawer',
      shows: [names.resident, names.residentNotes, names.address],
    });
    await visit(admin, '/people/import', { ready: 'import-community' });
    await visit(admin, '/people/party-orgs', { ready: 'party-tree', shows: [names.partyOrg] });
    await visit(admin, '/people/volunteers', { ready: 'volunteers-table', shows: [names.volunteerTeam] });
    await visit(admin, '/people/in-service', { ready: 'in-service-table', shows: [names.workUnit] });
    await visit(admin, '/people/organisations', { ready: 'organisations-table', shows: [names.organisation] });
    await visit(admin, '/visit-logs', { ready: 'visit-logs', shows: [names.visitLog] });
    await visit(admin, '/departments', { ready: 'departments-table', shows: [names.justice] });
    await visit(admin, `/cases/inbox?state=all&under=${gridCode}`, {
      ready: 'cases-table',
      shows: [`${names.caseDescription}1`],
      then: async (page) => {
        // A cut-off cell shows its whole text in a tooltip.
        await page.locator('.el-table__body .cell.el-tooltip', { hasText: garbageCategory }).first().hover();
        await expect
          .poll(() => page.locator('.el-popper').filter({ hasText: garbageCategory }).count(), { timeout: 10_000 })
          .toBeGreaterThan(0);
      },
    });
    await visit(admin, `/cases/${ids.caseToDepartment}`, {
      ready: 'case-detail',
      shows: [`${names.caseDescription}2`, names.caseResult, names.cityManagement],
    });
    await visit(admin, '/cases/new', { ready: 'case-intake' });
    await visit(admin, '/cases/duty-roster', { ready: 'case-roster' });
    await visit(admin, '/cases/sms', { ready: 'sms-table' });
    await visit(admin, '/cases/categories', { ready: 'categories-table-event', shows: [categoryNames[0]] });
    await visit(admin, '/whistles?state=all', { ready: 'whistle-page' });
    await visit(admin, `/whistles/${ids.whistle}`, {
      ready: 'whistle-detail',
      shows: [names.whistleSubject, names.justice, names.summonsReport],
    });
    await visit(admin, `/disputes?id=${ids.dispute}`, {
      ready: 'dispute-drawer',
      shows: [names.disputeSummary, names.mediationRecord],
    });
    await visit(admin, `/duty-lists?street=${streetCode}`, {
      ready: 'duty-table',
      shows: [names.dutyItem, names.dutyLegalBasis],
    });
    await visit(admin, '/duty-tasks', { ready: 'duty-tasks' });
    expectNoProblems(admin);
  });

  it('console as the community worker: the grid map labels and the heat map tooltip name the grid as written', async () => {
    const community = await as('community', 'desktop');
    await visit(community, `/grids/map?grid=${gridCode}`, {
      ready: 'grid-panel',
      shows: [names.grid, names.gridWorker],
    });
    await visit(community, '/dashboard', {
      ready: 'dashboard',
      then: async (page) => {
        const polygon = page.locator(`.heat-polygon[data-code="${gridCode}"]`);
        await polygon.scrollIntoViewIfNeeded();
        await polygon.hover({ force: true });
        await expect
          .poll(() => page.locator('.heat-tooltip').first().innerText(), { timeout: 10_000 })
          .toContain(names.grid);
      },
    });
    await visit(community, `/whistles/${ids.whistle}`, { ready: 'whistle-detail', shows: [names.scoreComment] });
    await visit(community, `/cases/${ids.caseToGrid}`, { ready: 'case-detail', shows: [names.gridWorker] });
    await visit(community, '/duty-tasks', { ready: 'duty-tasks', shows: [names.dutyTaskTitle] });
    await visit(community, '/cases/duty-roster', {
      ready: 'roster-table',
      shows: [names.communityWorker],
      then: async (page) => {
        // Taking someone off the roster asks first, naming them as written.
        await page
          .getByTestId('roster-table')
          .locator('tr', { hasText: names.communityWorker })
          .locator('.el-button--danger')
          .click();
        const box = page.locator('.el-message-box');
        await expect.poll(() => box.innerText()).toContain(names.communityWorker);
        await box.locator('.el-message-box__btns button').first().click();
      },
    });
    await visit(community, '/cases/sms', { ready: 'sms-table', shows: [names.community] });
    expectNoProblems(community);
  });

  it('console as a department: the handler’s case and the receiver’s whistle', async () => {
    const handler = await as('handler', 'desktop');
    await visit(handler, '/cases/inbox', { ready: 'cases-table', shows: [`${names.caseDescription}2`] });
    await visit(handler, `/cases/${ids.caseToDepartment}`, { ready: 'case-detail', shows: [names.communityWorker] });
    await visit(handler, '/duty-tasks', { ready: 'duty-tasks', shows: [names.dutyTaskTitle] });
    expectNoProblems(handler);
    const receiver = await as('receiver', 'desktop');
    await visit(receiver, '/whistles', { ready: 'whistle-page', shows: [names.whistleSubject] });
    await visit(receiver, `/whistles/${ids.whistle}`, { ready: 'whistle-detail', shows: [names.police] });
    expectNoProblems(receiver);
    const legal = await as('legal', 'desktop');
    await visit(legal, '/legal-questions', { ready: 'legal-queue' });
    expectNoProblems(legal);
  });

  it('phone pages as the grid worker, the receiver, the mediator, the adviser and a resident', async () => {
    const grid = await as('grid', 'phone');
    await visit(grid, '/m/', { ready: 'h5-home', shows: [names.grid] });
    await visit(grid, '/m/mine', { ready: 'h5-mine', shows: [names.gridWorker] });
    await visit(grid, '/m/grid', { ready: 'h5-grid', shows: [names.building] });
    await visit(grid, `/m/grid/building/${buildingCode}`, { ready: 'h5-building', shows: [names.unit] });
    await visit(grid, `/m/grid/unit/${unitCode}`, { ready: 'h5-unit', shows: [names.unit] });
    await visit(grid, `/m/household/${householdCode}`, {
      ready: 'h5-household',
      shows: [names.resident, names.visitLog],
    });
    await visit(grid, `/m/resident/${ids.resident}`, { ready: 'h5-resident', shows: [names.resident] });
    await visit(grid, '/m/visits', { ready: 'h5-visits', shows: [names.visitLog] });
    await visit(grid, `/m/visits/new?household=${householdCode}`, { ready: 'h5-visit-write' });
    await visit(grid, '/m/snap', { ready: 'h5-snap' });
    await visit(grid, '/m/tasks?tab=in_progress', { ready: 'h5-tasks', shows: [`${names.caseDescription}1`] });
    await visit(grid, `/m/tasks/${ids.caseToGrid}`, {
      ready: 'h5-task',
      shows: [`${names.caseDescription}1`, names.caseNote],
    });
    expectNoProblems(grid);

    const receiver = await as('receiver', 'phone');
    await visit(receiver, '/m/whistles', { ready: 'h5-whistles', shows: [names.whistleSubject] });
    await visit(receiver, `/m/whistles/${ids.whistle}`, {
      ready: 'h5-whistle',
      shows: [names.justice, names.police, names.summonsReport],
    });
    expectNoProblems(receiver);

    const mediator = await as('mediator', 'phone');
    await visit(mediator, '/m/disputes', { ready: 'h5-disputes', shows: [names.disputeSummary] });
    await visit(mediator, `/m/disputes/${ids.dispute}`, {
      ready: 'h5-dispute',
      shows: [names.applicant, names.mediationRecord, names.followup],
    });
    expectNoProblems(mediator);

    const legal = await as('legal', 'phone');
    await visit(legal, '/m/legal', { ready: 'h5-legal' });
    expectNoProblems(legal);

    const resident = await as('resident', 'phone');
    await visit(resident, '/m/legal?tab=mine', { ready: 'h5-legal', shows: [names.legalQuestion, names.legalAnswer] });
    await visit(resident, '/m/legal?tab=faq', { ready: 'h5-legal', shows: [names.legalQuestion] });
    await visit(resident, '/m/my-reports', { ready: 'h5-my-reports' });
    expectNoProblems(resident);
  });

  it('the residents’ report and tracking pages, and the API documentation', async () => {
    const desk = await as(null, 'desktop');
    await visit(desk, '/login', { ready: 'login-username' });
    expectNoProblems(desk);
    const visitor = await as(null, 'phone');
    await visit(visitor, '/m/login', { ready: 'login-username' });
    await visit(visitor, `/r/${communityCode}`, { ready: 'report-page', shows: [names.community] });
    await visit(visitor, `/r/track/${ids.trackingCode}`, {
      ready: 'track-page',
      then: async (page) => {
        await page.getByTestId('track-phone4').fill(reporterPhone.slice(-4));
        await page.getByTestId('track-submit').click();
        await expect
          .poll(() => page.getByTestId('track-page').innerText(), { timeout: 10_000 })
          .toContain(names.caseResult);
      },
    });
    await visit(visitor, '/r');
    await visit(visitor, '/api/docs', {
      then: async (page) => void (await page.locator('.swagger-ui .info').waitFor({ timeout: 20_000 })),
    });
    expectNoProblems(visitor);
  });
});
