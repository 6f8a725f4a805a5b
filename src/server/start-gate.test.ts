import { describe, expect, it } from 'vitest';
import { startGate } from './start-gate.js';

const app = { fetch: () => new Response('the app', { status: 200 }) };
const get = (gate: ReturnType<typeof startGate>, path: string) => gate.fetch(new Request(`http://localhost${path}`));

describe('the start gate (a first start seeding the demo)', () => {
  it('says starting on /healthz and the API, and asks to wait on the pages, until opened', async () => {
    const gate = startGate(app);
    const health = await get(gate, '/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'starting' });
    const api = await get(gate, '/api/v1/me');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    const page = await get(gate, '/m/');
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('邻里正在启动');
  });

  it('hands every request to the app once opened', async () => {
    const gate = startGate(app);
    gate.open();
    for (const path of ['/healthz', '/api/v1/me', '/m/']) {
      const res = await get(gate, path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('the app');
    }
  });
});
