import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGrid, square } from '../support/factories.js';
import {
  createClusterDatabase,
  HttpClient,
  reportForm,
  seedCounty,
  startCluster,
  type Answer,
  type Cluster,
  type ClusterDatabase,
} from '../support/cluster.js';

// Issue 19: the app is stateless. Three `linli start` processes on one PostgreSQL database behind a
// round-robin proxy, under a mixed load (reports, case actions, inboxes, tracking, deadline alarms and SMS
// coming due in every process) for SCALE_OUT_SECONDS: nothing a client was told is lost or doubled, no job
// runs twice, no SMS goes out twice, a session made on one process is valid on all, and a grid edit made
// on one process is seen by the others. The database is the truth.

const SECONDS = Number(process.env.SCALE_OUT_SECONDS ?? 60);
// The one-minute deadlines' first alarms (yellow, at 48 s) must come due while the load runs.
if (!(SECONDS >= 50)) throw new Error(`SCALE_OUT_SECONDS must be at least 50 (is ${process.env.SCALE_OUT_SECONDS})`);

let database: ClusterDatabase;
let cluster: Cluster;
let county: Awaited<ReturnType<typeof seedCounty>>;
/** A grid whose reports nobody works in the load: their one-minute deadlines pass for sure. */
let unworked: { community: string; grid: string; lng: number };

beforeAll(async () => {
  database = await createClusterDatabase();
  county = await seedCounty(database.deps);
  const grid = await buildGrid(database.deps, county.world.c2, '009', square(108.04, 37.0), '文化九网格');
  unworked = { community: county.world.c2.code, grid: grid.code, lng: 108.04 };
  // Deadlines of a minute (wall clock): the first-contact and dispatch alarms (yellow at 48 s, red at
  // 60 s) come due while the load runs, and any of the three processes may claim them.
  await database.deps.db
    .updateTable('case_categories')
    .set({ first_contact_minutes: 1, dispatch_minutes: 1, take_minutes: 1, business_days: false })
    .execute();
  cluster = await startCluster(database, { processes: 3 });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await database?.drop();
}, 60_000);

/** The first lookup a process makes a second after a grid change reloads its locator (GridLocator's recheck). */
const recheck = () => new Promise((r) => setTimeout(r, 1_100));

describe('three app processes on one PostgreSQL behind a round-robin', () => {
  it('a session made through one process is valid on every process, and a logout ends it on all', async () => {
    const admin = await new HttpClient(cluster.url).login('admin');
    for (const node of cluster.nodes) {
      const me = await admin.at(node.baseUrl).get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe('admin');
    }
    // A write (with its CSRF token) on each process.
    for (const [i, node] of cluster.nodes.entries()) {
      const worker = await new HttpClient(cluster.nodes[(i + 1) % 3].baseUrl).login('worker1');
      const created = await worker.at(node.baseUrl).post('/api/v1/cases', {
        channel: 'hotline',
        placeCode: county.world.gridA.code,
        description: `会话检查：第${i + 1}个进程接的电话，楼道灯坏了`,
      });
      expect(created.status).toBe(201);
    }
    const other = await new HttpClient(cluster.nodes[0].baseUrl).login('officer');
    expect((await other.at(cluster.nodes[1].baseUrl).post('/api/v1/auth/logout')).status).toBeLessThan(300);
    for (const node of cluster.nodes) expect((await other.at(node.baseUrl).get('/api/v1/me')).status).toBe(401);
  });

  it('a grid edit made through one process is seen by the other two', async () => {
    const [one, two, three] = cluster.nodes.map((n) => new HttpClient(n.baseUrl));
    await one.login('admin');
    const others = (exceptIndex: number) => cluster.nodes.filter((_, i) => i !== exceptIndex);
    const locate = (baseUrl: string, lng: number, lat: number) =>
      one.at(baseUrl).get(`/api/v1/places/locate?lng=${lng}&lat=${lat}`);
    // Each process has its locator loaded (and its recheck clock running) before the edits.
    for (const node of cluster.nodes) expect((await locate(node.baseUrl, 108.005, 37.005)).status).toBe(200);

    // A grid renamed: at once in what the others read from the database, within the recheck in point → grid.
    const gridA = county.world.gridA.code;
    expect((await one.patch(`/api/v1/places/${gridA}`, { name: '和平一网格（东）' })).status).toBe(200);
    for (const node of others(0)) {
      expect((await one.at(node.baseUrl).get(`/api/v1/places/${gridA}`)).body.name).toBe('和平一网格（东）');
    }
    await recheck();
    for (const node of others(0))
      expect((await locate(node.baseUrl, 108.005, 37.005)).body.grid.name).toBe('和平一网格（东）');

    // A community renamed on the second process: the others' point → grid names it anew.
    await two.login('admin');
    const c2 = county.world.c2.code;
    expect((await two.patch(`/api/v1/places/${c2}`, { name: '文化路社区' })).status).toBe(200);
    await recheck();
    for (const node of others(1))
      expect((await locate(node.baseUrl, 108.025, 37.005)).body.community).toEqual({ code: c2, name: '文化路社区' });

    // A new grid drawn on the third process: the others place a point, and a resident's report, in it.
    await three.login('admin');
    const created = await three.post('/api/v1/grids', {
      communityCode: c2,
      name: '文化二网格',
      boundary: square(108.03, 37.0),
    });
    expect(created.status).toBe(201);
    await recheck();
    for (const node of others(2))
      expect((await locate(node.baseUrl, 108.035, 37.005)).body.grid.code).toBe(created.body.code);
    const report = await new HttpClient(cluster.nodes[0].baseUrl, '10.9.9.9').post(
      '/api/v1/public/cases',
      reportForm(1, { community: c2, lng: 108.03 }, '13811112222'),
    );
    expect(report.status).toBe(201);
    const filed = await database.deps.db
      .selectFrom('cases')
      .select('place_path')
      .where('tracking_code', '=', report.body.trackingCode)
      .executeTakeFirstOrThrow();
    const grid = await database.deps.db
      .selectFrom('places')
      .select('path')
      .where('code', '=', created.body.code)
      .executeTakeFirstOrThrow();
    expect(filed.place_path).toBe(grid.path);
  });

  it(`keeps every write once under ${SECONDS} s of mixed load, and runs each job and sends each SMS once`, async () => {
    const load = await runMixedLoad();
    const { db } = database.deps;
    // Let what came due during the run be done, then stop the processes: the database is frozen for the checks.
    const dueBy = new Date();
    for (let waited = 0; waited < 60_000; waited += 500) {
      const left = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'queued')
        .where('run_at', '<=', dueBy)
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await cluster.stop();
    // Read after the stop: a job that came due between the wait and the stop sent its SMS and logged it then.
    const outputs = cluster.nodes.map((n) => n.output());

    const sent = outputs.map((out) =>
      out
        .split('\n')
        .filter((l) => l.includes('"sms (console provider)"'))
        .map((l) => (JSON.parse(l) as { outboxId: string }).outboxId),
    );
    const allSent = sent.flat();
    const alarmsRun = await sql<{ action: string; n: string }>`
      SELECT action, count(*)::text AS n FROM case_events WHERE action IN ('warning', 'overdue') GROUP BY 1`.execute(
      db,
    );
    const jobsDone = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    console.log(
      `scale-out: ${SECONDS} s, 3 processes, requests forwarded ${cluster.forwarded.join(' / ')}; ${Object.entries(
        load.counts,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; errors ${load.errors.length}; jobs done ${jobsDone.n}, ${alarmsRun.rows
        .map((a) => `${a.action} ${a.n}`)
        .join(', ')}; SMS sent by each process ${sent.map((m) => m.length).join(' / ')}`,
    );

    expect(cluster.proxyErrors).toEqual([]);
    expect(load.errors).toEqual([]);
    expect(load.counts.intake).toBeGreaterThan(10);
    expect(load.counts.accept + load.counts.dispatch + load.counts.take + load.counts.resolve).toBeGreaterThan(10);
    // Round robin: every process served its third.
    expect(Math.max(...cluster.forwarded) - Math.min(...cluster.forwarded)).toBeLessThanOrEqual(1);

    // Every report a client got a 2xx for exists exactly once, under the tracking code it was given.
    const filed = await db
      .selectFrom('cases')
      .select(['idempotency_key', 'tracking_code'])
      .where('idempotency_key', 'like', 'scale-%')
      .execute();
    const byKey = new Map<string, string[]>();
    for (const c of filed) byKey.set(c.idempotency_key!, [...(byKey.get(c.idempotency_key!) ?? []), c.tracking_code]);
    for (const [key, code] of load.intakes) expect(byKey.get(key)).toEqual([code]);
    expect(filed.length).toBe(load.intakes.size); // and nothing a client was not told of
    const codes = await db.selectFrom('cases').select('tracking_code').execute();
    expect(new Set(codes.map((c) => c.tracking_code)).size).toBe(codes.length);

    // Every action acknowledged is on the case's timeline once; none that was refused.
    const events = await db
      .selectFrom('case_events')
      .select(['case_id', 'action', 'note'])
      .where('action', 'in', ['accept', 'contact', 'dispatch', 'take', 'resolve', 'note'])
      .where('actor_id', 'is not', null)
      .execute();
    const count = (key: string, list: string[]) => list.filter((k) => k === key).length;
    const done = events.map(
      (e) => `${e.case_id} ${e.action}${['contact', 'note'].includes(e.action) ? ` ${e.note}` : ''}`,
    );
    for (const key of new Set(load.actions)) expect([key, count(key, done)]).toEqual([key, count(key, load.actions)]);
    const acted = new Set(load.actions.map((a) => a.split(' ')[0]));
    expect(done.filter((d) => acted.has(d.split(' ')[0])).length).toBe(load.actions.length);

    // No job ran twice, failed or is left behind.
    const jobs = await db.selectFrom('jobs').select(['kind', 'status', 'attempts', 'last_error', 'run_at']).execute();
    expect(jobs.filter((j) => j.status === 'dead' || j.attempts > 1 || j.last_error !== null)).toEqual([]);
    expect(jobs.filter((j) => j.status === 'queued' && new Date(j.run_at) <= dueBy)).toEqual([]);
    // Each alarm acted once: one warning (yellow) and one overdue (red) per case, clock and deadline.
    const alarms = await sql<{ action: string; case_id: string; clock: string; due: string; n: string }>`
      SELECT action, case_id, data->>'clock' AS clock, data->>'due' AS due, count(*)::text AS n
      FROM case_events WHERE action IN ('warning', 'overdue') GROUP BY 1, 2, 3, 4`.execute(db);
    expect(alarms.rows.filter((a) => a.n !== '1')).toEqual([]);
    expect(alarms.rows.filter((a) => a.action === 'warning').length).toBeGreaterThan(0);
    // Each SMS handed to the provider once, by whichever process ran its job; every process ran some.
    expect(new Set(allSent).size).toBe(allSent.length);
    for (const mine of sent) expect(mine.length).toBeGreaterThan(0);
    // What was queued by the end of the load went out; what went out is in the outbox as sent (a process
    // stopped between the provider and its commit may leave one logged but queued, never a stranger).
    const outbox = await db.selectFrom('sms_outbox').select(['id', 'status', 'created_at']).execute();
    expect(outbox.filter((m) => m.status !== 'sent' && new Date(m.created_at) <= dueBy)).toEqual([]);
    const logged = new Set(allSent);
    expect(outbox.filter((m) => m.status === 'sent' && !logged.has(m.id))).toEqual([]);
    const ids = new Set(outbox.map((m) => m.id));
    expect(allSent.filter((id) => !ids.has(id))).toEqual([]);
  }, 600_000);
});

interface Load {
  counts: Record<string, number>;
  total: number;
  errors: string[];
  /** Idempotency key → the tracking code the client was given. */
  intakes: Map<string, string>;
  /** `caseId action` (and `note` for contact and note) of every action answered 200. */
  actions: string[];
}

/** Several clients through the proxy for SECONDS: residents report and track, staff work their inboxes. */
async function runMixedLoad(): Promise<Load> {
  const load: Load = { counts: {}, total: 0, errors: [], intakes: new Map(), actions: [] };
  const end = Date.now() + SECONDS * 1000;
  let serial = 0;
  const tracked: { code: string; phone4: string }[] = [];
  const call = async (kind: string, request: Promise<Answer>, expected: number[], raced = [] as number[]) => {
    const res = await request.catch((error: Error) => ({ status: 0, body: error.message }));
    load.total++;
    if (expected.includes(res.status)) load.counts[kind] = (load.counts[kind] ?? 0) + 1;
    else if (raced.includes(res.status))
      load.counts[`${kind} refused (race)`] = (load.counts[`${kind} refused (race)`] ?? 0) + 1;
    else load.errors.push(`${kind}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return expected.includes(res.status) ? res : null;
  };
  const loop = (body: () => Promise<unknown>) =>
    (async () => {
      while (Date.now() < end) await body();
    })();

  // A resident reports (now and then the same report again, as a phone retries: the same case comes back)
  // and looks the case up at once, likely on another process.
  const resident = (who: number) => {
    const client = new HttpClient(cluster.url);
    return loop(async () => {
      const n = ++serial;
      client.address = `10.1.${who}.${n % 250}`;
      const phone = `138${String(n).padStart(8, '0')}`;
      const at = n % 5 === 0 ? unworked : county.grids[n % county.grids.length];
      const key = `scale-${who}-${n}`;
      const form = () => reportForm(n, at, phone);
      const res = await call('intake', client.post('/api/v1/public/cases', form(), { 'idempotency-key': key }), [201]);
      if (!res) return;
      load.intakes.set(key, res.body.trackingCode);
      tracked.push({ code: res.body.trackingCode, phone4: phone.slice(-4) });
      if (n % 7 === 0) {
        const again = await call(
          'intake retried',
          client.post('/api/v1/public/cases', form(), { 'idempotency-key': key }),
          [200, 201],
        );
        if (again && again.body.trackingCode !== res.body.trackingCode)
          load.errors.push(`retry of ${key}: ${again.body.trackingCode} ≠ ${res.body.trackingCode}`);
      }
      await call(
        'tracking',
        client.get(`/api/v1/public/cases/${res.body.trackingCode}?phone4=${phone.slice(-4)}`),
        [200],
      );
    });
  };

  // Residents looking up older cases.
  const tracker = () => {
    const client = new HttpClient(cluster.url);
    let n = 0;
    return loop(async () => {
      const pick = tracked[Math.floor(Math.random() * tracked.length)];
      client.address = `10.2.${++n % 250}.${Math.floor(n / 250) % 250}`;
      if (pick) await call('tracking', client.get(`/api/v1/public/cases/${pick.code}?phone4=${pick.phone4}`), [200]);
      else await new Promise((r) => setTimeout(r, 100));
    });
  };

  const act = async (client: HttpClient, id: string, action: string, body: Record<string, unknown> = {}) => {
    const res = await call(action, client.post(`/api/v1/cases/${id}/actions/${action}`, body), [200], [409]);
    if (res) load.actions.push(`${id} ${action}${typeof body.note === 'string' ? ` ${body.note}` : ''}`);
    return res;
  };
  const inbox = async (client: HttpClient, query: string) =>
    ((await call('inbox', client.get(`/api/v1/cases?${query}`), [200]))?.body.items ?? []) as {
      id: string;
      place: { code: string };
    }[];
  let notes = 0;

  // Two clients of the same community worker (two browser tabs, likely on two processes) work one inbox:
  // they often take the same case at once, and then one of them must be refused (409), never both served.
  const dispatcherC1 = async () => {
    const client = await new HttpClient(cluster.url).login('worker1');
    return loop(async () => {
      const [first] = await inbox(client, 'state=submitted&pageSize=5');
      if (!first) return new Promise((r) => setTimeout(r, 200));
      if (!(await act(client, first.id, 'accept'))) return;
      if (++notes % 2 === 0) await act(client, first.id, 'contact', { note: `已回电 #${notes}` });
      const assignee = county.gridWorkers[first.place.code];
      if (assignee)
        await act(client, first.id, 'dispatch', { target: { kind: 'user', id: assignee.id }, resolveHours: 24 });
    });
  };
  const dispatcherC2 = async () => {
    const client = await new HttpClient(cluster.url).login('worker2');
    return loop(async () => {
      const [first] = await inbox(client, `state=submitted&under=${county.world.gridC.code}&pageSize=5`);
      if (!first) return new Promise((r) => setTimeout(r, 200));
      if (await act(client, first.id, 'accept'))
        await act(client, first.id, 'resolve', { result: `已派保洁清理 #${++notes}` });
    });
  };
  const gridWorker = async (username: string) => {
    const client = await new HttpClient(cluster.url).login(username);
    return loop(async () => {
      const [dispatched] = await inbox(client, 'state=dispatched&mine=true&pageSize=5');
      if (dispatched) await act(client, dispatched.id, 'take');
      const [working] = await inbox(client, 'state=in_progress&mine=true&pageSize=5');
      if (working) {
        await act(client, working.id, 'note', { note: `到现场查看 #${++notes}` });
        await act(client, working.id, 'resolve', { result: '已更换灯泡' });
      }
      if (!dispatched && !working) await new Promise((r) => setTimeout(r, 200));
    });
  };
  // The county administrator's inbox and a case's detail, read again and again.
  const reader = async () => {
    const client = await new HttpClient(cluster.url).login('admin');
    return loop(async () => {
      const [top] = await inbox(client, 'state=open&page=1&pageSize=20');
      if (top) await call('case detail', client.get(`/api/v1/cases/${top.id}`), [200]);
    });
  };

  await Promise.all([
    resident(1),
    resident(2),
    tracker(),
    dispatcherC1(),
    dispatcherC1(),
    dispatcherC2(),
    gridWorker('gridA'),
    gridWorker('gridB'),
    reader(),
  ]);
  return load;
}
