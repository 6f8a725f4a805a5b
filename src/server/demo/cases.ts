import type { Insertable, Transaction } from 'kysely';
import type { CasesTable, Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { caseSupervision, escalationChain } from '../features/cases/escalation.js';
import { dueColumn, watchCaseClock } from '../features/cases/sla.js';
import { queueJob } from '../platform/jobs.js';
import { trackingCounterName } from '../features/cases/tracking-code.js';
import { simulateCase, type CaseOutput, type CaseWorld, type GridRef, type Person } from './case-life.js';
import type { Random } from './random.js';

// A year of fictional cases with realistic timings, so the inbox and the rates look like a real county.
// case-life.ts plays one case through its phases; this file loads the county, runs them and stores the rows.

const clocks = ['firstContact', 'dispatch', 'take', 'resolve'] as const;
const finished = ['closed', 'rejected', 'resolved'];

export async function seedDemoCases(
  trx: Transaction<Database>,
  random: Random,
  pii: PiiCipher,
  now: Date,
  count = 20_000,
) {
  const world = await loadWorld(trx);
  const out: CaseOutput = { cases: [], events: [], perDay: new Map() };
  for (let i = 0; i < count; i++) simulateCase(world, out, random, pii, now);
  markOverdue(out, now);
  await insertCasesAndEvents(trx, out);
  await watchOpenDeadlines(trx, out.cases, now);
  await insertTrackingCounters(trx, out.perDay);
  return { cases: out.cases.length, events: out.events.length };
}

async function loadWorld(trx: Transaction<Database>): Promise<CaseWorld> {
  const grids: GridRef[] = await trx
    .selectFrom('places as p')
    .innerJoin('grids as g', 'g.place_id', 'p.id')
    .select(['p.id', 'p.code', 'p.path', 'g.boundary'])
    .where('p.status', '=', 'active')
    .execute();
  const buildings = await trx
    .selectFrom('buildings as b')
    .innerJoin('places as p', 'p.id', 'b.place_id')
    .select(['p.code', 'p.parent_id', 'b.lng', 'b.lat', 'b.address'])
    .orderBy('p.code')
    .execute();
  const buildingsOf = new Map(grids.map((g) => [g.id, buildings.filter((b) => b.parent_id === g.id)]));
  const categories = new Map((await trx.selectFrom('case_categories').selectAll().execute()).map((c) => [c.code, c]));
  const departments = await trx.selectFrom('departments').select(['id', 'name', 'kind', 'street_code']).execute();
  return { grids, buildingsOf, categories, departments, ...(await loadStaff(trx)) };
}

/** Who acts on a case: the community's worker dispatches, the grid's worker patrols, a department's handler (or receiver) handles. */
async function loadStaff(trx: Transaction<Database>) {
  const staff = await trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('places as p', 'p.id', 'm.place_id')
    .select(['u.id', 'u.display_name', 'm.role', 'm.department_id', 'p.code'])
    .where('m.role', 'in', ['grid_worker', 'community_worker', 'department_handler', 'department_receiver'])
    .orderBy('u.username')
    .execute();
  const workerOfGrid = new Map<string, Person>(staff.filter((w) => w.role === 'grid_worker').map((w) => [w.code!, w]));
  const dispatcherOf = new Map<string, Person>(
    staff.filter((w) => w.role === 'community_worker').map((w) => [w.code!, w]),
  );
  // A department's handler when it has one (set last, so it wins), else its receiver.
  const handlerOf = new Map<string, Person>(
    [
      ...staff.filter((w) => w.role === 'department_receiver'),
      ...staff.filter((w) => w.role === 'department_handler'),
    ].map((w) => [w.department_id!, w]),
  );
  return { workerOfGrid, dispatcherOf, handlerOf };
}

/**
 * A clock that ran out before the demo started is red already, and the case has climbed the 督办
 * chain as the jobs would have left it: to the street at the first missed deadline, and to the
 * county when the street's period (here a day) ran out too.
 */
function markOverdue(out: CaseOutput, now: Date) {
  const clockNames = { firstContact: '首次联系', dispatch: '派单', take: '接单', resolve: '办结' } as const;
  const period = (escalationChain[1].period?.manualMinutes ?? 24 * 60) * 60_000;
  for (const c of out.cases) {
    if (finished.includes(c.state)) continue;
    const missed = clocks
      .map((which) => ({ which, due: c[dueColumn[which]] as Date | null }))
      .filter((m): m is { which: (typeof clocks)[number]; due: Date } => m.due !== null && m.due <= now)
      .sort((a, b) => a.due.getTime() - b.due.getTime());
    for (const [i, { which, due }] of missed.entries()) {
      c.sla_level = 'red';
      out.events.push(systemEvent(c, 'overdue', due, `${clockNames[which]}已超时`, { clock: which, due, level: 1 }, i));
    }
    if (missed.length === 0) continue;
    const first = missed[0].due;
    const streetEnds = new Date(first.getTime() + period);
    Object.assign(c, {
      overdue_since: first,
      escalation_level: 1,
      escalated_at: first,
      supervision_due_at: streetEnds,
    });
    if (streetEnds > now) continue;
    Object.assign(c, { escalation_level: 2, escalated_at: streetEnds, supervision_due_at: null });
    out.events.push(systemEvent(c, 'escalate', streetEnds, '街道督办期满仍未办好，上报区县督办', { level: 2 }, -1));
  }
}

function systemEvent(
  c: Insertable<CasesTable>,
  action: string,
  at: Date,
  note: string,
  data: { clock?: string; due?: Date; level: number },
  index: number,
) {
  // Only the first missed deadline lifted the case; later ones found the street already supervising.
  const escalated = action === 'escalate' || index === 0;
  return {
    id: newId(),
    tenant_id: '610899',
    case_id: c.id!,
    action,
    from_state: c.state,
    to_state: c.state,
    actor_id: null,
    actor_name: '系统',
    note: index === 0 ? `${note}，上报街道督办` : note,
    data: JSON.stringify({ ...data, due: data.due?.toISOString(), escalated }),
    at,
  };
}

async function insertCasesAndEvents(trx: Transaction<Database>, { cases, events }: CaseOutput) {
  for (let i = 0; i < cases.length; i += 500)
    await trx
      .insertInto('cases')
      .values(cases.slice(i, i + 500))
      .execute();
  for (let i = 0; i < events.length; i += 1000)
    await trx
      .insertInto('case_events')
      .values(events.slice(i, i + 1000))
      .execute();
}

/** Open cases are watched like any other: queue the deadline jobs of their running clocks. */
async function watchOpenDeadlines(trx: Transaction<Database>, cases: Insertable<CasesTable>[], now: Date) {
  const clock = { now: () => now };
  for (const c of cases) {
    for (const which of clocks) {
      const due = c[dueColumn[which]] as Date | null;
      if (due && due > now && !finished.includes(c.state))
        await watchCaseClock(trx, clock, c.id, which, new Date(c.created_at as Date), due);
    }
    const supervisionDue = c.supervision_due_at as Date | null | undefined;
    if (supervisionDue && supervisionDue > now)
      await queueJob(
        trx,
        clock,
        caseSupervision,
        { caseId: c.id, level: 1, due: supervisionDue.toISOString() },
        { runAt: supervisionDue, dedupeKey: `supervision:${c.id}:1:${supervisionDue.toISOString()}` },
      );
  }
}

async function insertTrackingCounters(trx: Transaction<Database>, perDay: Map<string, number>) {
  const counters = [...perDay].map(([day, n]) => ({ name: trackingCounterName(day), value: n }));
  for (let i = 0; i < counters.length; i += 500)
    await trx
      .insertInto('system_counters')
      .values(counters.slice(i, i + 500))
      .execute();
}
