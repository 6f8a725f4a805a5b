import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildDepartment, buildUser, buildWorld, givePhone } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, pdfText, tinyPng } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let mediator: Session;
let disputeId: string;
const chenId = '61089919560101002' + idNumberCheckChar('61089919560101002');

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildDepartment(ctx.deps, 'D61089903', '城关派出所');
  // The police station has no receiver account: a whistle to it tells the street officer instead.
  await givePhone(ctx.deps, 'officer', '13900000002');
  await buildUser(ctx.deps, 'mediator', 'mediator', world.street.code);
  mediator = await new Session(ctx).login('mediator');
});
afterAll(() => ctx.close());

describe(`dispute ledger and mediation (${testEngine})`, () => {
  it('turns a case into a dispute with its parties, personal data masked', async () => {
    const worker = await new Session(ctx).login('worker1');
    const caseId = (
      await worker.post('/api/v1/cases', {
        channel: 'patrol',
        placeCode: world.gridA.code,
        description: '楼上下水道堵塞，陈阿姨家被淹，邻居拒绝赔偿',
        reporterName: '陈阿姨',
      })
    ).body.id;
    const res = await worker.post('/api/v1/disputes', {
      caseId,
      disputeType: 'neighbour',
      summary: '楼上住户下水道堵塞致楼下陈阿姨家被淹，双方就赔偿发生争执',
      source: 'walk_in',
      risk: 'medium',
      parties: [
        { role: 'applicant', name: '陈阿姨', idNumber: chenId, phone: '13812345678' },
        { role: 'respondent', name: '刘先生', phone: '13987654321' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^MD-20261124-001$/);
    disputeId = res.body.id;
    const detail = (await mediator.get(`/api/v1/disputes/${disputeId}`)).body;
    expect(detail).toMatchObject({
      source: 'case',
      status: 'open',
      caseId,
      actions: ['mediate', 'handover'],
      place: { code: world.gridA.code },
    });
    expect(detail.parties[0]).toMatchObject({
      name: '陈阿姨',
      idNumber: `610899********${chenId.slice(-4)}`,
      phone: '138****5678',
    });
    expect(JSON.stringify(detail)).not.toContain(chenId);
    const other = await new Session(ctx).login('worker2');
    expect((await other.get(`/api/v1/disputes/${disputeId}`)).status).toBe(404);
    expect((await other.get('/api/v1/disputes')).body.items).toEqual([]);
    // The case finds its dispute; a second 转为矛盾纠纷 is refused and names the first.
    expect((await worker.get(`/api/v1/disputes?caseId=${caseId}`)).body.items.map((d: { id: string }) => d.id)).toEqual(
      [disputeId],
    );
    const again = await worker.post('/api/v1/disputes', {
      caseId,
      disputeType: 'neighbour',
      summary: '同一件事再登记一次',
      source: 'case',
      risk: 'low',
      parties: [{ role: 'applicant', name: '陈阿姨' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'DISPUTE_EXISTS', details: { code: res.body.code } });
    const badPhone = await worker.post('/api/v1/disputes', {
      placeCode: world.c1.code,
      disputeType: 'family',
      summary: '家庭赡养费用分担争议',
      source: 'walk_in',
      risk: 'low',
      parties: [{ role: 'applicant', name: '王大爷', phone: '12345' }],
    });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.error).toMatchObject({ code: 'RESIDENT_PHONE_INVALID', details: { party: '王大爷' } });
  });

  it('blows the whistle from the dispute', async () => {
    const worker = await new Session(ctx).login('worker1');
    const res = await worker.post(`/api/v1/disputes/${disputeId}/whistle`, {
      departmentCodes: ['D61089901', 'D61089903'],
      request: '请司法所、派出所到场',
    });
    expect(res.status).toBe(201);
    const detail = (await mediator.get(`/api/v1/disputes/${disputeId}`)).body;
    expect(detail.whistleId).toBe(res.body.id);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['recorded', 'whistle']);
  });

  it('records who linked the whistle to the dispute in the audit log', async () => {
    const whistleId = (await mediator.get(`/api/v1/disputes/${disputeId}`)).body.whistleId;
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after'])
      .where('entity_id', '=', disputeId)
      .where('action', '=', 'dispute.whistle')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'worker1' });
    expect(JSON.stringify(audit[0]!.after)).toContain(whistleId);
  });

  it('records a mediation that ends in an agreement, printed with the signatures', async () => {
    const sig1 = (
      await mediator.request(
        'POST',
        '/api/v1/files',
        multipart({ file: { bytes: tinyPng, name: 's1.png', type: 'image/png' } }),
      )
    ).body.id;
    const sig2 = (
      await mediator.request(
        'POST',
        '/api/v1/files',
        multipart({ file: { bytes: tinyPng, name: 's2.png', type: 'image/png' } }),
      )
    ).body.id;
    const noText = await mediator.post(`/api/v1/disputes/${disputeId}/mediations`, {
      mediators: ['吴桂兰'],
      record: '现场调解',
      outcome: 'agreed',
    });
    expect(noText.status).toBe(400);
    const res = await mediator.post(`/api/v1/disputes/${disputeId}/mediations`, {
      mediators: ['吴桂兰'],
      legalAdvisers: ['孙律师'],
      record: '司法所、法律顾问、派出所到场，讲解相邻关系法律规定',
      outcome: 'agreed',
      agreementText: '一、刘先生于七日内赔偿陈阿姨装修损失人民币三千元。\n二、刘先生负责疏通并维修下水管道。',
      signatureFileIds: [sig1, sig2],
    });
    expect(res.body.status).toBe('agreed');
    const pdf = await mediator.get(`/api/v1/disputes/${disputeId}/agreement.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('人民调解协议书');
    expect(text).toContain('陈阿姨');
    expect(text).toContain('赔偿陈阿姨装修损失人民币三千元');
    expect(text).toContain(`610899********${chenId.slice(-4)}`);
    expect(text).not.toContain(chenId);
    expect(
      (await mediator.post(`/api/v1/disputes/${disputeId}/handover`, { to: 'court', note: '不需要' })).status,
    ).toBe(409);
    expect(
      (await mediator.post(`/api/v1/disputes/${disputeId}/followups`, { note: '回访：已赔偿，管道已修好' })).body
        .status,
    ).toBe('agreed');
    expect((await mediator.post(`/api/v1/disputes/${disputeId}/close`, { note: '履行完毕' })).body.status).toBe(
      'closed',
    );
  });

  it('hands an unsolved dispute to the court and reports the month (两排查一分析)', async () => {
    const d = await mediator.post('/api/v1/disputes', {
      placeCode: world.c1.code,
      disputeType: 'property',
      summary: '业主与物业公司就物业费长期纠纷',
      source: 'regular_screening',
      risk: 'high',
      parties: [
        { role: 'applicant', name: '业主代表' },
        { role: 'respondent', name: '和宁物业' },
      ],
    });
    await mediator.post(`/api/v1/disputes/${d.body.id}/mediations`, {
      mediators: ['吴桂兰'],
      record: '双方分歧较大',
      outcome: 'not_agreed',
    });
    const high = await mediator.get(`/api/v1/disputes?risk=high&status=failed`);
    expect(high.body.items.map((x: { code: string }) => x.code)).toEqual([d.body.code]);
    const report = await mediator.get(`/api/v1/disputes/analysis.pdf?under=${world.street.code}&month=2026-11`);
    const text = await pdfText(report.body);
    expect(text).toContain('矛盾纠纷“两排查一分析”报告');
    expect(text).toContain('本月排查登记矛盾纠纷 2 件');
    expect(text).toContain(d.body.code);
    expect(
      (await mediator.post(`/api/v1/disputes/${d.body.id}/handover`, { to: 'court', note: '引导业主依法起诉' })).body
        .status,
    ).toBe('handed_over');
  });

  it('lists the parties in the order their signatures are sent and printed', async () => {
    const d = await mediator.post('/api/v1/disputes', {
      placeCode: world.c1.code,
      disputeType: 'family',
      summary: '兄妹三人就母亲赡养费分担发生争执',
      source: 'walk_in',
      risk: 'low',
      parties: [
        { role: 'other', name: '赵建华' },
        { role: 'respondent', name: '赵建国' },
        { role: 'applicant', name: '赵桂芝' },
      ],
    });
    const detail = (await mediator.get(`/api/v1/disputes/${d.body.id}`)).body;
    expect(detail.parties.map((p: { name: string }) => p.name)).toEqual(['赵桂芝', '赵建国', '赵建华']);
    const signatures = [];
    for (const name of ['s1.png', 's2.png', 's3.png'])
      signatures.push(
        (
          await mediator.request(
            'POST',
            '/api/v1/files',
            multipart({ file: { bytes: tinyPng, name, type: 'image/png' } }),
          )
        ).body.id,
      );
    await mediator.post(`/api/v1/disputes/${d.body.id}/mediations`, {
      mediators: ['吴桂兰'],
      record: '三人到场',
      outcome: 'agreed',
      agreementText: '每人每月八百元',
      signatureFileIds: signatures,
    });
    const text = await pdfText((await mediator.get(`/api/v1/disputes/${d.body.id}/agreement.pdf`)).body);
    const signed = text.slice(text.indexOf('当事人签名'));
    expect(signed.indexOf('赵桂芝')).toBeLessThan(signed.indexOf('赵建国'));
    expect(signed.indexOf('赵建国')).toBeLessThan(signed.indexOf('赵建华'));
  });

  it('prints every party’s signature when there are many: three to a row, on the page', async () => {
    const names = ['周一', '吴二', '郑三', '王四', '冯五', '陈六', '褚七'];
    const d = await mediator.post('/api/v1/disputes', {
      placeCode: world.c1.code,
      disputeType: 'property',
      summary: '七户业主就电梯维修资金分摊发生争执',
      source: 'walk_in',
      risk: 'low',
      parties: names.map((name) => ({ role: 'applicant', name })),
    });
    const signatures = [];
    for (const name of names)
      signatures.push(
        (
          await mediator.request(
            'POST',
            '/api/v1/files',
            multipart({ file: { bytes: tinyPng, name: `${name}.png`, type: 'image/png' } }),
          )
        ).body.id,
      );
    await mediator.post(`/api/v1/disputes/${d.body.id}/mediations`, {
      mediators: ['吴桂兰'],
      record: '七户到场',
      outcome: 'agreed',
      agreementText: '按面积分摊维修资金',
      signatureFileIds: signatures,
    });
    const pdf = (await mediator.get(`/api/v1/disputes/${d.body.id}/agreement.pdf`)).body;
    const text = await pdfText(pdf);
    const signed = text.slice(text.indexOf('当事人签名'));
    for (const name of names) expect(signed).toContain(name);
    // no name was pushed off the right edge onto a page of its own
    const { getDocumentProxy } = await import('unpdf');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const page = await doc.getPage(doc.numPages);
    const content = await page.getTextContent();
    const width = page.getViewport({ scale: 1 }).width;
    const xs = content.items
      .filter((item) => 'str' in item && names.includes(item.str))
      .map((item) => ('transform' in item ? item.transform[4] : 0));
    expect(Math.max(...xs)).toBeLessThan(width - 150);
  });
});
