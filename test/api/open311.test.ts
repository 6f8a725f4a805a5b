import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
let key: string;
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name) });

beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
  const admin = await new Session(ctx).login('admin');
  const issued = await admin.post('/api/v1/api-keys', { name: '市民热线' });
  expect(issued.status).toBe(201);
  key = issued.body.key;
});
afterAll(() => ctx.close());

const get = async (path: string) => {
  const res = await ctx.app.request(`/open311/v2/${path}`);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null, xml: text.startsWith('<?xml') ? xml.parse(text) : null, text };
};
const post = async (format: 'json' | 'xml', fields: Record<string, string>) => {
  const res = await ctx.app.request(`/open311/v2/requests.${format}`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const text = await res.text();
  return { status: res.status, json: format === 'json' ? JSON.parse(text) : null, xml: format === 'xml' ? xml.parse(text) : null };
};

describe(`Open311 GeoReport v2 (${testEngine})`, () => {
  it('publishes discovery and the service list in JSON and XML', async () => {
    const discovery = await get('discovery.json');
    expect(discovery.json.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
    expect((await get('discovery.xml')).xml.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    const services = await get('services.json');
    const light = services.json.find((s: { service_code: string }) => s.service_code === 'street_light');
    expect(light).toMatchObject({ service_name: '路灯损坏', metadata: true, type: 'realtime', group: '设施管理' });
    const servicesXml = await get('services.xml');
    expect(servicesXml.type).toContain('text/xml');
    expect(servicesXml.xml.services.service.map((s: { service_code: string }) => s.service_code)).toContain('street_light');
  });

  it('describes a service’s attributes', async () => {
    const def = await get('services/street_light.json');
    expect(def.json.service_code).toBe('street_light');
    expect(def.json.attributes[0]).toMatchObject({ code: 'community', datatype: 'singlevaluelist', variable: true });
    expect(def.json.attributes[0].values.map((v: { key: string }) => v.key)).toEqual(['610899001001', '610899001002']);
    const defXml = await get('services/street_light.xml');
    expect(defXml.xml.service_definition.attributes.attribute[0].values.value[0]).toEqual({ key: 610899001001, name: '和平社区' });
    const unknown = await get('services/dragons.json');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual([{ code: 404, description: 'service_code dragons not found' }]);
  });

  it('files a request with a key and follows it by id, token and filters', async () => {
    const missingKey = await post('json', { service_code: 'street_light', lat: '37.005', long: '108.005', description: '路灯不亮了很久' });
    expect(missingKey.status).toBe(403);
    expect(missingKey.json).toEqual([{ code: 403, description: 'api_key required' }]);
    const badKey = await post('xml', { api_key: 'nope', service_code: 'street_light', lat: '37.005', long: '108.005', description: '路灯不亮了很久' });
    expect(badKey.status).toBe(403);
    expect(badKey.xml.errors.error[0]).toEqual({ code: 403, description: 'invalid api_key' });
    const unknownService = await post('json', { api_key: key, service_code: 'dragons', lat: '37.005', long: '108.005', description: '路灯不亮了很久' });
    expect(unknownService.status).toBe(404);
    const created = await post('json', { api_key: key, jurisdiction_id: '610899', service_code: 'street_light', lat: '37.005', long: '108.005', description: '路灯不亮了很久', first_name: '明', last_name: '王', media_url: 'https://example.org/p.jpg' });
    expect(created.status).toBe(201);
    const id = created.json[0].service_request_id;
    expect(id).toMatch(/^LL-\d{8}-\d{4}$/);
    const byAddress = await post('xml', { api_key: key, service_code: 'garbage', address_string: '文化路 3 号', 'attribute[community]': '610899001002', description: '垃圾堆了好几天没人清' });
    expect(byAddress.status).toBe(201);
    const noPlace = await post('json', { api_key: key, service_code: 'garbage', address_string: '文化路 3 号', description: '垃圾堆了好几天没人清' });
    expect(noPlace.status).toBe(400);

    const one = await get(`requests/${id}.json`);
    expect(one.json[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'street_light', service_name: '路灯损坏', lat: 37.005, long: 108.005, media_url: 'https://example.org/p.jpg' });
    expect(one.json[0].requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const oneXml = await get(`requests/${id}.xml`);
    expect(oneXml.xml.service_requests.request[0].service_request_id).toBe(id);
    expect((await get(`tokens/${id}.json`)).json).toEqual([{ service_request_id: id, token: id }]);
    const all = await get('requests.json?start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z');
    expect(all.json).toHaveLength(2);
    const lights = await get('requests.json?service_code=street_light&status=open&start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z');
    expect(lights.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    expect((await get('requests.json?status=closed&start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z')).json).toEqual([]);
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
    const refused = await post('json', { api_key: key, service_code: 'street_light', lat: '37.005', long: '108.005', description: '路灯不亮了很久' });
    expect(refused.status).toBe(403);
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.post('/api/v1/api-keys', { name: 'x' })).status).toBe(403);
  });
});
