import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src/server/platform/db/migrate.js';
import { NO_COUNTY } from '../../src/server/platform/db/table-kinds.js';
import { splitSqlStatements } from '../../src/server/platform/db/split-sql.js';
import { newId } from '../../src/server/platform/ids.js';
import { JobRunner, scheduleJob } from '../../src/server/platform/jobs.js';
import { setLogLevel } from '../../src/server/platform/logger.js';
import { httpProvider } from '../../src/server/platform/notify/providers.js';
import { smsSendJob } from '../../src/server/platform/notify/sms.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart } from '../support/files.js';
import { lastSmsTo, loginCodeOf, smsTo } from '../support/handset.js';

// Secrets sent by SMS — residents' login codes and the rating link of a resolved case — reach the
// resident's phone whole, and nobody else: the outbox staff can read, the job queue and the logs
// hold them masked or not at all.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
});
afterAll(() => ctx.close());

type OutboxItem = { template: string; body: string; to: string };
const outboxOf = async (s: Session): Promise<OutboxItem[]> =>
  (await s.get('/api/v1/sms-outbox?pageSize=100')).body.items;
/** Every stored row that could show or hand out a secret: the outbox, the job queue, the audit trail. */
const storedText = async () =>
  JSON.stringify([
    await ctx.deps.db.selectFrom('sms_outbox').selectAll().execute(),
    await ctx.deps.db.selectFrom('jobs').selectAll().execute(),
    await ctx.deps.db.selectFrom('audit_log').selectAll().execute(),
  ]);

async function resolvedCase(phone: string) {
  const code = (
    await new Session(ctx).request(
      'POST',
      '/api/v1/public/cases',
      multipart({
        communityCode: world.c1.code,
        description: '楼道里的灯坏了好几天了',
        reporterName: '陈阿姨',
        reporterPhone: phone,
      }),
    )
  ).body.trackingCode as string;
  const worker = await new Session(ctx).login('worker1');
  const id = (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0].id as string;
  await worker.post(`/api/v1/cases/${id}/actions/accept`, {});
  expect((await worker.post(`/api/v1/cases/${id}/actions/resolve`, { result: '已更换楼道灯泡' })).status).toBe(200);
  return code;
}

describe(`secrets in SMS (${testEngine})`, () => {
  it('a county administrator reading the SMS outbox sees no login code, yet the resident’s phone gets it and it logs in', async () => {
    const phone = '13512349901';
    expect((await new Session(ctx).post('/api/v1/public/login-code', { phone })).status).toBe(204);
    const admin = await new Session(ctx).login('admin');
    const listed = (await outboxOf(admin)).filter((m) => m.template === 'login_code');
    expect(listed).toHaveLength(1);
    expect(listed[0].body).toBe('【邻里】您的登录验证码是******，5分钟内有效。如非本人操作请忽略。');
    expect(listed[0].to).toBe('135****9901');

    const code = await loginCodeOf(ctx, phone);
    expect((await lastSmsTo(ctx, phone, 'login_code')).text).toBe(
      `【邻里】您的登录验证码是${code}，5分钟内有效。如非本人操作请忽略。`,
    );
    expect(await storedText()).not.toContain(code);
    // Still masked after it was sent.
    expect((await outboxOf(admin)).find((m) => m.template === 'login_code')!.body).not.toMatch(/\d{6}/);
    const resident = new Session(ctx);
    expect((await resident.post('/api/v1/auth/phone-login', { phone, code })).status).toBe(200);
  });

  it('the rating link of a resolved case is masked in the outbox and reaches the resident whole', async () => {
    const phone = '13512349902';
    const code = await resolvedCase(phone);
    const admin = await new Session(ctx).login('admin');
    const listed = (await outboxOf(admin)).filter((m) => m.template === 'case_resolved' && m.body.includes(code));
    expect(listed).toHaveLength(1);
    expect(listed[0].body).toBe(`【邻里】您反映的问题（${code}）已办结：已更换楼道灯泡。请评价：******`);

    const link = /请评价：(\S+)$/.exec((await lastSmsTo(ctx, phone, 'case_resolved')).text)![1];
    const token = new URL(link).searchParams.get('t')!;
    expect(link).toContain(`/r/track/${code}?t=`);
    expect(token.length).toBeGreaterThan(16);
    expect(await storedText()).not.toContain(token);
    // The link works: it opens the tracking page.
    expect((await new Session(ctx).get(`/api/v1/public/cases/${code}?t=${token}`)).body.state).toBe('resolved');
    // The receipt's link carries no secret and stays readable.
    expect(
      (await outboxOf(admin)).find((m) => m.template === 'case_received' && m.body.includes(code))!.body,
    ).toContain(`/r/track/${code}`);
  });

  it('an SMS gateway is sent the real code while the outbox keeps it masked', async () => {
    const phone = '13512349903';
    const sent: { phone: string; templateId: string; params: Record<string, string> }[] = [];
    const gatewayJobs = new JobRunner(ctx.deps.db, ctx.clock);
    const fakeGateway = (async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ messageId: 'gw-1' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    gatewayJobs.add(
      smsSendJob({
        pii: ctx.deps.pii,
        sign: '邻里',
        provider: httpProvider({
          url: 'http://gateway.invalid/send',
          templateIds: { login_code: 'T-LOGIN' },
          fetch: fakeGateway,
        }),
      }),
    );
    await new Session(ctx).post('/api/v1/public/login-code', { phone });
    await gatewayJobs.drain();
    const toResident = sent.filter((m) => m.phone === phone);
    expect(toResident).toHaveLength(1);
    expect(toResident[0]).toMatchObject({ phone, templateId: 'T-LOGIN' });
    expect(toResident[0].params.code).toMatch(/^\d{6}$/);
    const row = await ctx.deps.db
      .selectFrom('sms_outbox')
      .selectAll()
      .where('to_masked', '=', '135****9903')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', provider: 'http', provider_message_id: 'gw-1' });
    expect(JSON.stringify(row)).not.toContain(toResident[0].params.code);
    // The code the gateway sent is the one that logs in.
    expect(
      (await new Session(ctx).post('/api/v1/auth/phone-login', { phone, code: toResident[0].params.code })).status,
    ).toBe(200);
  });

  it('the console provider writes no code or link to the log', async () => {
    const phone = '13512349904';
    const lines: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        lines.push(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      return () => (stream.write = original);
    };
    setLogLevel('debug');
    const restore = [capture(process.stdout), capture(process.stderr)];
    try {
      await new Session(ctx).post('/api/v1/public/login-code', { phone });
      const code = await loginCodeOf(ctx, phone);
      const caseCode = await resolvedCase(phone);
      const token = new URL(
        /请评价：(\S+)$/.exec((await lastSmsTo(ctx, phone, 'case_resolved')).text)![1],
      ).searchParams.get('t')!;
      expect(lines.some((l) => l.includes('sms (console provider)'))).toBe(true);
      expect(lines.join('')).not.toContain(code);
      expect(lines.join('')).not.toContain(token);
      expect(lines.join('')).not.toContain(phone);
      expect(caseCode).toBeTruthy();
    } finally {
      restore.forEach((r) => r());
      setLogLevel('error');
    }
  });

  it('messages written before the upgrade lose their secrets: sent ones in the migration, queued ones once sent', async () => {
    const legacy = async (
      phone: string,
      status: 'sent' | 'queued',
      template: 'login_code' | 'case_resolved',
      params: Record<string, string>,
      body: string,
    ) => {
      const id = newId();
      await ctx.deps.db
        .insertInto('sms_outbox')
        .values({
          id,
          tenant_id: NO_COUNTY,
          to_phone_enc: ctx.deps.pii.encrypt(phone),
          to_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
          template,
          params: JSON.stringify(params),
          body,
          status,
          created_at: ctx.clock.now(),
        })
        .execute();
      if (status === 'queued')
        await scheduleJob(ctx.deps.db, ctx.clock, 'sms.send', { outboxId: id }, { dedupeKey: `sms:${id}` });
      return id;
    };
    const oldCode = await legacy(
      '13512349911',
      'sent',
      'login_code',
      { code: '482913' },
      '【邻里】您的登录验证码是482913，5分钟内有效。如非本人操作请忽略。',
    );
    const oldLink = await legacy(
      '13512349912',
      'sent',
      'case_resolved',
      { code: 'LL-20261101-0001', result: '已修好', link: 'http://x/r/track/LL-20261101-0001?t=SECRETTOKEN1' },
      '【邻里】您反映的问题（LL-20261101-0001）已办结：已修好。请评价：http://x/r/track/LL-20261101-0001?t=SECRETTOKEN1',
    );
    const queued = await legacy(
      '13512349913',
      'queued',
      'login_code',
      { code: '731950' },
      '【邻里】您的登录验证码是731950，5分钟内有效。如非本人操作请忽略。',
    );
    // The data statements of migration 0013, run again over these rows.
    const migration = fs.readFileSync(path.join(migrationsDir, '0013_secrets.sql'), 'utf8');
    for (const statement of splitSqlStatements(migration).filter((st) => /^\s*UPDATE sms_outbox/.test(st)))
      await sql.raw(statement).execute(ctx.deps.db);
    const row = (id: string) =>
      ctx.deps.db
        .selectFrom('sms_outbox')
        .select(['body', 'params', 'status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await row(oldCode)).toMatchObject({
      body: '【邻里】您的登录验证码是******，5分钟内有效。如非本人操作请忽略。',
      params: { code: '******' },
    });
    expect(await row(oldLink)).toMatchObject({
      body: '【邻里】您反映的问题（LL-20261101-0001）已办结：已修好。请评价：******',
      params: { code: 'LL-20261101-0001', link: '******' },
    });
    expect((await row(queued)).body).toContain('731950');
    // The queued one reaches the phone whole, then is masked too.
    expect((await smsTo(ctx, '13512349913', 'login_code')).map((m) => m.text)).toEqual([
      '【邻里】您的登录验证码是731950，5分钟内有效。如非本人操作请忽略。',
    ]);
    expect(await row(queued)).toMatchObject({
      status: 'sent',
      body: '【邻里】您的登录验证码是******，5分钟内有效。如非本人操作请忽略。',
      params: { code: '******' },
    });
  });
});
