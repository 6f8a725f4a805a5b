import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { multipart } from '../support/files.js';

// zod's own messages are English only; every refusal of a field is told in the caller's language.

let ctx: TestContext;
let worker: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const issuesOf = (body: { error: { code: string; details: { issues: { path: string; message: string }[] } } }) => {
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.details.issues;
};
const rate = (body: unknown, language: string) =>
  new Session(ctx).request('POST', '/api/v1/public/cases/LL-20261124-0042/rating', body, {
    'accept-language': language,
  });

describe(`validation messages in the caller's language (${testEngine})`, () => {
  it('tells a field of the wrong type, a missing one and a value not in the list in Chinese and in English', async () => {
    const body = { rating: 'great', solved: 'yes' };
    const zh = await rate(body, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(issuesOf(zh.body)).toEqual([
      { path: 'rating', message: '应为其中之一：satisfied、basic、unsatisfied' },
      { path: 'solved', message: '应为是或否（true/false）' },
    ]);
    const en = await rate(body, 'en');
    expect(issuesOf(en.body)).toEqual([
      { path: 'rating', message: 'must be one of: satisfied, basic, unsatisfied' },
      { path: 'solved', message: 'must be true or false' },
    ]);
    const missing = await rate({ solved: true }, 'zh-CN');
    expect(issuesOf(missing.body)).toEqual([{ path: 'rating', message: '必填' }]);
    expect(issuesOf((await rate({ solved: true }, 'en')).body)).toEqual([{ path: 'rating', message: 'required' }]);
  });

  it('tells numbers out of range, malformed ids and dates, and query strings in both languages', async () => {
    const action = (language: string) =>
      worker.request(
        'POST',
        '/api/v1/cases/not-a-uuid/actions/dispatch',
        { resolveHours: 0, target: { kind: 'user', id: 'x' } },
        { 'accept-language': language },
      );
    expect(issuesOf((await action('zh-CN')).body)).toEqual([{ path: 'id', message: '编号格式不正确' }]);
    expect(issuesOf((await action('en')).body)).toEqual([{ path: 'id', message: 'must be a UUID' }]);

    const summary = (language: string) =>
      worker.request('GET', '/api/v1/stats/summary?from=2026-13-45&channel=fax', undefined, {
        'accept-language': language,
      });
    expect(issuesOf((await summary('zh-CN')).body)).toEqual([
      { path: 'from', message: '应为日期（YYYY-MM-DD）' },
      { path: 'channel', message: '应为其中之一：qr、snap、hotline、walkIn、kiosk、patrol、open311、import' },
    ]);
    expect(issuesOf((await summary('en')).body)).toEqual([
      { path: 'from', message: 'must be a date (YYYY-MM-DD)' },
      { path: 'channel', message: 'must be one of: qr, snap, hotline, walkIn, kiosk, patrol, open311, import' },
    ]);

    const inbox = (language: string) =>
      worker.request('GET', '/api/v1/cases?pageSize=500', undefined, { 'accept-language': language });
    expect(issuesOf((await inbox('zh-CN')).body)).toEqual([{ path: 'pageSize', message: '不能大于 100' }]);
    expect(issuesOf((await inbox('en')).body)).toEqual([{ path: 'pageSize', message: 'must be at most 100' }]);
  });
  it('keeps the reason of a pattern or a shape rule: a place code of other characters, a grid ring left open', async () => {
    const place = (language: string) =>
      worker.request('GET', '/api/v1/places/a_b', undefined, { 'accept-language': language });
    expect(issuesOf((await place('zh-CN')).body)).toEqual([{ path: 'code', message: '只能用字母、数字和短横线' }]);
    expect(issuesOf((await place('en')).body)).toEqual([{ path: 'code', message: 'letters, digits and dashes only' }]);
    const openRing = {
      communityCode: '610899001001',
      name: '测试网格',
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 3],
          ],
        ],
      },
    };
    const admin = await new Session(ctx).login('admin');
    const grid = (language: string) =>
      admin.request('POST', '/api/v1/grids', openRing, { 'accept-language': language });
    const zh = issuesOf((await grid('zh-CN')).body).find((i) => i.path.startsWith('boundary'));
    expect(zh?.message).toBe('每个环须首尾相接（第一个点与最后一个点相同）');
    const en = issuesOf((await grid('en')).body).find((i) => i.path.startsWith('boundary'));
    expect(en?.message).toBe('every ring must be closed (first point = last point)');
  });
  it('tells a resident that a field left out of the QR form is required, in their language', async () => {
    const form = () =>
      multipart({ communityCode: '610899001001', description: '3号楼门口路灯坏了三天', reporterPhone: '13812345678' });
    const send = (language: string) =>
      new Session(ctx).request('POST', '/api/v1/public/cases', form(), { 'accept-language': language });
    expect(issuesOf((await send('zh-CN')).body)).toEqual([{ path: 'reporterName', message: '必填' }]);
    expect(issuesOf((await send('en')).body)).toEqual([{ path: 'reporterName', message: 'required' }]);
  });
});
