import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildResidentIn } from '../support/community-wishes.js';
import { countRows, testEngine } from '../support/db.js';
import { buildUser, buildWorld, phoneLogin } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';

// 五公开 (issue 17): a community worker drafts, a colleague approves (never the author), the notice
// shows on residents' phones for their place and on the community's public board without login;
// returned with a reason, edited, resubmitted; finance totals are the server's; attachments are the
// writer's own and public only once published; one read per user; another community sees nothing.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const N = '/api/v1/notices';
const pub = (code: string) => `/api/v1/public/communities/${code}/notices`;
// One login per user for the file: argon2 is slow on purpose.
const sessions = new Map<string, Promise<Session>>();
const session = (username: string) => {
  if (!sessions.has(username)) sessions.set(username, new Session(ctx).login(username));
  return sessions.get(username)!;
};
const upload = async (s: Session) =>
  (await s.request('POST', '/api/v1/files', multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } })))
    .body.id as string;
const count = (table: 'public_notices' | 'public_notice_reads') => countRows(ctx.deps.db, table);

let places: { id: string; name: string; kind: string }[];
const placeId = (name: string) => places.find((p) => p.name === name)!.id;
const draft = (over: Record<string, unknown> = {}) => ({
  kind: 'affairs',
  title: '关于小区停车位重新划线的公示',
  body: '经居民议事会讨论，定于下周对小区停车位重新划线。\n请居民配合挪车。',
  placeId: placeId('和平社区'),
  ...over,
});

async function published(over: Record<string, unknown> = {}) {
  const worker = await session('worker1');
  const created = await worker.post(N, draft(over));
  expect(created.status).toBe(201);
  expect((await worker.post(`${N}/${created.body.id}/submit`, {})).body.state).toBe('pending');
  const approved = await (await session('worker1b')).post(`${N}/${created.body.id}/approve`, {});
  expect(approved.body.state).toBe('published');
  return created.body.id as string;
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'worker1b', 'community_worker', world.c1.code);
  await buildResidentIn(ctx.deps, world.inA.households[0], { name: '黄玉兰', phone: '13800000001' });
  await buildResidentIn(ctx.deps, world.inA.households[1], { name: '张建国', phone: '13800000002' });
  await buildResidentIn(ctx.deps, world.inB.households[0], { name: '李秀英', phone: '13800000003' });
  places = (await (await session('worker1')).get(`${N}/places`)).body.items;
});
afterAll(() => ctx.close());

describe(`五公开 (${testEngine})`, () => {
  it('drafts, submits, is approved by a colleague (never the author) and is public without login', async () => {
    expect(places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['和平社区', '和平一网格', '和平二网格', '1号楼', '2号楼']),
    );
    expect(places.map((p) => p.name)).not.toContain('文化社区');
    const worker = await session('worker1');
    const photo = await upload(worker);
    const created = await worker.post(N, draft({ kind: 'party', attachmentIds: [photo] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', editable: true, actions: ['submit'], ownDraft: true });
    const id = created.body.id as string;

    // Not public yet: neither the notice nor its attachment.
    const anon = new Session(ctx);
    expect((await anon.get(`${pub(world.c1.code)}/${id}`)).status).toBe(404);
    expect((await anon.get(`${pub(world.c1.code)}/${id}/attachments/${photo}`)).status).toBe(404);

    const submitted = await worker.post(`${N}/${id}/submit`, {});
    expect(submitted.body).toMatchObject({ state: 'pending', actions: [] });
    const own = await worker.post(`${N}/${id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('NOTICE_OWN_APPROVAL');
    // A grid worker may not approve at all.
    expect((await (await session('gridA')).post(`${N}/${id}/approve`, {})).status).toBe(404);

    const colleague = await session('worker1b');
    const queue = await colleague.get(`${N}?tab=pending`);
    expect(queue.body.items.find((n: { id: string }) => n.id === id).actions).toEqual(['approve', 'return']);
    const approved = await colleague.post(`${N}/${id}/approve`, {});
    expect(approved.body).toMatchObject({ state: 'published', approverName: 'worker1b', authorName: 'worker1' });
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'approve']);

    const list = await anon.get(`${pub(world.c1.code)}?kind=party`);
    expect(list.status).toBe(200);
    expect(list.body.community.name).toBe('和平社区');
    expect(list.body.items.map((n: { id: string }) => n.id)).toContain(id);
    const detail = await anon.get(`${pub(world.c1.code)}/${id}`);
    expect(detail.body.attachments[0].url).toBe(`${pub(world.c1.code)}/${id}/attachments/${photo}`);
    const file = await anon.get(detail.body.attachments[0].url);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body, tinyPng)).toBe(0);
    const year = new Date().getFullYear();
    expect((await anon.get(`${pub(world.c1.code)}?year=${year - 5}`)).body.items).toEqual([]);
    // The anonymous view is a counter, shown to staff.
    expect((await colleague.get(`${N}/${id}`)).body.reads.anonymousViews).toBe(1);
  });

  it('is returned with a reason, edited and resubmitted; withdrawn with a reason leaves the public board', async () => {
    const worker = await session('worker1');
    const colleague = await session('worker1b');
    const created = await worker.post(N, draft({ kind: 'service', title: '社区老年食堂开放时间' }));
    const id = created.body.id as string;
    await worker.post(`${N}/${id}/submit`, {});
    const noReason = await colleague.post(`${N}/${id}/return`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('NOTICE_REASON_REQUIRED');
    const returned = await colleague.post(`${N}/${id}/return`, { reason: '请写明具体开放时段' });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '请写明具体开放时段' });
    expect((await worker.get(`${N}?tab=drafts`)).body.items.map((n: { id: string }) => n.id)).toContain(id);

    // The colleague who edits it may then not approve it either; the author approves nothing of theirs.
    const edited = await colleague.request(
      'PUT',
      `${N}/${id}`,
      draft({ kind: 'service', title: '社区老年食堂开放时间（11:00–13:00）' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.state).toBe('returned');
    expect((await colleague.post(`${N}/${id}/submit`, {})).body.state).toBe('pending');
    expect((await colleague.post(`${N}/${id}/approve`, {})).body.error.code).toBe('NOTICE_OWN_APPROVAL');
    expect((await worker.post(`${N}/${id}/approve`, {})).body.error.code).toBe('NOTICE_OWN_APPROVAL');
    const officer = await session('officer');
    const byOfficer = await officer.post(`${N}/${id}/approve`, {});
    expect(byOfficer.body).toMatchObject({ state: 'published', title: '社区老年食堂开放时间（11:00–13:00）' });
    expect((await worker.request('PUT', `${N}/${id}`, draft())).body.error.code).toBe('NOTICE_NOT_EDITABLE');

    expect((await worker.post(`${N}/${id}/withdraw`, {})).body.error.code).toBe('NOTICE_REASON_REQUIRED');
    const withdrawn = await worker.post(`${N}/${id}/withdraw`, { reason: '开放时间调整，另行公告' });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawReason: '开放时间调整，另行公告' });
    expect(withdrawn.body.history.map((h: { action: string; reason: string | null }) => [h.action, h.reason])).toEqual([
      ['create', null],
      ['submit', null],
      ['return', '请写明具体开放时段'],
      ['edit', null],
      ['submit', null],
      ['approve', null],
      ['withdraw', '开放时间调整，另行公告'],
    ]);
    expect((await new Session(ctx).get(`${pub(world.c1.code)}/${id}`)).status).toBe(404);
    expect((await worker.post(`${N}/${id}/approve`, {})).body.error.code).toBe('NOTICE_ACTION_NOT_ALLOWED');
    const archive = await worker.get(`${N}?tab=archive&kind=service`);
    expect(archive.body.items.map((n: { id: string }) => n.id)).toContain(id);
  });

  it('computes finance totals on the server and refuses client totals that differ or fractions of a fen', async () => {
    const worker = await session('worker1');
    const lines = [
      { direction: 'income', item: '上级拨付党群服务经费', amountFen: 5_000_000 },
      { direction: 'income', item: '共建单位捐赠', amountFen: 120_050 },
      { direction: 'expense', item: '楼道照明维修', amountFen: 356_720 },
    ];
    const before = await count('public_notices');
    const lying = await worker.post(N, {
      ...draft({ kind: 'finance', title: '2026年第三季度收支公开' }),
      financeLines: lines,
      totals: { incomeFen: 6_000_000, expenseFen: 356_720, balanceFen: 5_643_280 },
    });
    expect(lying.status).toBe(400);
    expect(lying.body.error.code).toBe('NOTICE_TOTALS_MISMATCH');
    const fraction = await worker.post(N, {
      ...draft({ kind: 'finance', title: '收支公开' }),
      financeLines: [{ direction: 'income', item: '拨款', amountFen: 100.5 }],
    });
    expect(fraction.status).toBe(400);
    expect(fraction.body.error.code).toBe('VALIDATION_FAILED');
    const noLines = await worker.post(N, draft({ kind: 'finance', title: '收支公开' }));
    expect(noLines.body.error.code).toBe('NOTICE_FINANCE_LINES');
    const linesElsewhere = await worker.post(N, { ...draft(), financeLines: lines });
    expect(linesElsewhere.body.error.code).toBe('NOTICE_FINANCE_LINES');
    expect(await count('public_notices')).toBe(before);

    const ok = await worker.post(N, {
      ...draft({ kind: 'finance', title: '2026年第三季度收支公开' }),
      financeLines: lines,
      totals: { incomeFen: 5_120_050, expenseFen: 356_720, balanceFen: 4_763_330 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.totals).toEqual({ incomeFen: 5_120_050, expenseFen: 356_720, balanceFen: 4_763_330 });
    const row = await ctx.deps.db
      .selectFrom('public_notices')
      .select(['income_fen', 'expense_fen', 'balance_fen'])
      .where('id', '=', ok.body.id)
      .executeTakeFirstOrThrow();
    expect([row.income_fen, row.expense_fen, row.balance_fen].map(Number)).toEqual([5_120_050, 356_720, 4_763_330]);
    await worker.post(`${N}/${ok.body.id}/submit`, {});
    await (await session('worker1b')).post(`${N}/${ok.body.id}/approve`, {});
    const shown = await new Session(ctx).get(`${pub(world.c1.code)}/${ok.body.id}`);
    expect(shown.body.financeLines).toEqual(lines);
    expect(shown.body.totals.balanceFen).toBe(4_763_330);
  });

  it('takes only files the writer may attach: a foreign upload or a made-up id is refused, leaving no row', async () => {
    const foreign = await upload(await session('worker2'));
    const worker = await session('worker1');
    const before = await count('public_notices');
    for (const attachmentIds of [[foreign], ['019a7f3e-0000-7000-8000-0000000000ff']]) {
      const res = await worker.post(N, draft({ attachmentIds }));
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('attachmentIds');
    }
    expect(await count('public_notices')).toBe(before);
    // Nor can the file be fetched through a notice that does not carry it.
    const id = await published({ title: '关于征集议题的通知' });
    expect((await worker.get(`${N}/${id}/attachments/${foreign}`)).status).toBe(404);
    expect((await new Session(ctx).get(`${pub(world.c1.code)}/${id}/attachments/${foreign}`)).status).toBe(404);
  });

  it('shows residents the notices for their place, counts one read per user and keeps an unread badge', async () => {
    const community = await published({ kind: 'government', title: '关于开展居民医保缴费的通知' });
    const gridA = await published({ title: '一网格楼道清理', placeId: placeId('和平一网格') });
    const gridB = await published({ title: '二网格停水通知', placeId: placeId('和平二网格') });
    const huang = await phoneLogin(ctx, '13800000001');
    const li = await phoneLogin(ctx, '13800000003');

    const feed = await huang.get(`${N}/feed`);
    const ids = feed.body.items.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([community, gridA]));
    expect(ids).not.toContain(gridB);
    const unread = feed.body.unread as number;
    expect(unread).toBe(feed.body.items.length);
    expect((await huang.get(`${N}/feed/${gridB}`)).status).toBe(404);
    expect((await li.get(`${N}/feed/${gridA}`)).status).toBe(404);

    const readsBefore = await count('public_notice_reads');
    expect((await huang.get(`${N}/feed/${community}`)).body.read).toBe(true);
    await huang.get(`${N}/feed/${community}`);
    await li.get(`${N}/feed/${community}`);
    expect(await count('public_notice_reads')).toBe(readsBefore + 2);
    expect((await huang.get(`${N}/feed`)).body.unread).toBe(unread - 1);
    const stats = (await (await session('worker1')).get(`${N}/${community}`)).body.reads;
    // Three registry residents of 和平社区 carry a phone; two of them read it.
    expect(stats).toMatchObject({ readers: 2, audience: 3 });
    expect(stats.rate).toBeCloseTo(2 / 3);
    expect((await (await session('worker1')).get(`${N}/${gridA}`)).body.reads.audience).toBe(2);
    // A resident opens no drafts and no console record.
    expect((await huang.get(`${N}/${community}`)).status).toBe(404);
    expect((await huang.get(N)).status).toBe(403);
  });

  it('keeps another community out: no drafts in its lists, 404 on ids, its public board shows only its own', async () => {
    const worker = await session('worker1');
    const d = await worker.post(N, draft({ title: '草稿：不对外' }));
    const p = await published({ title: '和平社区已发布' });
    const other = await session('worker2');
    const list = await other.get(N);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    for (const id of [d.body.id, p]) {
      expect((await other.get(`${N}/${id}`)).status).toBe(404);
      expect((await other.request('PUT', `${N}/${id}`, draft({ placeId: places[0]!.id }))).status).toBe(404);
      expect((await other.post(`${N}/${id}/submit`, {})).status).toBe(404);
    }
    expect((await other.get(`${N}/places`)).body.items.map((x: { name: string }) => x.name)).not.toContain('和平社区');
    expect((await other.post(N, draft())).body.error.code).toBe('NOTICE_PLACE_UNKNOWN');
    expect((await other.get(`${N}/archive`)).body.items).toEqual([]);

    const anon = new Session(ctx);
    expect((await anon.get(pub(world.c2.code))).body.items).toEqual([]);
    expect((await anon.get(`${pub(world.c2.code)}/${p}`)).status).toBe(404);
    const own = (await anon.get(pub(world.c1.code))).body.items.map((n: { id: string }) => n.id);
    expect(own).toContain(p);
    expect(own).not.toContain(d.body.id);
    expect((await anon.get(pub('610899001999'))).status).toBe(404);
  });

  it('refuses control characters, line breaks in titles and over-long text', async () => {
    const worker = await session('worker1');
    const before = await count('public_notices');
    for (const over of [
      { title: '标题\u0000' },
      { title: '两行\n标题' },
      { title: '长'.repeat(81) },
      { body: '正文\u0007' },
      { body: '字'.repeat(10001) },
      { kind: 'weather' },
    ]) {
      const res = await worker.post(N, draft(over));
      expect(res.status, JSON.stringify(over).slice(0, 40)).toBe(400);
    }
    // 80 characters counted as people count them (an emoji is one).
    expect((await worker.post(N, draft({ title: '😀'.repeat(80) }))).status).toBe(201);
    expect(await count('public_notices')).toBe(before + 1);
  });
});
