import { interiorPoint } from '../../../shared/geometry.js';
import { summarize } from '../../../shared/text.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { shanghaiMinute, watchDeadline } from '../../platform/deadlines.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { smsUsers, superiorUserIds } from '../../platform/notify/recipients.js';
import { queueSms } from '../../platform/notify/sms.js';
import { maskPhone } from '../../../shared/identity.js';
import type { SummonsTold } from '../../platform/db/schema.js';
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
type Summoned = { department_id: string | null; adviser_id: string | null; name: string; phone: string };
type Whistle = { id: string; tenant_id: string; case_id: string | null; place_path: string };

/** Blows a whistle in the caller's transaction (a dispute blows one in its own). */
export async function blowWhistle(trx: Executor, deps: WhistleDeps, actor: Actor, input: WhistleInputT) {
  assertMayBlow(actor);
  const { place, caseRow } = await whereToBlow(trx, input);
  assertMayBlowAt(actor, place.path);
  const summoned = await summonedParties(trx, place, input);
  const point = await siteOf(trx, input, caseRow, place.path);
  const meeting = meetingOf(input, deps.clock.now());
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
    meeting_at: meeting?.at ?? null,
    meeting_place: meeting?.place ?? '',
  });
  const names = summoned.map((p) => p.name);
  const meetingNote = meeting ? `；${meetingText(meeting)}` : '';
  await recordEvent(trx, w, null, 'whistle', actor, `${input.subject}：召集${names.join('、')}${meetingNote}`, now);
  const text = { whistler: whistler ?? actor.displayName, meeting: meeting ? `${meetingText(meeting)}。` : '' };
  for (const party of summoned) await summon(trx, deps, { ...w, place_path: place.path }, party, input, text, now);
  await recordAudit(
    trx,
    actor,
    {
      action: 'whistle.blow',
      entityType: 'whistle',
      entityId: w.id,
      tenantId: w.tenant_id,
      after: { subject: input.subject, summoned: names, meetingAt: meeting?.at.toISOString() ?? null },
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
    ...departments.map((d) => ({ department_id: d.id, adviser_id: null, name: d.name, phone: d.phone })),
    ...advisers.map((a) => ({ department_id: null, adviser_id: a!.id, name: `法律顾问${a!.name}`, phone: '' })),
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

/** One party's summons: the row, its two watched deadlines (接哨, 报到) and the texts about it. */
async function summon(
  trx: Executor,
  deps: WhistleDeps,
  w: Whistle,
  party: Summoned,
  input: WhistleInputT,
  text: { whistler: string; meeting: string },
  now: Date,
) {
  const ackDue = new Date(now.getTime() + input.ackMinutes * 60_000);
  const arriveDue = new Date(now.getTime() + input.arriveMinutes * 60_000);
  const s = { id: newId(), department_id: party.department_id, adviser_id: party.adviser_id };
  const params = {
    community: text.whistler,
    department: party.name,
    subject: summarize(input.subject, 20),
    ackBy: shanghaiMinute(ackDue),
    arriveBy: shanghaiMinute(arriveDue),
    request: summarize(input.request, 40),
    meeting: text.meeting,
  };
  const answerers = await answerersOf(trx, s);
  // A department nobody answers for in the system is told by phone and through its street.
  const told = answerers.length === 0 ? await tellWithoutReceiver(trx, deps, w, s.id, party, params) : [];
  await repo.insertSummons(trx, {
    ...s,
    tenant_id: w.tenant_id,
    whistle_id: w.id,
    state: 'summoned',
    ack_due_at: ackDue,
    arrive_due_at: arriveDue,
    created_at: now,
    no_receiver: answerers.length === 0,
    told: JSON.stringify(told),
  });
  const alarm = summonsAlarm(deps);
  await watchDeadline(trx, deps.clock, alarm, { id: s.id, clock: 'ack', start: now, due: ackDue });
  await watchDeadline(trx, deps.clock, alarm, { id: s.id, clock: 'arrive', start: now, due: arriveDue });
  await smsUsers(
    trx,
    deps,
    { tenantId: w.tenant_id, placePath: w.place_path, caseId: w.case_id },
    answerers,
    'whistle_summoned',
    params,
    `whistle:${s.id}:summoned`,
  );
}

/** A mobile number (11 digits from 1): a landline on record cannot be texted. */
const isMobile = (phone: string) => /^1\d{10}$/.test(phone.replace(/[\s-]/g, ''));

/**
 * 部门无接哨账号: the department's number on record is texted the summons (when it is a mobile), and
 * the street officers above the place are told, so someone can ring the department. Returns who
 * was told, to show on the whistle; nobody at all refuses the whistle (WHISTLE_NOBODY_TO_TELL).
 */
async function tellWithoutReceiver(
  trx: Executor,
  deps: WhistleDeps,
  w: Whistle,
  summonsId: string,
  party: Summoned,
  params: Record<string, string>,
): Promise<SummonsTold[]> {
  const told: SummonsTold[] = [];
  const about = { tenantId: w.tenant_id, placePath: w.place_path, caseId: w.case_id };
  if (isMobile(party.phone)) {
    const phone = party.phone.replace(/[\s-]/g, '');
    await queueSms(trx, deps, {
      ...about,
      caseId: w.case_id ?? undefined,
      phone,
      template: 'whistle_summoned_phone',
      params,
      dedupeKey: `whistle:${summonsId}:phone`,
    });
    told.push({ kind: 'departmentPhone', name: party.name, phone: maskPhone(phone) });
  }
  const superiors = await superiorUserIds(trx, w.place_path);
  const officers = superiors.length ? await repo.usersWithPhone(trx, superiors) : [];
  if (told.length === 0 && officers.length === 0)
    throw new AppError('WHISTLE_NOBODY_TO_TELL', { department: party.name });
  const how = told.length ? `已短信通知其登记电话${told[0]!.phone}` : '平台无法通知该部门，请电话联系';
  await smsUsers(
    trx,
    deps,
    about,
    officers.map((o) => o.id),
    'whistle_no_receiver',
    { ...params, how },
    `whistle:${summonsId}:noReceiver`,
  );
  for (const o of officers) told.push({ kind: 'streetOfficer', name: o.display_name, phone: o.phone_masked ?? '' });
  return told;
}

/** The meeting the whistle calls: a time not yet past, and where (only with a time). */
function meetingOf(input: WhistleInputT, now: Date): { at: Date; place: string } | null {
  const place = input.meetingPlace?.trim() ?? '';
  if (!input.meetingAt) {
    if (place) throw invalid('meetingAt', 'meetingTimeRequired');
    return null;
  }
  const at = new Date(input.meetingAt);
  if (at.getTime() < now.getTime()) throw invalid('meetingAt', 'meetingInPast');
  return { at, place };
}

/** “协商会：7月9日 09:30，社区议事厅”, in Beijing time, as the whistle's texts and timeline say it. */
export function meetingText(m: { at: Date | string; place: string }): string {
  const t = new Date(new Date(m.at).getTime() + 8 * 3_600_000);
  const time = `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${t.toISOString().slice(11, 16)}`;
  return `协商会：${time}${m.place ? `，${m.place}` : ''}`;
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
