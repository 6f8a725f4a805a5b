import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';
import { loginCodeOf } from '../support/handset.js';
import { buildServiceCategory, buildServiceItem } from '../support/services.js';

// 办事服务 on the phone (issue 15): what a resident logged in by phone code needs from the server to
// apply — the community (from her registry record, or picked by name from the county's list), her own
// uploads (photos and PDF, hers alone), and materials she says she will bring to the window (带到窗口核验),
// confirmed at the pre-check as her one visit.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let item: { id: string; name: string };

const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const WANG = idOf('61089919660606654');
const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const session = (username: string) => new Session(ctx).login(username);
async function residentSession(phone: string) {
  const s = new Session(ctx);
  await s.post('/api/v1/public/login-code', { phone });
  await s.post('/api/v1/auth/phone-login', { phone, code: await loginCodeOf(ctx, phone) });
  return s;
}
const send = (s: Session, bytes: Buffer, name: string, type: string) =>
  s.request('POST', '/api/v1/files', multipart({ file: { bytes, name, type } }));
const fileCount = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const apply = (s: Session, materials: unknown[], communityId = world.c1.id) =>
  s.post('/api/v1/services/applications', {
    itemId: item.id,
    communityId,
    answers: { name: '王五', id_number: WANG },
    materials,
  });

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  const cat = await buildServiceCategory(ctx.deps);
  item = await buildServiceItem(ctx.deps, {
    categoryId: cat.id,
    code: 'SQ101',
    name: '独生子女父母光荣证办理',
    handlerLevel: 'community',
    timeLimitDays: 2,
    fields: [
      { key: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name' },
      { key: 'id_number', label: '身份证号', kind: 'id_number', required: true, prefill: 'id_number' },
    ],
    materials: [{ key: 'id_card', name: '居民身份证' }],
  });
});
afterAll(() => ctx.close());

describe(`services on the resident's phone (${testEngine})`, () => {
  it('prefill answers the community of her registry record; anyone may list the county’s communities by name', async () => {
    const worker = await session('worker1');
    const registered = await worker.post('/api/v1/residents', {
      householdCode: world.inA.households[0].code,
      name: '王五',
      idNumber: WANG,
      phone: '13500000001',
      relation: 'head',
    });
    expect(registered.status).toBe(201);
    const wang = await residentSession('13500000001');
    const found = await wang.get(`/api/v1/services/prefill?idNumber=${WANG}`);
    expect(found.status).toBe(200);
    expect(found.body.community).toEqual({ id: world.c1.id, name: '和平社区' });

    const list = await new Session(ctx).get('/api/v1/public/services/communities');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { id: world.c1.id, name: '和平社区', street: '城关街道' },
      { id: world.c2.id, name: '文化社区', street: '城关街道' },
    ]);
    expect(JSON.stringify(list.body)).not.toContain('610899001001');

    // A place that is not a community (her street) is refused, and nothing is kept.
    const photo = (await send(wang, tinyPng, 'id.png', 'image/png')).body.id as string;
    const street = await apply(wang, [{ key: 'id_card', fileIds: [photo] }], world.street.id);
    expect(street.status).toBe(400);
    expect(JSON.stringify(street.body.error.details)).toContain('communityId');
  });

  it('lets a resident upload photos and PDF files of her own, checked by content, limited per hour', async () => {
    const a = await residentSession('13500000002');
    const png = await send(a, tinyPng, 'id.png', 'image/png');
    expect(png.status).toBe(201);
    const pdf = await send(a, tinyPdf, 'proof.pdf', 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body.mime).toBe('application/pdf');
    const before = await fileCount();
    const fake = await send(a, Buffer.from('not really a pdf'), 'x.pdf', 'application/pdf');
    expect(fake.status).toBe(415);
    expect(await fileCount()).toBe(before);
    expect((await a.get(`/api/v1/files/${pdf.body.id}`)).status).toBe(200);

    // Staff upload PDF too (a sample, a result).
    const admin = await session('admin');
    expect((await send(admin, tinyPdf, 'sample.pdf', 'application/pdf')).status).toBe(201);

    // Resident B can neither read A's file nor attach it; her own she can.
    const b = await residentSession('13500000003');
    expect((await b.get(`/api/v1/files/${png.body.id}`)).status).toBe(404);
    const stolen = await apply(b, [{ key: 'id_card', fileIds: [png.body.id] }]);
    expect(stolen.status).toBe(400);
    const own = await apply(a, [{ key: 'id_card', fileIds: [png.body.id, pdf.body.id] }]);
    expect(own.status).toBe(201);
    expect((await b.get(`/api/v1/files/${pdf.body.id}`)).status).toBe(404);
    const count = await ctx.deps.db
      .selectFrom('service_applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('applicant_user_id', '=', (await userIdOf('13500000003'))!)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);

    // Past the hourly limit: 429, nothing stored; an hour later she may again.
    const c = await residentSession('13500000004');
    let status = 201;
    let sent = 0;
    while (status === 201 && sent < 100) {
      status = (await send(c, tinyPng, 'p.png', 'image/png')).status;
      sent += 1;
    }
    expect(status).toBe(429);
    expect(sent).toBe(31);
    ctx.clock.advance(3_600_000);
    expect((await send(c, tinyPng, 'p.png', 'image/png')).status).toBe(201);
  });

  it('takes a material to be brought to the window; the pre-check confirms it as her one visit', async () => {
    const wang = await residentSession('13500000001');
    const filed = await apply(wang, [{ key: 'id_card', atWindow: true }]);
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    let mine = (await wang.get(`/api/v1/services/applications/${id}`)).body;
    expect(mine.materials).toEqual([expect.objectContaining({ key: 'id_card', atWindow: true, checked: false })]);
    expect(mine.visits).toBe(0);

    const worker = await session('worker1');
    expect((await worker.post(`/api/v1/services/applications/${id}/accept`)).status).toBe(200);
    mine = (await wang.get(`/api/v1/services/applications/${id}`)).body;
    expect(mine.materials).toEqual([expect.objectContaining({ key: 'id_card', atWindow: true, checked: true })]);
    expect(mine.visits).toBe(1);

    const part = mine.parts[0].id as string;
    expect((await worker.post(`/api/v1/services/parts/${part}/take`)).status).toBe(200);
    expect((await worker.post(`/api/v1/services/parts/${part}/approve`)).status).toBe(200);
    expect((await worker.post(`/api/v1/services/applications/${id}/ready`)).status).toBe(200);
    expect((await worker.post(`/api/v1/services/applications/${id}/collect`)).status).toBe(200);
    // Collected at the visit she brought the ID card: still one visit.
    expect((await wang.get(`/api/v1/services/applications/${id}`)).body.visits).toBe(1);
  });
});

async function userIdOf(phone: string) {
  const rows = await ctx.deps.db.selectFrom('users').select(['id', 'phone_hash']).execute();
  return rows.find((r) => r.phone_hash === ctx.deps.pii.lookupHash(phone))?.id;
}
