import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed.js';
import { metresBetween } from '../../src/server/features/places/geometry.js';
import { GridLocator } from '../../src/server/features/places/locator.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';

// The demo county is what every new user looks at first: its points must lie where it says they
// are, its grid workers must have visited their households, and its timelines must name people.

let ctx: TestContext;
let locator: GridLocator;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.deps.db, ctx.deps.pii, ctx.clock.now(), 600);
  locator = new GridLocator(ctx.deps.db, 600_000); // the app's own locator; the grids do not change here
}, 240_000);
afterAll(() => ctx.close());

const DAY = 86_400_000;

/** The path of the grid the app's own locator finds at this point, or null. */
const gridAt = async (lng: number | null, lat: number | null) =>
  lng === null || lat === null ? null : ((await locator.locate(lng, lat))?.path ?? null);

describe(`demo county (${testEngine})`, () => {
  it('puts every case, building, whistle site, check-in and visit inside the grid it is filed under', async () => {
    const db = ctx.deps.db;
    const cases = await db.selectFrom('cases').select(['tracking_code', 'lng', 'lat', 'place_path']).execute();
    expect(cases.length).toBe(600);
    const misplacedCases = [];
    for (const c of cases) if ((await gridAt(c.lng, c.lat)) !== c.place_path) misplacedCases.push(c.tracking_code);
    expect(misplacedCases).toEqual([]);

    const buildings = await db
      .selectFrom('buildings as b')
      .innerJoin('places as p', 'p.id', 'b.place_id')
      .select(['p.code', 'p.path', 'b.lng', 'b.lat'])
      .execute();
    const misplacedBuildings = [];
    for (const b of buildings) {
      const grid = await gridAt(b.lng, b.lat);
      if (!grid || !b.path.startsWith(grid)) misplacedBuildings.push(b.code);
    }
    expect(misplacedBuildings).toEqual([]);

    const whistles = await db.selectFrom('whistles').select(['id', 'lng', 'lat', 'place_path']).execute();
    expect(whistles.length).toBeGreaterThan(0);
    const arrivals = await db
      .selectFrom('summonses as s')
      .innerJoin('whistles as w', 'w.id', 's.whistle_id')
      .select(['s.id', 's.arrival_lng', 's.arrival_lat', 'w.place_path'])
      .where('s.arrival_lng', 'is not', null)
      .execute();
    expect(arrivals.length).toBeGreaterThan(0);
    const misplacedSites = [];
    for (const w of whistles) {
      const grid = await gridAt(w.lng, w.lat);
      if (!grid || !w.place_path.startsWith(grid)) misplacedSites.push(w.id);
    }
    for (const s of arrivals) {
      const grid = await gridAt(s.arrival_lng, s.arrival_lat);
      if (!grid || !s.place_path.startsWith(grid)) misplacedSites.push(s.id);
    }
    expect(misplacedSites).toEqual([]);

    const visits = await db
      .selectFrom('visit_logs as v')
      .innerJoin('places as h', 'h.id', 'v.household_id')
      .select(['v.id', 'v.lng', 'v.lat', 'h.path'])
      .execute();
    expect(visits.length).toBeGreaterThan(0);
    const misplacedVisits = [];
    for (const v of visits) {
      const grid = await gridAt(v.lng, v.lat);
      if (!grid || !v.path.startsWith(grid)) misplacedVisits.push(v.id);
    }
    expect(misplacedVisits).toEqual([]);
  });

  it('says how far from the site each department checked in, as the console measures it (距现场)', async () => {
    const checkIns = await ctx.deps.db
      .selectFrom('whistle_events as e')
      .innerJoin('summonses as s', 's.id', 'e.summons_id')
      .innerJoin('whistles as w', 'w.id', 'e.whistle_id')
      .select(['e.note', 's.arrival_lng', 's.arrival_lat', 'w.lng', 'w.lat'])
      .where('e.action', '=', 'checkIn')
      .execute();
    expect(checkIns.length).toBeGreaterThan(0);
    const wrong = checkIns.filter((e) => {
      const metres = metresBetween({ lng: e.arrival_lng!, lat: e.arrival_lat! }, { lng: e.lng!, lat: e.lat! });
      return !e.note.includes(`距现场${metres}米`);
    });
    expect(wrong.map((e) => e.note)).toEqual([]);
  });

  it('shows on each whistle card the same 距现场 figure as its timeline says (issue 18: cards read 0 米, timelines 7 m)', async () => {
    // The cards read `arrival.metresFromSite` from the whistle's detail; the timeline prints the check-in's note.
    const admin = await new Session(ctx).login('admin', DEMO_PASSWORD);
    const whistles = await ctx.deps.db.selectFrom('whistles').select('id').execute();
    expect(whistles.length).toBeGreaterThan(0);
    const mismatched: string[] = [];
    let compared = 0;
    for (const { id } of whistles) {
      const res = await admin.get(`/api/v1/whistles/${id}`);
      expect(res.status).toBe(200);
      const detail = res.body as {
        summonses: { department: { name: string }; arrival: { metresFromSite: number | null } | null }[];
        timeline: { action: string; note: string }[];
      };
      for (const s of detail.summonses) {
        const note = detail.timeline.find((e) => e.action === 'checkIn' && e.note.startsWith(s.department.name))?.note;
        if (!note) continue;
        const said = /距现场(\d+)米/.exec(note)?.[1];
        const card = s.arrival?.metresFromSite ?? null;
        compared++;
        if (said === undefined ? card !== null : Number(said) !== card) mismatched.push(`${note} / card ${card}`);
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(mismatched).toEqual([]);
  });

  it('gives each grid worker a few months of visits (民情日记) to households of their own grid, on the phone and in the console', async () => {
    const db = ctx.deps.db;
    const now = ctx.clock.now().getTime();
    const visits = await db
      .selectFrom('visit_logs as v')
      .innerJoin('places as h', 'h.id', 'v.household_id')
      .innerJoin('memberships as m', 'm.user_id', 'v.author_id')
      .innerJoin('places as g', 'g.id', 'm.place_id')
      .select(['v.author_id', 'v.content', 'v.visited_at', 'h.path as household_path', 'g.path as grid_path', 'm.role'])
      .execute();
    const workers = await db.selectFrom('memberships').select('user_id').where('role', '=', 'grid_worker').execute();
    const byWorker = new Map<string, number[]>();
    for (const v of visits)
      byWorker.set(v.author_id, [...(byWorker.get(v.author_id) ?? []), new Date(v.visited_at).getTime()]);
    // every grid worker, and nobody else, wrote visits; each to households of their own grid
    expect([...byWorker.keys()].sort()).toEqual(workers.map((w) => w.user_id).sort());
    expect(visits.filter((v) => v.role !== 'grid_worker' || !v.household_path.startsWith(v.grid_path))).toEqual([]);
    for (const times of byWorker.values()) {
      expect(Math.max(...times)).toBeLessThanOrEqual(now);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(60 * DAY);
    }
    expect(visits.filter((v) => !/[\u4e00-\u9fff]{6}/.test(v.content))).toEqual([]);
    expect(visits.some((v) => v.content.includes('需求'))).toBe(true);

    // Households that need visiting (独居老人, 低保户 …) were seen in the last two months.
    const needsVisit = new Set(
      (await db.selectFrom('resident_tags').select('code').where('needs_visit', '=', true).execute()).map(
        (t) => t.code,
      ),
    );
    const residents = await db
      .selectFrom('residents')
      .select(['household_id', 'tags'])
      .where('status', '=', 'active')
      .execute();
    const needy = new Set(residents.filter((r) => r.tags.some((t) => needsVisit.has(t))).map((r) => r.household_id));
    const recent = new Set(
      (
        await db
          .selectFrom('visit_logs')
          .select('household_id')
          .where('visited_at', '>=', new Date(now - 60 * DAY))
          .execute()
      ).map((v) => v.household_id),
    );
    expect(needy.size).toBeGreaterThan(0);
    expect([...needy].filter((h) => !recent.has(h))).toEqual([]);

    const grid = await new Session(ctx).login('grid', DEMO_PASSWORD);
    const mine = await grid.get('/api/v1/visit-logs?mine=true');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(
      new Set(
        mine.body.items.map(
          (v: { author: { name: string }; grid: { code: string } }) => `${v.author.name} ${v.grid.code}`,
        ),
      ),
    ).toEqual(new Set(['张伟 610899001001001']));
    const community = await new Session(ctx).login('community', DEMO_PASSWORD);
    const inConsole = await community.get('/api/v1/visit-logs');
    expect(inConsole.body.total).toBeGreaterThan(mine.body.total);
  });

  it('gives every community an adviser team (救助顾问) caring for its people in hardship, some overdue', async () => {
    const community = await new Session(ctx).login('community', DEMO_PASSWORD);
    const teams = (await community.get('/api/v1/services/assistance/teams')).body.items;
    expect(teams.map((t: { name: string }) => t.name)).toEqual(['和平社区救助顾问服务团']);
    expect(teams[0].members.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['郑小红', '李秀英']));
    const people = await community.get('/api/v1/services/assistance/people?pageSize=200');
    expect(people.body.total).toBeGreaterThan(0);
    expect(people.body.items.every((p: { team: unknown }) => p.team !== null)).toBe(true);
    const overdue = people.body.items.filter((p: { overdue: boolean }) => p.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(people.body.total);
    const visits = await community.get('/api/v1/services/assistance/visits');
    expect(visits.body.total).toBeGreaterThan(people.body.total);
    const volunteer = await new Session(ctx).login('volunteer', DEMO_PASSWORD);
    expect((await volunteer.get('/api/v1/services/assistance/mine')).body.items.length).toBeGreaterThan(0);
  });

  it('words its cases differently, so 可能重复 shows only where two reports truly say the same (issue 18)', async () => {
    const cases = await ctx.deps.db
      .selectFrom('cases')
      .select(['id', 'place_id', 'description', 'created_at'])
      .orderBy('created_at')
      .execute();
    const twins = cases.filter((c) =>
      cases.some(
        (o) =>
          o.id !== c.id &&
          o.place_id === c.place_id &&
          o.description === c.description &&
          Math.abs(new Date(o.created_at).getTime() - new Date(c.created_at).getTime()) <= 7 * DAY,
      ),
    );
    // a few repeats are real life (two neighbours report the same broken lamp); most are not
    expect(twins.length).toBeLessThanOrEqual(cases.length * 0.03);
    expect(new Set(cases.map((c) => c.description)).size).toBeGreaterThan(cases.length * 0.8);
  });

  it('names the person who took each step of a demo case, and 系统 only for what the system did', async () => {
    const db = ctx.deps.db;
    const events = await db
      .selectFrom('case_events as e')
      .innerJoin('cases as c', 'c.id', 'e.case_id')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select([
        'e.action',
        'e.from_state',
        'e.actor_id',
        'e.actor_name',
        'e.note',
        'u.display_name',
        'c.channel',
        'c.reporter_name',
        'c.place_path',
        'c.assignee_user_id',
        'c.assignee_department_id',
      ])
      .execute();
    const memberships = await db
      .selectFrom('memberships as m')
      .leftJoin('places as p', 'p.id', 'm.place_id')
      .select(['m.user_id', 'm.role', 'm.department_id', 'p.path'])
      .execute();
    const may = (userId: string | null, fits: (m: (typeof memberships)[number]) => boolean) =>
      memberships.some((m) => m.user_id === userId && fits(m));
    const wrong: string[] = [];
    for (const e of events) {
      const show = `${e.action} by ${e.actor_name} (${e.display_name ?? 'no user'})`;
      if (
        e.action === 'overdue' ||
        e.action === 'whistle.overdue' ||
        (e.action === 'close' && e.note.includes('自动归档'))
      ) {
        if (e.actor_name !== '系统') wrong.push(show);
        continue;
      }
      if (e.action === 'rateSatisfied' || (e.action === 'submit' && e.channel !== 'patrol')) {
        if (e.actor_name !== e.reporter_name || !e.actor_name) wrong.push(show);
        continue;
      }
      // A person of the platform acted: the event carries their id and their name.
      if (!e.actor_id || e.display_name !== e.actor_name) {
        wrong.push(show);
        continue;
      }
      const dispatcher = may(
        e.actor_id,
        (m) => ['community_worker', 'street_officer'].includes(m.role) && !!m.path && e.place_path.startsWith(m.path),
      );
      const assignee =
        e.actor_id === e.assignee_user_id ||
        may(e.actor_id, (m) => m.department_id !== null && m.department_id === e.assignee_department_id);
      const gridWorker = may(e.actor_id, (m) => m.role === 'grid_worker' && m.path === e.place_path);
      const ok =
        {
          submit: gridWorker,
          accept: dispatcher,
          reject: dispatcher,
          contact: dispatcher,
          dispatch: dispatcher,
          take: assignee,
          resolve: e.from_state === 'accepted' ? dispatcher : assignee,
          // 转为议题 (issue 17): the community's dispatcher makes a case a topic.
          'topic.raise': dispatcher,
        }[e.action] ?? (e.action.startsWith('whistle.') ? true : false);
      if (!ok) wrong.push(show);
    }
    expect(wrong).toEqual([]);
    expect(events.some((e) => e.action === 'take')).toBe(true);

    // The console shows it: a case of 和平社区 accepted by its community worker.
    const accepted = await db
      .selectFrom('cases')
      .select('id')
      .where('place_path', 'like', '%/610899001001/%')
      .where('accepted_at', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const community = await new Session(ctx).login('community', DEMO_PASSWORD);
    const detail = await community.get(`/api/v1/cases/${accepted.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.find((t: { action: string }) => t.action === 'accept').actorName).toBe('李秀英');

    // The dispute ledger too: found by one of the community's grid workers, mediated by the session's mediator.
    const disputeEvents = await db
      .selectFrom('dispute_events as e')
      .innerJoin('disputes as d', 'd.id', 'e.dispute_id')
      .select(['e.kind', 'e.actor_name', 'd.id', 'd.place_path'])
      .execute();
    const sessions = await db.selectFrom('mediation_sessions').select(['dispute_id', 'mediators']).execute();
    const gridWorkers = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .select(['u.display_name', 'p.path'])
      .where('m.role', '=', 'grid_worker')
      .execute();
    const unnamed = disputeEvents.filter((e) =>
      e.kind === 'recorded'
        ? !gridWorkers.some((w) => w.display_name === e.actor_name && w.path.startsWith(e.place_path))
        : !sessions.some((s) => s.dispute_id === e.id && s.mediators.includes(e.actor_name)),
    );
    expect(disputeEvents.length).toBeGreaterThan(0);
    expect(unnamed.map((e) => `${e.kind} by ${e.actor_name}`)).toEqual([]);
  });
  it('gives each window of the demo hall the categories it serves, and books appointments of the day', async () => {
    const windows = await ctx.deps.db
      .selectFrom('service_hall_windows')
      .select(['label', 'item_ids', 'bundle_ids'])
      .orderBy('sort')
      .execute();
    const items = await ctx.deps.db
      .selectFrom('service_items as i')
      .innerJoin('service_categories as c', 'c.id', 'i.category_id')
      .select(['i.id', 'c.name'])
      .execute();
    const categoriesOf = (ids: string[]) => [...new Set(ids.map((id) => items.find((i) => i.id === id)!.name))].sort();
    expect(windows.map((w) => [w.label, categoriesOf(w.item_ids), w.bundle_ids.length > 0])).toEqual([
      ['1号窗口', ['民政救助', '老龄残疾'].sort(), false],
      ['2号窗口', ['就业创业', '医疗保障', '社会保障'].sort(), false],
      ['3号窗口', ['户籍证照'], false],
      ['4号窗口', [], true],
      ['5号窗口', [], false],
    ]);
    const days = await ctx.deps.db.selectFrom('service_appointments').select('day').distinct().execute();
    expect(days.length).toBeGreaterThanOrEqual(1);
  });
  it('lists 8 service categories with 100+ items and 5 bundle classes with 20+ bundles of 2–5 items, for anyone to read', async () => {
    const res = await new Session(ctx).get('/api/v1/public/services/catalogue');
    expect(res.status).toBe(200);
    expect(res.body.county.code).toBe('610899');
    expect(res.body.categories.map((c: { name: string }) => c.name)).toEqual([
      '党群服务',
      '民政救助',
      '社会保障',
      '医疗保障',
      '户籍证照',
      '就业创业',
      '老龄残疾',
      '生活缴费',
    ]);
    const items = res.body.categories.flatMap((c: { items: unknown[] }) => c.items);
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((i: { handlerLevel: string }) => i.handlerLevel))).toEqual(
      new Set(['community', 'street', 'department']),
    );
    const bundles = res.body.bundleClasses.flatMap((c: { bundles: { itemIds: string[] }[] }) => c.bundles);
    expect(res.body.bundleClasses).toHaveLength(5);
    expect(bundles.length).toBeGreaterThanOrEqual(20);
    for (const b of bundles) expect(b.itemIds.length).toBeGreaterThanOrEqual(2);
    for (const b of bundles) expect(b.itemIds.length).toBeLessThanOrEqual(5);
    const bundle = await new Session(ctx).get(`/api/v1/public/services/bundles/${bundles[0].id}`);
    expect(bundle.status).toBe(200);
    expect(bundle.body.form.fields.filter((f: { prefill?: string }) => f.prefill === 'name')).toHaveLength(1);
  });
});
