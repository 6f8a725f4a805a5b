import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { readXlsx } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const zhangId = idOf('61089919500312001');
const zhangPhone = '13912345678';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

async function register(s: Session, body: Record<string, unknown>) {
  return s.post('/api/v1/residents', { householdCode: world.inA.households[0].code, ...body });
}

describe(`residents (${testEngine})`, () => {
  it('refuses a bad ID number or phone with a code that says which', async () => {
    const badCheck = await register(worker, {
      name: '错号',
      idNumber: zhangId.slice(0, 17) + (zhangId[17] === '1' ? '2' : '1'),
    });
    expect(badCheck.status).toBe(422);
    expect(badCheck.body.error).toMatchObject({
      code: 'RESIDENT_ID_NUMBER_INVALID',
      message: '身份证号码不正确',
      details: { problem: 'checkDigit' },
    });
    const badDate = await register(worker, { name: '错日', idNumber: idOf('61089919501332001') });
    expect(badDate.body.error.details).toEqual({ problem: 'birthDate' });
    const badPhone = await register(worker, { name: '错电话', phone: '2345' });
    expect(badPhone.body.error.code).toBe('RESIDENT_PHONE_INVALID');
    const unknownTag = await register(worker, { name: '错标签', tags: ['dragon_rider'] });
    expect(unknownTag.body.error.code).toBe('RESIDENT_TAG_UNKNOWN');
    const total = await ctx.deps.db
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(0);
  });

  it('registers a resident, derives birth date and gender, and shows the numbers masked', async () => {
    const res = await register(worker, {
      name: '张三',
      idNumber: zhangId,
      phone: zhangPhone,
      relation: 'head',
      tags: ['elderly_alone'],
    });
    expect(res.status).toBe(201);
    const detail = await worker.get(`/api/v1/residents/${res.body.id}`);
    expect(detail.body).toMatchObject({
      name: '张三',
      gender: 'male',
      birthDate: '1950-03-12',
      age: 76,
      idNumber: `610899********${zhangId.slice(-4)}`,
      phone: '139****5678',
      household: { code: world.inA.households[0].code },
      grid: { code: world.gridA.code, name: '和平一网格' },
    });
    expect(detail.body.actions).toEqual(expect.arrayContaining(['edit', 'reveal']));
    expect(detail.body.history.map((h: { kind: string }) => h.kind)).toEqual(['registered']);
    const again = await register(worker, { name: '张三二', idNumber: zhangId });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RESIDENT_ID_NUMBER_TAKEN');
  });

  it('finds residents by pinyin initials, name, exact ID number and phone, within scope', async () => {
    await register(worker, { name: '李四', phone: '13700001111' });
    await worker.post('/api/v1/residents', { householdCode: world.inB.households[0].code, name: '张小花' });
    const names = async (s: Session, q: string) =>
      ((await s.get(`/api/v1/residents?q=${encodeURIComponent(q)}`)).body.items as { name: string }[])
        .map((r) => r.name)
        .sort();
    expect(await names(worker, 'zs')).toEqual(['张三']);
    expect(await names(worker, 'zhang')).toEqual(['张三', '张小花']);
    expect(await names(worker, '张')).toEqual(['张三', '张小花']);
    expect(await names(worker, zhangId.toLowerCase())).toEqual(['张三']);
    expect(await names(worker, '139 1234 5678')).toEqual(['张三']);
    expect(await names(worker, '13700001111')).toEqual(['李四']);
    const gridB = await new Session(ctx).login('gridB');
    expect(await names(gridB, '张')).toEqual(['张小花']);
    const other = await new Session(ctx).login('worker2');
    expect(await names(other, zhangId)).toEqual([]);
    const byTag = await worker.get('/api/v1/residents?tag=elderly_alone');
    expect(byTag.body.items.map((r: { name: string }) => r.name)).toEqual(['张三']);
    const byBuilding = await worker.get(`/api/v1/residents?under=${world.inB.building.code}`);
    expect(byBuilding.body.items.map((r: { name: string }) => r.name)).toEqual(['张小花']);
  });

  it('reveals a full value only by an audited action with a reason, and never to another grid', async () => {
    const zhang = (await worker.get('/api/v1/residents?q=zs')).body.items[0];
    const gridB = await new Session(ctx).login('gridB');
    const refused = await gridB.post(`/api/v1/residents/${zhang.id}/reveal`, { field: 'idNumber', reason: '核实身份' });
    expect(refused.status).toBe(404);
    const receiver = await new Session(ctx).login('receiver');
    expect(
      (await receiver.post(`/api/v1/residents/${zhang.id}/reveal`, { field: 'idNumber', reason: '核实身份' })).status,
    ).toBe(403);
    const noReason = await worker.post(`/api/v1/residents/${zhang.id}/reveal`, { field: 'idNumber', reason: '' });
    expect(noReason.status).toBe(400);
    const gridA = await new Session(ctx).login('gridA');
    const shown = await gridA.post(`/api/v1/residents/${zhang.id}/reveal`, {
      field: 'phone',
      reason: '上门前电话联系',
    });
    expect(shown.body).toEqual({ field: 'phone', value: zhangPhone });
    const id = await worker.post(`/api/v1/residents/${zhang.id}/reveal`, { field: 'idNumber', reason: '办理低保核对' });
    expect(id.body.value).toBe(zhangId);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('action', '=', 'resident.reveal')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.actor_name, a.after])).toEqual([
      ['gridA', { field: 'phone', reason: '上门前电话联系' }],
      ['worker1', { field: 'idNumber', reason: '办理低保核对' }],
    ]);
  });

  it('edits, moves, moves out and records a death as history; gone residents leave the default list', async () => {
    const zhang = (await worker.get('/api/v1/residents?q=zs')).body.items[0];
    expect(
      (
        await worker.patch(`/api/v1/residents/${zhang.id}`, {
          tags: ['elderly_alone', 'veteran'],
          phone: '13812340000',
        })
      ).status,
    ).toBe(200);
    const moved = await worker.post(`/api/v1/residents/${zhang.id}/move`, {
      householdCode: world.inB.households[1].code,
      note: '搬到女儿家',
    });
    expect(moved.status).toBe(200);
    const detail = (await worker.get(`/api/v1/residents/${zhang.id}`)).body;
    expect(detail.household.code).toBe(world.inB.households[1].code);
    expect(detail.phone).toBe('138****0000');
    expect(detail.tags).toEqual(['elderly_alone', 'veteran']);
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual(['moved', 'edited', 'registered']);
    expect(detail.history[0]).toMatchObject({
      note: '搬到女儿家',
      actorName: 'worker1',
      fromAddress: '1号楼1单元101室',
      toAddress: '2号楼1单元102室',
    });
    const li = (await worker.get('/api/v1/residents?q=ls')).body.items[0];
    expect((await worker.post(`/api/v1/residents/${li.id}/move-out`, { note: '迁往西安' })).status).toBe(200);
    expect((await worker.get('/api/v1/residents?q=ls')).body.total).toBe(0);
    expect((await worker.get('/api/v1/residents?q=ls&status=moved_out')).body.items[0].status).toBe('moved_out');
    const again = await worker.post(`/api/v1/residents/${li.id}/death`, { note: '' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RESIDENT_NOT_ACTIVE');
  });

  it('exports the filtered list to Excel with numbers masked', async () => {
    const res = await worker.get('/api/v1/residents/export?status=all');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(res.body);
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '身份证号',
      '手机号',
      '地址',
      '网格',
      '与户主关系',
      '居住类型',
      '标签',
      '状态',
    ]);
    const zhang = rows.find((r) => r[0] === '张三')!;
    expect(zhang[3]).toBe(`610899********${zhangId.slice(-4)}`);
    expect(zhang[9]).toBe('独居老人、退役军人');
    expect(rows.flat().join(' ')).not.toContain(zhangId);
    expect(rows.flat().join(' ')).not.toContain('13812340000');
    const gridB = await new Session(ctx).login('gridB');
    const theirs = await readXlsx((await gridB.get('/api/v1/residents/export')).body);
    expect(
      theirs
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['张三', '张小花']);
  });

  it('keeps no plaintext ID number or phone anywhere in the database', async () => {
    const tables = (await ctx.deps.db
      .selectFrom('information_schema.tables' as never)
      .select('table_name' as never)
      .where('table_schema' as never, '=', 'public' as never)
      .execute()) as { table_name: string }[];
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const { rows } = await sql
        .raw<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`)
        .execute(ctx.deps.db);
      const dump = rows.map((r) => r.row).join('\n');
      for (const secret of [zhangId, zhangPhone, '13812340000', '13700001111'])
        expect(dump, `${secret} in ${table_name}`).not.toContain(secret);
    }
  });
});
