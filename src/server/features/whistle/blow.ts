import { interiorPoint } from '../../../shared/geometry.js';
import { summarize } from '../../../shared/text.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { shanghaiMinute, watchDeadline } from '../../platform/deadlines.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { smsUsers } from '../../platform/notify/recipients.js';
import type { Actor } from '../../platform/policy.js';
import { findCase } from '../cases/index.js';
import { findByCode } from '../places/index.js';
import { summonsAlarm } from './jobs.js';
import { assertMayBlow, assertMayBlowAt, whistlerPlacePath } from './policy.js';
import * as repo from './repository.js';
import type { WhistleInputT } from './schemas.js';
import type { WhistleDeps } from './deps.js';
import { answerersOf, recordEvent } from './timeline.js';

// 吹哨: on a case or on a place, summoning departments and the community's legal advisers.
// Every summoned party gets its summons, its two watched deadlines and a text, in one transaction.

type Place = { id: string; path: string; tenant_id: string | null };
type Summoned = { department_id: string | null; adviser_id: string | null; name: string };

/** Blows a whistle in the caller's transaction (a dispute blows one in its own). */
export async function blowWhistle(trx: Executor, deps: WhistleDeps, actor: Actor, input: WhistleInputT) {
  assertMayBlow(actor);
  const { place, caseRow } = await whereToBlow(trx, input);
  assertMayBlowAt(actor, place.path);
  const summoned = await summonedParties(trx, place, input);
  const point = await siteOf(trx, input, caseRow, place.path);
  // Who blows: the name of the place the whistler answers for (和平社区, 城关街道), as receivers know them.
  const whistler = (await repo.placeNameByPath(trx, whistlerPlacePath(actor, place.path) ?? ''))?.name;
  const now = deps.clock.now();
  const w = { id: newId(), tenant_id: place.tenant_id!, case_id: caseRow?.id ?? null };
  await repo.insertWhistle(trx, {
    ...w,
    place_id: place.id,
    place_path: place.path,
    subject: input.subject,
    request: input.request,
    lng: point.lng,
    lat: point.lat,
    address: point.address,
    created_by: actor.userId,
    created_by_name: actor.displayName,
    created_at: now,
  });
  const names = summoned.map((p) => p.name);
  await recordEvent(trx, w, null, 'whistle', actor, `${input.subject}：召集${names.join('、')}`, now);
  for (const party of summoned)
    await summon(trx, deps, { ...w, place_path: place.path }, party, input, whistler ?? actor.displayName, now);
  await recordAudit(
    trx,
    actor,
    {
      action: 'whistle.blow',
      entityType: 'whistle',
      entityId: w.id,
      tenantId: w.tenant_id,
      after: { subject: input.subject, summoned: names },
    },
    now,
  );
  return { id: w.id };
}

/** The case or the place the whistle is blown on. */
async function whereToBlow(trx: Executor, input: WhistleInputT): Promise<{ place: Place; caseRow?: CaseRow }> {
  if (input.caseId) {
    const caseRow = await findCase(trx, input.caseId);
    if (!caseRow) throw new AppError('NOT_FOUND');
    return { place: { id: caseRow.place_id, path: caseRow.place_path, tenant_id: caseRow.tenant_id }, caseRow };
  }
  const found = input.placeCode ? await findByCode(trx, input.placeCode) : undefined;
  if (!found) throw invalid('placeCode', 'caseOrPlace');
  return { place: found };
}

/** The departments (of the place's county) and the legal advisers serving the place, as asked. */
async function summonedParties(trx: Executor, place: Place, input: WhistleInputT): Promise<Summoned[]> {
  const departments = input.departmentCodes.length
    ? await repo.departmentsByCodes(trx, place.tenant_id!, input.departmentCodes)
    : [];
  if (departments.length !== new Set(input.departmentCodes).size) throw invalid('departmentCodes', 'unknownDepartment');
  const serving = await advisersServing(trx, place.path);
  const advisers = [...new Set(input.adviserIds)].map((id) => serving.find((a) => a.id === id));
  if (advisers.some((a) => !a)) throw invalid('adviserIds', 'notLegalAdviser');
  return [
    ...departments.map((d) => ({ department_id: d.id, adviser_id: null, name: d.name })),
    ...advisers.map((a) => ({ department_id: null, adviser_id: a!.id, name: `法律顾问${a!.name}` })),
  ];
}

/** Where to go: the point given, else the case's point, else the place's. */
async function siteOf(trx: Executor, input: WhistleInputT, caseRow: CaseRow | undefined, placePath: string) {
  if (input.lng !== undefined && input.lat !== undefined) return { lng: input.lng, lat: input.lat, address: '' };
  if (caseRow && caseRow.lng !== null) return { lng: caseRow.lng, lat: caseRow.lat, address: caseRow.address };
  return pointOf(trx, placePath);
}

/** The point to go to for a whistle on a place: its building's, or a point inside its grid. */
async function pointOf(trx: Executor, placePath: string) {
  const building = await repo.buildingAbove(trx, placePath);
  if (building) return building;
  const grid = await repo.gridAbove(trx, placePath);
  if (!grid) return { lng: null, lat: null, address: '' };
  const [lng, lat] = interiorPoint(grid.boundary.coordinates);
  return { lng, lat, address: '' };
}

/** One party's summons: the row, its two watched deadlines (接哨, 报到) and the text to its answerers. */
async function summon(
  trx: Executor,
  deps: WhistleDeps,
  w: { id: string; tenant_id: string; case_id: string | null; place_path: string },
  party: Summoned,
  input: WhistleInputT,
  whistler: string,
  now: Date,
) {
  const ackDue = new Date(now.getTime() + input.ackMinutes * 60_000);
  const arriveDue = new Date(now.getTime() + input.arriveMinutes * 60_000);
  const s = { id: newId(), department_id: party.department_id, adviser_id: party.adviser_id };
  await repo.insertSummons(trx, {
    ...s,
    tenant_id: w.tenant_id,
    whistle_id: w.id,
    state: 'summoned',
    ack_due_at: ackDue,
    arrive_due_at: arriveDue,
    created_at: now,
  });
  const alarm = summonsAlarm(deps);
  await watchDeadline(trx, deps.clock, alarm, { id: s.id, clock: 'ack', start: now, due: ackDue });
  await watchDeadline(trx, deps.clock, alarm, { id: s.id, clock: 'arrive', start: now, due: arriveDue });
  await smsUsers(
    trx,
    deps,
    { tenantId: w.tenant_id, placePath: w.place_path, caseId: w.case_id },
    await answerersOf(trx, s),
    'whistle_summoned',
    {
      community: whistler,
      subject: summarize(input.subject, 20),
      ackBy: shanghaiMinute(ackDue),
      arriveBy: shanghaiMinute(arriveDue),
      request: summarize(input.request, 40),
    },
    `whistle:${s.id}:summoned`,
  );
}

/** Legal advisers whose place covers this one (a community's adviser, or a street's). */
export async function advisersServing(db: Executor, placePath: string) {
  const rows = await repo.advisersServing(db, placePath);
  return rows.map((r) => ({ id: r.id, name: r.display_name, serves: r.place_name }));
}

/** The advisers a whistle on this case or place may summon. */
export async function advisersFor(deps: WhistleDeps, actor: Actor, q: { caseId?: string; placeCode?: string }) {
  assertMayBlow(actor);
  if (!q.caseId && !q.placeCode) throw invalid('caseId', 'caseOrPlace');
  const path = q.caseId
    ? (await findCase(deps.db, q.caseId))?.place_path
    : (await findByCode(deps.db, q.placeCode!))?.path;
  if (!path) throw new AppError('NOT_FOUND');
  assertMayBlowAt(actor, path);
  return advisersServing(deps.db, path);
}
