import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Refusals that name one field (invalid(path, reason)) come in the caller's language.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const english = { 'accept-language': 'en-US,en;q=0.9' };
const chinese = { 'accept-language': 'zh-CN,zh;q=0.9' };
const issuesOf = (res: { status: number; body: { error: { code: string; details: unknown } } }) => {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  return (res.body.error.details as { issues: unknown[] }).issues;
};

describe(`stats and files name the refused field in the caller's language (${testEngine})`, () => {
  it('refuses a period that starts after it ends', async () => {
    const path = `/api/v1/stats/summary?under=${world.c1.code}&from=2026-11-30&to=2026-11-01`;
    expect(issuesOf(await worker.get(path, english))).toEqual([{ path: 'from', message: 'from must not be after to' }]);
    expect(issuesOf(await worker.get(path, chinese))).toEqual([{ path: 'from', message: '开始日期不能晚于结束日期' }]);
  });

  it('refuses a photo id that names no file', async () => {
    const body = {
      channel: 'hotline',
      placeCode: world.gridA.code,
      description: '照片编号写错了',
      reporterName: '张大爷',
      reporterPhone: '13800000000',
      photoIds: ['01935f6e-7c2a-7d41-9a55-3f0c2b7e8d20'],
    };
    const en = await worker.request('POST', '/api/v1/cases', body, english);
    expect(issuesOf(en)).toEqual([{ path: 'photoIds', message: 'unknown photo' }]);
    const zh = await worker.request('POST', '/api/v1/cases', body, chinese);
    expect(issuesOf(zh)).toEqual([{ path: 'photoIds', message: '没有这张照片' }]);
  });
});
