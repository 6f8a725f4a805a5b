import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { multipart } from '../support/files.js';

// The reporter's first SMS comes the moment a report is filed, before anyone has looked at it: it says the
// report was received (已收到), not accepted (已受理) — acceptance is a worker's decision that may not come.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

describe(`the reporter's first SMS (${testEngine})`, () => {
  it('says the report was received, gives the tracking code, and does not claim it was accepted', async () => {
    const filed = await new Session(ctx).request(
      'POST',
      '/api/v1/public/cases',
      multipart({
        communityCode: '610899001001',
        description: '3号楼门口路灯坏了三天，晚上很黑',
        reporterName: '陈阿姨',
        reporterPhone: '13812345678',
      }),
    );
    expect(filed.status).toBe(201);
    const sms = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select(['body'])
      .where('template', '=', 'case_received')
      .executeTakeFirstOrThrow();
    expect(sms.body).toContain('已收到');
    expect(sms.body).toContain(filed.body.trackingCode);
    expect(sms.body).not.toContain('已受理');
  });
});
