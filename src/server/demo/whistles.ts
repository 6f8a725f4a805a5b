import type { Insertable, Transaction } from 'kysely';
import { metresBetween } from '../features/places/geometry.js';
import type { Database, GeoJsonPolygon, SummonsesTable } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pointAway } from './points.js';
import type { Random } from './random.js';
import { isUnder } from '../platform/scope.js';

// Half a year of whistles on the cases that needed departments, so the ranking has a history: most
// departments come on time and are scored well, one housing bureau often does not — and three whistles
// are still open with that bureau overdue and escalated, as a leader would find them on a Monday.

/** How each department answers: chance to acknowledge on time, to arrive on time, and its usual score. */
const behaviour: Record<string, { ack: number; arrive: number; score: [number, number] }> = {
  D61089901: { ack: 0.95, arrive: 0.9, score: [4, 5] },
  D61089903: { ack: 0.9, arrive: 0.85, score: [4, 5] },
  D61089905: { ack: 0.8, arrive: 0.7, score: [3, 5] },
  D61089906: { ack: 0.4, arrive: 0.3, score: [2, 3] },
  D61089909: { ack: 0.85, arrive: 0.8, score: [3, 5] },
};
/** Which departments a case of this category calls. */
const summoned: Record<string, string[]> = {
  neighbour: ['D61089901', 'D61089903'],
  drainage: ['D61089909', 'D61089906'],
  building_safety: ['D61089906', 'D61089905'],
  public_order: ['D61089903'],
  stalls: ['D61089905'],
  fire: ['D61089903', 'D61089906'],
};
const MIN = 60_000;

interface WhistleEvent {
  summons_id: string | null;
  action: string;
  actor_id: string | null;
  actor_name: string;
  note: string;
  at: Date;
}
type World = Awaited<ReturnType<typeof loadWorld>>;
type WhistledCase = World['closedCases'][number];
type Summons = Omit<Insertable<SummonsesTable>, 'tenant_id' | 'whistle_id' | 'created_at'>;

export async function seedDemoWhistles(trx: Transaction<Database>, random: Random, now: Date) {
  const world = await loadWorld(trx, random, now);
  let whistles = 0;
  for (const c of [...world.closedCases, ...world.openCases]) {
    await seedWhistle(trx, random, now, world, c, !world.closedCases.includes(c));
    whistles++;
  }
  return { whistles };
}

/** Departments, the community workers who whistle, who answers for each department, and the cases to whistle on. */
async function loadWorld(trx: Transaction<Database>, random: Random, now: Date) {
  const departments = new Map(
    (await trx.selectFrom('departments').select(['id', 'code', 'name']).execute()).map((d) => [d.code, d]),
  );
  const workers = new Map(
    (
      await trx
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .innerJoin('places as p', 'p.id', 'm.place_id')
        .select(['u.id', 'u.display_name', 'p.path'])
        .where('m.role', '=', 'community_worker')
        .execute()
    ).map((w) => [w.path, w]),
  );
  // Who answers for a department: its receiver (接哨员), else its handler, who may answer too.
  const answerers = await trx
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'm.role', 'm.department_id'])
    .where('m.role', 'in', ['department_receiver', 'department_handler'])
    .orderBy('u.username')
    .execute();
  const receivers = new Map(
    [
      ...answerers.filter((r) => r.role === 'department_handler'),
      ...answerers.filter((r) => r.role === 'department_receiver'),
    ].map((r) => [r.department_id!, r]),
  );
  const boundaries = new Map<string, GeoJsonPolygon>(
    (await trx.selectFrom('grids').select(['place_id', 'boundary']).execute()).map((g) => [g.place_id, g.boundary]),
  );
  const since = new Date(now.getTime() - 180 * 86_400_000);
  const candidates = await trx
    .selectFrom('cases')
    .select([
      'id',
      'tenant_id',
      'place_id',
      'place_path',
      'category_code',
      'lng',
      'lat',
      'address',
      'description',
      'state',
      'created_at',
      'resolved_at',
    ])
    // Cases at least a day old: every step of their whistles (at most ~15 hours after the case) lies in the past.
    .where('category_code', 'in', Object.keys(summoned))
    .where('created_at', '>=', since)
    .where('created_at', '<=', new Date(now.getTime() - 86_400_000))
    .orderBy('created_at')
    .execute();
  const closedCases = candidates
    .filter((c) => c.state === 'closed' && c.resolved_at && random.next() < 0.15)
    .slice(0, 60);
  const openCases = candidates
    .filter((c) => ['accepted', 'in_progress'].includes(c.state) && summoned[c.category_code!].includes('D61089906'))
    .slice(-3);
  return { departments, workers, receivers, boundaries, closedCases, openCases };
}

/** One whistle on case `c`: the departments it summons, how each answered, and the timeline. */
async function seedWhistle(
  trx: Transaction<Database>,
  random: Random,
  now: Date,
  world: World,
  c: WhistledCase,
  open: boolean,
) {
  const { departments, workers } = world;
  const blownAt = new Date(new Date(c.created_at).getTime() + random.int(30, 240) * MIN);
  const worker = [...workers.entries()].find(([path]) => isUnder(c.place_path, path))?.[1];
  const whistle = { id: newId(), tenant_id: c.tenant_id, case_id: c.id };
  const whistlerName = worker?.display_name ?? '社区工作者';
  const events: {
    summons_id: string | null;
    action: string;
    actor_id: string | null;
    actor_name: string;
    note: string;
    at: Date;
  }[] = [];
  const codes = summoned[c.category_code!];
  const names = codes.map((code) => departments.get(code)!.name);
  events.push({
    summons_id: null,
    action: 'whistle',
    actor_id: worker?.id ?? null,
    actor_name: whistlerName,
    note: `${c.description.slice(0, 20)}：召集${names.join('、')}`,
    at: blownAt,
  });
  const summonses: Summons[] = [];
  let closedAt: Date | null = null;
  for (const code of codes) {
    const dept = departments.get(code)!;
    const s = {
      id: newId(),
      ack_due_at: new Date(blownAt.getTime() + 30 * MIN),
      arrive_due_at: new Date(blownAt.getTime() + 120 * MIN),
    };
    const ignored = open && code === 'D61089906';
    if (ignored) {
      events.push({
        summons_id: s.id,
        action: 'overdue',
        actor_id: null,
        actor_name: '系统',
        note: `${dept.name}接哨超时，已上报`,
        at: s.ack_due_at,
      });
      summonses.push({ ...s, department_id: dept.id, state: 'summoned', sla_level: 'red' as const, escalated: true });
      continue;
    }
    const answer = answered(random, now, world, { c, code, dept, s, blownAt, open, worker, whistlerName });
    events.push(...answer.events);
    if (answer.scoredAt && (!closedAt || answer.scoredAt > closedAt)) closedAt = answer.scoredAt;
    summonses.push(answer.summons);
  }
  const whistleRow = { whistle, open, names, worker, whistlerName, blownAt, closedAt };
  await insertWhistle(trx, c, whistleRow, summonses, events);
}

/** How one department answered a summons: acknowledged, checked in near the site, reported, and (closed) scored. */
function answered(
  random: Random,
  now: Date,
  world: World,
  summons: {
    c: WhistledCase;
    code: string;
    dept: { id: string; name: string };
    s: { id: string; ack_due_at: Date; arrive_due_at: Date };
    blownAt: Date;
    open: boolean;
    worker: { id: string; display_name: string } | undefined;
    whistlerName: string;
  },
): { events: WhistleEvent[]; scoredAt: Date | null; summons: Summons } {
  const { c, code, dept, s, blownAt, open, worker, whistlerName } = summons;
  const how = behaviour[code];
  const receiver = world.receivers.get(dept.id);
  const events: WhistleEvent[] = [];
  const { ackOnTime, arriveOnTime, acknowledgedAt, arrivedAt, reportedAt, score, scoredAt } = answerTimes(
    random,
    now,
    how,
    blownAt,
    open ? null : c.resolved_at,
  );
  const ownerName = receiver?.display_name ?? `${dept.name}值班员`;
  const { arrivalLng, arrivalLat, away } = checkIn(random, world, c);
  const ownerId = receiver?.id ?? null;
  const step = (action: string, note: string, at: Date): WhistleEvent => ({
    summons_id: s.id,
    action,
    actor_id: ownerId,
    actor_name: ownerName,
    note,
    at,
  });
  events.push(
    step('acknowledge', `${dept.name}接哨`, acknowledgedAt),
    step('checkIn', `${dept.name}报到：${away}`, arrivedAt),
    step('report', `${dept.name}处置反馈：已到场处置`, reportedAt),
  );
  if (score !== null)
    events.push({
      summons_id: s.id,
      action: 'score',
      actor_id: worker?.id ?? null,
      actor_name: whistlerName,
      note: `${dept.name}评分：${score} 分`,
      at: scoredAt!,
    });
  const late = !ackOnTime || !arriveOnTime;
  const summonsRow: Summons = {
    ...s,
    department_id: dept.id,
    state: score === null ? 'reported' : 'scored',
    acknowledged_at: acknowledgedAt,
    owner_id: ownerId,
    owner_name: ownerName,
    arrived_at: arrivedAt,
    arrival_lng: arrivalLng,
    arrival_lat: arrivalLat,
    report_text: '已到场处置',
    reported_at: reportedAt,
    score,
    score_comment: score !== null && score <= 3 ? '到场不及时' : '',
    scored_at: scoredAt,
    ack_on_time: ackOnTime,
    arrive_on_time: arriveOnTime,
    sla_level: late ? ('red' as const) : ('ok' as const),
    escalated: late,
  };
  return { events, scoredAt, summons: summonsRow };
}

/** When the department acknowledged, arrived and reported, and (a closed whistle, resolved then) its score. */
function answerTimes(
  random: Random,
  now: Date,
  how: { ack: number; arrive: number; score: [number, number] },
  blownAt: Date,
  resolvedAt: Date | string | null,
) {
  const open = resolvedAt === null;
  const ackOnTime = random.next() < how.ack;
  const arriveOnTime = random.next() < how.arrive;
  const acknowledgedAt = new Date(blownAt.getTime() + (ackOnTime ? random.int(3, 28) : random.int(35, 180)) * MIN);
  const arrivedAt = new Date(
    Math.max(
      acknowledgedAt.getTime() + 10 * MIN,
      blownAt.getTime() + (arriveOnTime ? random.int(40, 115) : random.int(130, 600)) * MIN,
    ),
  );
  const reportedAt = new Date(arrivedAt.getTime() + random.int(30, 240) * MIN);
  const score = open ? null : random.int(how.score[0], how.score[1]);
  const scoredAt = open
    ? null
    : new Date(
        Math.min(Math.max(reportedAt.getTime() + 60 * MIN, new Date(resolvedAt!).getTime()), now.getTime() - MIN),
      );
  return { ackOnTime, arriveOnTime, acknowledgedAt, arrivedAt, reportedAt, score, scoredAt };
}

/** Checked in a few dozen metres from the site, inside its grid, and the note says as far as the console will measure. */
function checkIn(random: Random, world: World, c: WhistledCase) {
  const grid = world.boundaries.get(c.place_id);
  const arrival =
    grid && c.lng !== null && c.lat !== null
      ? (pointAway(random, grid, [c.lng, c.lat], random.int(5, 80)) ?? [c.lng, c.lat])
      : null;
  const away = arrival
    ? `距现场${metresBetween({ lng: arrival[0], lat: arrival[1] }, { lng: c.lng!, lat: c.lat! })}米`
    : '未定位';
  return { arrivalLng: arrival?.[0] ?? null, arrivalLat: arrival?.[1] ?? null, away };
}

/** The whistle, its summonses, its events, and the same events on the case's timeline. */
async function insertWhistle(
  trx: Transaction<Database>,
  c: WhistledCase,
  row: {
    whistle: { id: string; tenant_id: string; case_id: string };
    open: boolean;
    names: string[];
    worker: { id: string } | undefined;
    whistlerName: string;
    blownAt: Date;
    closedAt: Date | null;
  },
  summonses: Summons[],
  events: WhistleEvent[],
) {
  const { whistle, open, names, worker, whistlerName, blownAt, closedAt } = row;
  await trx
    .insertInto('whistles')
    .values({
      ...whistle,
      place_id: c.place_id,
      place_path: c.place_path,
      subject: c.description.slice(0, 20),
      request: `请${names.join('、')}到场处置`,
      state: open ? 'open' : 'closed',
      lng: c.lng,
      lat: c.lat,
      address: c.address,
      created_by: worker?.id ?? null,
      created_by_name: whistlerName,
      created_at: blownAt,
      closed_at: closedAt,
    })
    .execute();
  await trx
    .insertInto('summonses')
    .values(summonses.map((s) => ({ ...s, tenant_id: c.tenant_id, whistle_id: whistle.id, created_at: blownAt })))
    .execute();
  await trx
    .insertInto('whistle_events')
    .values(events.map((e) => ({ id: newId(), tenant_id: c.tenant_id, whistle_id: whistle.id, ...e })))
    .execute();
  await trx
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        id: newId(),
        tenant_id: c.tenant_id,
        case_id: c.id,
        action: `whistle.${e.action}`,
        from_state: null,
        to_state: null,
        actor_id: e.actor_id,
        actor_name: e.actor_name,
        note: e.note,
        data: JSON.stringify({ whistleId: whistle.id, summonsId: e.summons_id }),
        at: e.at,
      })),
    )
    .execute();
}
