import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorTable } from '../../src/server/platform/errors.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildBuilding, buildGrid, buildPlace, buildWorld, square } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let key: string;
const xml = new XMLParser({
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  const admin = await new Session(ctx).login('admin');
  const issued = await admin.post('/api/v1/api-keys', { name: '市民热线' });
  expect(issued.status).toBe(201);
  key = issued.body.key;
});
afterAll(() => ctx.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(`/open311/v2/${path}`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
    xml: text.startsWith('<?xml') ? xml.parse(text) : null,
    text,
  };
};
const post = async (format: 'json' | 'xml', fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(`/open311/v2/requests.${format}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
  const text = await res.text();
  return {
    status: res.status,
    json: format === 'json' ? JSON.parse(text) : null,
    xml: format === 'xml' ? xml.parse(text) : null,
    text,
  };
};
/** What a client reads: the errors.ts message in its language, and the field when there is one. */
const described = (code: keyof typeof errorTable, field?: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  field
    ? locale === 'en'
      ? `${errorTable[code].en} (${field})`
      : `${errorTable[code]['zh-CN']}（${field}）`
    : errorTable[code][locale];
const casesIn = async (tenantId: string) =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );
/** XML 1.0 `Char`: what a well-formed document may hold at all, even as a character reference. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const november = 'start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z';

describe(`Open311 GeoReport v2 (${testEngine})`, () => {
  it('publishes discovery and the service list in JSON and XML', async () => {
    const discovery = await get('discovery.json');
    expect(discovery.json.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect((await get('discovery.xml')).xml.discovery.endpoints.endpoint[0].formats.format).toEqual([
      'text/xml',
      'application/json',
    ]);
    const services = await get('services.json');
    const light = services.json.find((s: { service_code: string }) => s.service_code === 'street_light');
    expect(light).toMatchObject({ service_name: '路灯损坏', metadata: true, type: 'realtime', group: '设施管理' });
    const servicesXml = await get('services.xml');
    expect(servicesXml.type).toContain('text/xml');
    expect(servicesXml.xml.services.service.map((s: { service_code: string }) => s.service_code)).toContain(
      'street_light',
    );
  });

  it('describes a service’s attributes', async () => {
    const def = await get('services/street_light.json');
    expect(def.json.service_code).toBe('street_light');
    expect(def.json.attributes[0]).toMatchObject({ code: 'community', datatype: 'singlevaluelist', variable: true });
    expect(def.json.attributes[0].values.map((v: { key: string }) => v.key)).toEqual(['610899001001', '610899001002']);
    const defXml = await get('services/street_light.xml');
    expect(defXml.xml.service_definition.attributes.attribute[0].values.value[0]).toEqual({
      key: 610899001001,
      name: '和平社区',
    });
    const unknown = await get('services/dragons.json');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual([{ code: 404, description: described('NOT_FOUND', 'service_code') }]);
  });

  it('files a request with a key and follows it by id, token and filters', async () => {
    const missingKey = await post('json', {
      service_code: 'street_light',
      lat: '37.005',
      long: '108.005',
      description: '路灯不亮了很久',
    });
    expect(missingKey.status).toBe(403);
    expect(missingKey.json).toEqual([{ code: 403, description: described('OPEN311_KEY_INVALID') }]);
    const badKey = await post('xml', {
      api_key: 'nope',
      service_code: 'street_light',
      lat: '37.005',
      long: '108.005',
      description: '路灯不亮了很久',
    });
    expect(badKey.status).toBe(403);
    expect(badKey.xml.errors.error[0]).toEqual({ code: 403, description: described('OPEN311_KEY_INVALID') });
    const unknownService = await post('json', {
      api_key: key,
      service_code: 'dragons',
      lat: '37.005',
      long: '108.005',
      description: '路灯不亮了很久',
    });
    expect(unknownService.status).toBe(404);
    const created = await post('json', {
      api_key: key,
      jurisdiction_id: '610899',
      service_code: 'street_light',
      lat: '37.005',
      long: '108.005',
      description: '路灯不亮了很久',
      first_name: '明',
      last_name: '王',
      media_url: 'https://example.org/p.jpg',
      'attribute[public]': 'yes',
    });
    expect(created.status).toBe(201);
    const id = created.json[0].service_request_id;
    expect(id).toMatch(/^LL-\d{8}-\d{4}$/);
    const byAddress = await post('xml', {
      api_key: key,
      service_code: 'garbage',
      address_string: '文化路 3 号',
      'attribute[community]': '610899001002',
      description: '垃圾堆了好几天没人清',
    });
    expect(byAddress.status).toBe(201);
    const noPlace = await post('json', {
      api_key: key,
      service_code: 'garbage',
      address_string: '文化路 3 号',
      description: '垃圾堆了好几天没人清',
    });
    expect(noPlace.status).toBe(400);

    const one = await get(`requests/${id}.json`);
    expect(one.json[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'street_light',
      service_name: '路灯损坏',
      lat: 37.005,
      long: 108.005,
      media_url: 'https://example.org/p.jpg',
    });
    expect(one.json[0].requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const oneXml = await get(`requests/${id}.xml`);
    expect(oneXml.xml.service_requests.request[0].service_request_id).toBe(id);
    expect((await get(`tokens/${id}.json`)).json).toEqual([{ service_request_id: id, token: id }]);
    const all = await get(`requests.json?${november}`);
    expect(all.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]); // the other one is not public
    const lights = await get(
      'requests.json?service_code=street_light&status=open&start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z',
    );
    expect(lights.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    expect(
      (await get('requests.json?status=closed&start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z')).json,
    ).toEqual([]);
    expect((await get(`requests.json?service_request_id=${id}`)).json).toHaveLength(1);
    const badDate = await get('requests.json?start_date=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.json[0].code).toBe(400);
    const tooLong = await get('requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-11-30T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(tooLong.xml.errors.error[0].code).toBe(400);
    expect((await get('requests/LL-20200101-0001.json')).status).toBe(404);
  });

  it('stops accepting a revoked key', async () => {
    const admin = await new Session(ctx).login('admin');
    const id = (await admin.get('/api/v1/api-keys')).body.items[0].id;
    expect((await admin.request('DELETE', `/api/v1/api-keys/${id}`)).status).toBe(204);
    const refused = await post('json', {
      api_key: key,
      service_code: 'street_light',
      lat: '37.005',
      long: '108.005',
      description: '路灯不亮了很久',
    });
    expect(refused.status).toBe(403);
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.post('/api/v1/api-keys', { name: 'x' })).status).toBe(403);
  });
});

describe(`Open311: a key writes only in its county; public reads show only what residents made public (${testEngine})`, () => {
  let keyA: string;
  const inA = { service_code: 'street_light', lat: '37.005', long: '108.005', description: '路灯不亮了很久' };
  const inB = { service_code: 'street_light', lat: '38.005', long: '109.005', description: '路灯不亮了很久' };

  beforeAll(async () => {
    // A second county next door, with its own administrator and key.
    const countyB = await buildPlace(ctx.deps, {
      kind: 'county',
      code: '610898',
      name: '邻县',
      parent: world.city,
      tenantId: '610898',
    });
    const streetB = await buildPlace(ctx.deps, {
      kind: 'street',
      code: '610898001',
      name: '东关街道',
      parent: countyB,
    });
    const communityB = await buildPlace(ctx.deps, {
      kind: 'community',
      code: '610898001001',
      name: '东关社区',
      parent: streetB,
    });
    const gridB = await buildGrid(ctx.deps, communityB, '001', square(109.0, 38.0), '东关一网格');
    await buildBuilding(ctx.deps, gridB, '9', [109.005, 38.005]);
    keyA = (await (await new Session(ctx).login('admin')).post('/api/v1/api-keys', { name: '和宁热线' })).body.key;
  });

  it('refuses a key filing into another county by lat/long, by community and by jurisdiction, and keeps nothing', async () => {
    const byPoint = await post('json', { api_key: keyA, ...inB });
    expect(byPoint.status).toBe(403);
    const outside = described('OPEN311_OUTSIDE_COUNTY', 'lat');
    expect(byPoint.json).toEqual([{ code: 403, description: outside }]);
    const byPointOwnJurisdiction = await post('xml', { api_key: keyA, jurisdiction_id: '610899', ...inB });
    expect(byPointOwnJurisdiction.status).toBe(403);
    expect(byPointOwnJurisdiction.xml.errors.error[0]).toEqual({ code: 403, description: outside });
    const byCommunity = await post('json', {
      api_key: keyA,
      service_code: 'garbage',
      address_string: '东关路 1 号',
      'attribute[community]': '610898001001',
      description: '垃圾堆了好几天没人清',
    });
    expect(byCommunity.status).toBe(403);
    expect(byCommunity.json[0].description).toBe(described('OPEN311_OUTSIDE_COUNTY', 'attribute[community]'));
    const pointHereCommunityThere = await post('json', {
      api_key: keyA,
      ...inA,
      'attribute[community]': '610898001001',
    });
    expect(pointHereCommunityThere.status).toBe(403);
    const byJurisdiction = await post('json', { api_key: keyA, jurisdiction_id: '610898', ...inB });
    expect(byJurisdiction.status).toBe(403);
    const byAddress = await post('json', {
      api_key: keyA,
      service_code: 'garbage',
      address_id: '610898001001-9-1-101',
      description: '垃圾堆了好几天没人清',
    });
    expect(byAddress.status).toBe(403);
    expect(byAddress.json[0].description).toBe(described('OPEN311_OUTSIDE_COUNTY', 'address_id'));
    expect(await casesIn('610898')).toBe(0);

    // The key files in its own county, and that county reads the request; the other does not.
    const mine = await post('json', { api_key: keyA, ...inA, 'attribute[public]': 'yes' });
    expect(mine.status).toBe(201);
    const id = mine.json[0].service_request_id;
    expect((await get(`requests/${id}.json?jurisdiction_id=610899`)).json[0]).toMatchObject({
      service_request_id: id,
      description: inA.description,
    });
    expect(
      (await get(`requests.json?jurisdiction_id=610899&${november}`)).json.map(
        (r: { service_request_id: string }) => r.service_request_id,
      ),
    ).toContain(id);
    expect((await get(`requests/${id}.json?jurisdiction_id=610898`)).status).toBe(404);
    // An address of the county's own (a household) files the case in that household's grid.
    const atHome = await post('json', {
      api_key: keyA,
      service_code: 'garbage',
      address_id: world.inB.households[0].code,
      description: '楼道里堆满了杂物',
    });
    expect(atHome.status).toBe(201);
    const filed = await ctx.deps.db
      .selectFrom('cases')
      .select('place_path')
      .where('tracking_code', '=', atHome.json[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(filed.place_path).toBe(world.gridB.path);
    expect((await get(`requests.json?jurisdiction_id=610898&${november}`)).json).toEqual([]);
    expect(await casesIn('610898')).toBe(0);
  });

  it('lists only reports the resident made public, shows the others by id with their status only, and names a department or community, never a person', async () => {
    const qr = async (description: string, extra: Record<string, string> = {}) => {
      const form = multipart({
        communityCode: '610899001001',
        description,
        reporterName: '陈阿姨',
        reporterPhone: '13812345678',
        lng: '108.005',
        lat: '37.005',
        address: '3号楼东边',
        ...extra,
      });
      const res = await new Session(ctx).request('POST', '/api/v1/public/cases', form);
      expect(res.status).toBe(201);
      return res.body.trackingCode as string;
    };
    const qrPublic = await qr('公开的问题：路灯坏了三天', { isPublic: 'true' });
    const qrPrivate = await qr('不公开的问题：楼上邻居家暴');
    const worker = await new Session(ctx).login('worker1');
    const hotline = await worker.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.c1.code,
      description: '热线登记的问题：某某家欠费',
      reporterName: '李先生',
      reporterPhone: '13912345678',
    });
    expect(hotline.status).toBe(201);
    const o311Private = (await post('json', { api_key: keyA, ...inA, description: 'Open311 未公开的问题' })).json[0]
      .service_request_id;
    const o311Public = (
      await post('json', { api_key: keyA, ...inA, description: 'Open311 公开的问题', 'attribute[public]': 'yes' })
    ).json[0].service_request_id;

    for (const format of ['json', 'xml'] as const) {
      const list = await get(`requests.${format}?jurisdiction_id=610899&${november}`);
      const ids = (format === 'json' ? list.json : list.xml.service_requests.request).map(
        (r: { service_request_id: string }) => r.service_request_id,
      );
      expect(ids).toEqual(expect.arrayContaining([qrPublic, o311Public]));
      for (const hidden of [qrPrivate, hotline.body.trackingCode, o311Private]) expect(ids).not.toContain(hidden);
      for (const words of ['楼上邻居家暴', '某某家欠费', 'Open311 未公开的问题', '李先生', '陈阿姨'])
        expect(list.text).not.toContain(words);
    }
    expect((await post('json', { api_key: keyA, ...inA, 'attribute[public]': 'maybe' })).status).toBe(400);
    expect(
      (await get('services/street_light.json?jurisdiction_id=610899')).json.attributes.map(
        (a: { code: string }) => a.code,
      ),
    ).toContain('public');
    const shown = (await get(`requests/${qrPublic}.json?jurisdiction_id=610899`)).json[0];
    expect(shown).toMatchObject({
      description: '公开的问题：路灯坏了三天',
      address: '3号楼东边',
      lat: 37.005,
      long: 108.005,
    });

    // By id, a report that is not public shows where it stands and nothing of what was said or where.
    for (const path of [
      `requests/${qrPrivate}.json?jurisdiction_id=610899`,
      `requests.json?jurisdiction_id=610899&service_request_id=${qrPrivate}`,
    ]) {
      const status = await get(path);
      expect(status.status).toBe(200);
      expect(status.json[0]).toMatchObject({
        service_request_id: qrPrivate,
        status: 'open',
        description: '',
        address: '',
        lat: '',
        long: '',
        media_url: '',
        status_notes: '',
      });
      expect(status.text).not.toContain('家暴');
      expect(status.text).not.toContain('3号楼');
    }

    // Sent to a grid worker, the community answers for it; sent to a department, the department.
    const ids = async (code: string) =>
      (await ctx.deps.db.selectFrom('cases').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow())
        .id;
    const gridA = await ctx.deps.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('username', '=', 'gridA')
      .executeTakeFirstOrThrow();
    const dept = await ctx.deps.db
      .selectFrom('departments')
      .select('id')
      .where('code', '=', 'D61089901')
      .executeTakeFirstOrThrow();
    for (const [code, target] of [
      [qrPublic, { kind: 'user', id: gridA.id }],
      [o311Public, { kind: 'department', id: dept.id }],
    ] as const) {
      const caseId = await ids(code);
      expect((await worker.post(`/api/v1/cases/${caseId}/actions/accept`, {})).status).toBe(200);
      expect((await worker.post(`/api/v1/cases/${caseId}/actions/dispatch`, { target })).status).toBe(200);
    }
    const agencies = (await get(`requests.json?jurisdiction_id=610899&service_request_id=${qrPublic},${o311Public}`))
      .json;
    const agencyOf = (code: string) =>
      agencies.find((r: { service_request_id: string }) => r.service_request_id === code).agency_responsible;
    expect(agencyOf(qrPublic)).toBe('和平社区');
    expect(agencyOf(o311Public)).toBe('城关司法所');
    expect(JSON.stringify(agencies)).not.toContain(gridA.display_name);
  });

  it('answers absurd dates with 400 in Open311 form, never 500', async () => {
    for (const [start, end] of [
      ['-000001-01-01T00:00:00Z', '-000001-01-02T00:00:00Z'],
      ['-000001-01-01T00:00:00Z', '2026-11-30T00:00:00Z'],
      ['+275760-09-13T00:00:00Z', '+275760-09-13T00:00:00Z'],
      ['2026-11-01T00:00:00Z', '0000-01-01T00:00:00Z'],
    ]) {
      const json = await get(
        `requests.json?jurisdiction_id=610899&start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
      );
      expect(json.status).toBe(400);
      expect(json.json[0].code).toBe(400);
      const asXml = await get(
        `requests.xml?jurisdiction_id=610899&start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
      );
      expect(asXml.status).toBe(400);
      expect(asXml.xml.errors.error[0].code).toBe(400);
    }
  });

  it('describes errors in words, in the language asked for, with the field', async () => {
    const short = await post('json', { api_key: keyA, ...inA, description: '灯坏' });
    expect(short.status).toBe(400);
    expect(short.json).toEqual([{ code: 400, description: described('VALIDATION_FAILED', 'description') }]);
    const english = await post(
      'xml',
      { api_key: keyA, ...inA, description: '灯坏' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(english.xml.errors.error[0]).toEqual({
      code: 400,
      description: described('VALIDATION_FAILED', 'description', 'en'),
    });
    const noCommunity = await post('json', {
      api_key: keyA,
      service_code: 'garbage',
      address_string: '文化路 3 号',
      'attribute[community]': '610899001999',
      description: '垃圾堆了好几天没人清',
    });
    expect(noCommunity.status).toBe(400);
    expect(noCommunity.json[0].description).toBe(described('VALIDATION_FAILED', 'attribute[community]'));
    expect((await get('requests/LL-20200101-0001.json?jurisdiction_id=610899')).json[0].description).toBe(
      described('NOT_FOUND', 'service_request_id'),
    );
    for (const text of [short.text, english.text, noCommunity.text])
      expect(text).not.toMatch(/VALIDATION_FAILED|NOT_FOUND/);
  });

  it('refuses control characters in every parameter, keeps nothing, and takes tabs and new lines', async () => {
    const before = await casesIn('610899');
    for (const bad of [
      { ...inA, description: '路灯\u0000不亮了很久' },
      { ...inA, first_name: '明\u0007' },
      { ...inA, 'attribute[community]': '610899001001\u001b' },
      { ...inA, address_string: '文化路\u000b3 号' },
    ]) {
      const refused = await post('xml', { api_key: keyA, ...bad });
      expect(refused.status).toBe(400);
      expect(XMLValidator.validate(refused.text)).toBe(true);
      expect(refused.xml.errors.error[0].code).toBe(400);
    }
    expect((await post('json', { api_key: `${keyA}\u0001`, ...inA })).status).toBe(400);
    const query = await get(
      `requests.xml?jurisdiction_id=610899&service_code=${encodeURIComponent('street_light\u0002')}`,
    );
    expect(query.status).toBe(400);
    expect(query.xml.errors.error[0].code).toBe(400);
    expect(await casesIn('610899')).toBe(before);

    const lines = await post('json', { api_key: keyA, ...inA, description: '路灯不亮\n已经三天\t了\r\n请尽快修' });
    expect(lines.status).toBe(201);
    expect(await casesIn('610899')).toBe(before + 1);
  });

  it('keeps the XML feed well-formed even when a stored row holds characters XML cannot carry', async () => {
    const created = await post('json', {
      api_key: keyA,
      ...inA,
      description: '一条正常的问题描述',
      'attribute[public]': 'yes',
    });
    const id = created.json[0].service_request_id;
    // As if written before input was checked, or by a path that does not check it.
    await ctx.deps.db
      .updateTable('cases')
      .set({ description: '旧数据\u0001里有\u001f控制字符\ufffe', address: '门口\u000b', result_text: '\u0008' })
      .where('tracking_code', '=', id)
      .execute();
    for (const path of [
      `requests.xml?jurisdiction_id=610899&${november}`,
      `requests/${id}.xml?jurisdiction_id=610899`,
    ]) {
      const feed = await get(path);
      expect(feed.status).toBe(200);
      expect(feed.text).not.toMatch(notXmlChar);
      expect(XMLValidator.validate(feed.text)).toBe(true);
      const mine = feed.xml.service_requests.request.find(
        (r: { service_request_id: string }) => r.service_request_id === id,
      );
      expect(mine.description).toBe('旧数据里有控制字符');
      expect(mine.address).toBe('门口');
    }
    expect((await get(`requests/${id}.json?jurisdiction_id=610899`)).json[0].description).toBe(
      '旧数据\u0001里有\u001f控制字符\ufffe',
    );
  });
});
