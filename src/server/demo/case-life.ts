import type { Insertable, Selectable } from 'kysely';
import { maskPhone } from '../../shared/identity.js';
import type { CasesTable, Database, GeoJsonPolygon } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { shanghaiDate } from '../platform/deadlines.js';
import { tokenize } from '../platform/search-text.js';
import { categoryWeights, channelWeights, textAsks, texts, textSince, weighted } from './case-catalogue.js';
import { personName } from './names.js';
import { gridPoint, pointNear } from './points.js';
import type { Random } from './random.js';

// The life of one fictional case, phase by phase: filing, accepting (or rejecting), dispatch, take, resolve, rating.
// Every phase draws from the one seeded generator in a fixed order, so the demo is the same on every machine:
// reorder a draw and every case after it changes.

const minute = 60_000;
const hour = 3_600_000;
const day = 86_400_000;

export interface GridRef {
  id: string;
  code: string;
  path: string;
  boundary: GeoJsonPolygon;
}
export interface Person {
  id: string;
  display_name: string;
}
export interface Building {
  code: string;
  parent_id: string | null;
  lng: number;
  lat: number;
  address: string;
}
export type Department = Pick<Selectable<Database['departments']>, 'id' | 'name' | 'kind' | 'street_code'>;
type Category = Selectable<Database['case_categories']>;
type CaseRow = Insertable<CasesTable>;
type EventRow = Insertable<Database['case_events']>;

/** The county a case happens in: its grids, buildings, categories, departments and the people who act. */
export interface CaseWorld {
  grids: GridRef[];
  buildingsOf: Map<string, Building[]>;
  categories: Map<string, Category>;
  departments: Department[];
  workerOfGrid: Map<string, Person>;
  dispatcherOf: Map<string, Person>;
  handlerOf: Map<string, Person>;
}

/** Where the run collects its rows: cases, their events, and the tracking-code serial of each day. */
export interface CaseOutput {
  cases: CaseRow[];
  events: EventRow[];
  perDay: Map<string, number>;
}

/** When a case was resolved: ms after filing, and the moment. */
interface Resolution {
  resolveMs: number;
  resolvedAt: Date;
}

type RecordEvent = (
  action: string,
  at: Date,
  from: string | null,
  to: string,
  actor: Person | string,
  note?: string,
  data?: Record<string, unknown>,
) => void;

/** One case on its way through the phases. */
interface CaseLife {
  row: CaseRow;
  created: Date;
  category: Category;
  grid: GridRef;
  worker: Person | undefined;
  byDispatcher: Person | string;
  firstContactDue: Date;
  now: Date;
  /** How long ago it was filed. */
  elapsed: number;
  /** The moment `ms` after filing, but never in the future. */
  step: (ms: number) => Date;
  event: RecordEvent;
}

/** Where a case went after acceptance: who resolves it, and when its resolve clock started and runs out. */
interface Assignment {
  handler: Person | string;
  dispatchedAt: Date;
  resolveDue: Date;
}

/** Files one case and takes it as far as its age allows. */
export function simulateCase(world: CaseWorld, out: CaseOutput, random: Random, pii: PiiCipher, now: Date) {
  const life = fileCase(world, out, random, pii, now);
  // How far has it got? Older cases are mostly finished; the last days hold every state.
  const contactMs = acceptOrReject(life, random);
  if (contactMs === null) return;
  if (life.elapsed < 3 * hour && random.next() < 0.5) return;
  const assignment = dispatchOrKeep(life, world, random, contactMs);
  if (!assignment) return;
  const resolution = resolve(life, random, assignment);
  if (!resolution) return;
  rate(life, random, resolution);
}

/** More cases lately; office hours weigh more. */
function drawFilingTime(random: Random, now: Date): Date {
  const ageDays = Math.floor(365 * random.next() ** 1.3);
  const created = new Date(now.getTime() - ageDays * 86_400_000 - random.int(0, 86_399) * 1000);
  const shHour = (created.getUTCHours() + 8) % 24;
  if ((shHour < 7 || shHour > 22) && random.next() < 0.8) created.setUTCHours(created.getUTCHours() + 10);
  if (created > now) created.setTime(now.getTime() - random.int(60, 7200) * 1000);
  return created;
}

/** Near one of the grid's buildings (the one named, when the text names one), never outside the grid. */
function drawLocation(world: CaseWorld, random: Random, grid: GridRef, categoryCode: string) {
  const text = random.pick(texts[categoryCode]);
  const nearby = world.buildingsOf.get(grid.id) ?? [];
  const building = nearby.length ? random.pick(nearby) : null;
  const namesBuilding = text.includes('{b}');
  const [lng, lat] = pointNear(
    random,
    grid.boundary,
    building ? [building.lng, building.lat] : gridPoint(grid.boundary),
    namesBuilding ? 25 : 60,
  );
  const problem = text
    .replace('{b}', building ? building.code.split('-')[1] : '1')
    .replace('{u}', String(random.int(1, 2)));
  const description = [problem, random.pick(textSince), random.pick(textAsks)].filter(Boolean).join('，');
  return { description, lng, lat, address: namesBuilding && building ? building.address : '' };
}

function drawPhone(random: Random, channel: CaseRow['channel']): string | null {
  if (channel === 'patrol') return null;
  return `1${random.pick(['38', '39', '58', '86', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

function phoneColumns(pii: PiiCipher, phone: string | null) {
  if (!phone)
    return {
      reporter_phone_enc: null,
      reporter_phone_hash: null,
      reporter_phone_masked: null,
      reporter_phone_last4: null,
    };
  return {
    reporter_phone_enc: pii.encrypt(phone),
    reporter_phone_hash: pii.lookupHash(phone),
    reporter_phone_masked: maskPhone(phone),
    reporter_phone_last4: phone.slice(-4),
  };
}

/** The next tracking code of the day the case was filed on (Shanghai time). */
function nextTrackingCode(perDay: Map<string, number>, created: Date): string {
  const filedOn = shanghaiDate(created.getTime());
  const serial = (perDay.get(filedOn) ?? 0) + 1;
  perDay.set(filedOn, serial);
  return `LL-${filedOn.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
}

/** A step taken by a person of the platform carries their id and name; a resident's, only the name they gave. */
function eventRecorder(events: EventRow[], caseId: string): RecordEvent {
  return (action, at, from, to, actor, note = '', data = {}) =>
    events.push({
      id: newId(),
      tenant_id: '610899',
      case_id: caseId,
      action,
      from_state: from,
      to_state: to,
      actor_id: typeof actor === 'string' ? null : actor.id,
      actor_name: typeof actor === 'string' ? actor : actor.display_name,
      note,
      data: JSON.stringify(data),
      at,
    });
}

/** Filing: a resident (or the grid worker on patrol) reports; the case waits to be accepted. */
function fileCase(world: CaseWorld, out: CaseOutput, random: Random, pii: PiiCipher, now: Date): CaseLife {
  const created = drawFilingTime(random, now);
  const grid = random.pick(world.grids);
  const categoryCode = weighted(random, categoryWeights);
  const category = world.categories.get(categoryCode)!;
  const channel = weighted(random, channelWeights);
  const location = drawLocation(world, random, grid, categoryCode);
  const dispatcher = world.dispatcherOf.get(grid.code.slice(0, 12)) ?? null;
  const trackingCode = nextTrackingCode(out.perDay, created);
  const worker = world.workerOfGrid.get(grid.code);
  const phone = drawPhone(random, channel);
  const id = newId();
  const reporterName = channel === 'patrol' ? (worker?.display_name ?? '网格员') : personName(random);
  const firstContactDue = new Date(created.getTime() + category.first_contact_minutes * minute);
  const row = newCaseRow({
    id,
    trackingCode,
    channel,
    categoryCode,
    grid,
    created,
    ...location,
    reporterName,
    phone: phoneColumns(pii, phone),
    firstContactDue,
    dispatchDue: new Date(created.getTime() + category.dispatch_minutes * minute),
  });
  const event = eventRecorder(out.events, id);
  event('submit', created, null, 'submitted', channel === 'patrol' && worker ? worker : (row.reporter_name ?? '居民'));
  out.cases.push(row);
  return {
    row,
    created,
    category,
    grid,
    worker,
    byDispatcher: dispatcher ?? '社区工作者',
    firstContactDue,
    now,
    elapsed: now.getTime() - created.getTime(),
    step: (ms) => new Date(Math.min(now.getTime() - 1000, created.getTime() + ms)),
    event,
  };
}

interface CaseFacts {
  id: string;
  trackingCode: string;
  channel: CaseRow['channel'];
  categoryCode: string;
  grid: GridRef;
  created: Date;
  description: string;
  address: string;
  lng: number;
  lat: number;
  reporterName: string;
  phone: ReturnType<typeof phoneColumns>;
  firstContactDue: Date;
  dispatchDue: Date;
}

/** A freshly submitted case: no assignee, no clocks but first contact and dispatch. */
function newCaseRow(f: CaseFacts): CaseRow {
  return {
    id: f.id,
    tenant_id: '610899',
    tracking_code: f.trackingCode,
    channel: f.channel,
    category_code: f.categoryCode,
    priority: f.categoryCode === 'fire' || f.categoryCode === 'building_safety' ? 'urgent' : 'normal',
    state: 'submitted',
    suspended_from: null,
    description: f.description,
    text_tokens: tokenize(f.description),
    address: f.address,
    lng: f.lng,
    lat: f.lat,
    place_id: f.grid.id,
    place_path: f.grid.path,
    reporter_name: f.reporterName,
    ...f.phone,
    reporter_user_id: null,
    photo_ids: [],
    idempotency_key: null,
    assignee_kind: null,
    assignee_user_id: null,
    assignee_department_id: null,
    assignee_name: null,
    first_contact_due_at: f.firstContactDue,
    dispatch_due_at: f.dispatchDue,
    take_due_at: null,
    resolve_due_at: null,
    first_contact_at: null,
    accepted_at: null,
    dispatched_at: null,
    taken_at: null,
    resolved_at: null,
    closed_at: null,
    suspended_at: null,
    extension_requested_hours: null,
    first_contact_on_time: null,
    resolved_on_time: null,
    result_text: null,
    rating: null,
    rating_solved: null,
    rating_comment: null,
    rated_at: null,
    rating_token_hash: null,
    created_at: f.created,
    updated_at: f.created,
  };
}

/** Acceptance: most cases are accepted (and the reporter called back); a few are rejected. Returns when the
 * first contact happens (ms after filing), or null when the case stops here. */
function acceptOrReject(life: CaseLife, random: Random): number | null {
  if (life.elapsed < 20 * minute && random.next() < 0.7) return null; // still waiting to be accepted
  if (random.next() < 0.035) {
    reject(life, random);
    return null;
  }
  const contactMs = (random.next() < 0.86 ? random.int(3, 29) : random.int(31, 180)) * minute;
  const acceptedAt = life.step(Math.min(contactMs, random.int(2, 25) * minute));
  Object.assign(life.row, { state: 'accepted', accepted_at: acceptedAt });
  life.event('accept', acceptedAt, 'submitted', 'accepted', life.byDispatcher);
  if (life.elapsed > contactMs) {
    const at = life.step(contactMs);
    Object.assign(life.row, {
      first_contact_at: at,
      first_contact_on_time: at <= life.firstContactDue,
      first_contact_due_at: null,
    });
    life.event('contact', at, 'accepted', 'accepted', life.byDispatcher, '已电话联系反映人');
  }
  return contactMs;
}

function reject(life: CaseLife, random: Random) {
  const at = life.step(random.int(10, 90) * minute);
  Object.assign(life.row, {
    state: 'rejected',
    valid: false,
    first_contact_due_at: null,
    dispatch_due_at: null,
    updated_at: at,
  });
  const reason = random.next() < 0.5 ? '重复反映，已合并处理' : '不属于受理范围';
  life.event('reject', at, 'submitted', 'rejected', life.byDispatcher, reason);
}

/** The resolve clock starts now; most cases go to a department or the grid worker, some the community handles
 * itself (direct). Returns null while a dispatched case still waits to be taken. */
function dispatchOrKeep(life: CaseLife, world: CaseWorld, random: Random, contactMs: number): Assignment | null {
  const direct = random.next() < 0.15;
  const dispatchedAt = life.step(contactMs + random.int(5, 110) * minute);
  const { category } = life;
  const resolveDue = new Date(
    dispatchedAt.getTime() + category.resolve_hours * hour * (category.business_days ? 1.4 : 1),
  );
  if (direct) {
    Object.assign(life.row, { resolve_due_at: resolveDue });
    return { handler: life.byDispatcher, dispatchedAt, resolveDue };
  }
  const handler = dispatch(life, world, random, dispatchedAt, resolveDue);
  if (life.elapsed < 6 * hour && random.next() < 0.4) return null;
  take(life, random, dispatchedAt, handler);
  return { handler, dispatchedAt, resolveDue };
}

/** Dispatch to the grid worker, or to the department of the category's kind (the street's own when it has one).
 * Returns who will act on it. */
function dispatch(life: CaseLife, world: CaseWorld, random: Random, dispatchedAt: Date, resolveDue: Date) {
  const { worker, category } = life;
  const toWorker = worker && random.next() < 0.3;
  const dept = world.departments.filter((d) => d.kind === category.default_department_kind);
  const target = toWorker
    ? null
    : (dept.find((d) => d.street_code && life.grid.code.startsWith(d.street_code)) ?? dept[0] ?? world.departments[4]);
  Object.assign(life.row, {
    state: 'dispatched',
    dispatched_at: dispatchedAt,
    dispatch_due_at: null,
    assignee_kind: toWorker ? 'user' : 'department',
    assignee_user_id: toWorker ? worker!.id : null,
    assignee_department_id: toWorker ? null : target!.id,
    assignee_name: toWorker ? worker!.display_name : target!.name,
    take_due_at: new Date(dispatchedAt.getTime() + category.take_minutes * minute),
    resolve_due_at: resolveDue,
  });
  life.event('dispatch', dispatchedAt, 'accepted', 'dispatched', life.byDispatcher, '', {
    assigneeKind: toWorker ? 'user' : 'department',
    holder: toWorker ? 'gridWorker' : 'department',
  });
  return toWorker ? worker! : (world.handlerOf.get(target!.id) ?? target!.name);
}

function take(life: CaseLife, random: Random, dispatchedAt: Date, handler: Person | string) {
  const takenAt = life.step(dispatchedAt.getTime() - life.created.getTime() + random.int(5, 80) * minute);
  Object.assign(life.row, { state: 'in_progress', taken_at: takenAt, take_due_at: null });
  life.event('take', takenAt, 'dispatched', 'in_progress', handler);
}

/** Resolution, mostly on time. Returns when it was resolved, or null while it is still being worked on (its warning
 * level set by how much of the resolve clock has run). */
function resolve(life: CaseLife, random: Random, { handler, dispatchedAt, resolveDue }: Assignment): Resolution | null {
  const onTime = random.next() < 0.88;
  const resolveMs =
    dispatchedAt.getTime() -
    life.created.getTime() +
    (onTime ? random.between(0.1, 0.95) : random.between(1.05, 2)) * (resolveDue.getTime() - dispatchedAt.getTime());
  if (life.elapsed < resolveMs) {
    const { now } = life;
    if (now > resolveDue) life.row.sla_level = 'red';
    else if (now.getTime() > dispatchedAt.getTime() + 0.8 * (resolveDue.getTime() - dispatchedAt.getTime()))
      life.row.sla_level = 'yellow';
    return null;
  }
  const resolvedAt = life.step(resolveMs);
  const from = life.row.state as string;
  Object.assign(life.row, {
    state: 'resolved',
    resolved_at: resolvedAt,
    resolved_on_time: resolvedAt <= resolveDue,
    resolve_due_at: null,
    dispatch_due_at: null,
    result_text: '已到现场处理完毕',
  });
  life.event('resolve', resolvedAt, from, 'resolved', handler, '已到现场处理完毕');
  return { resolveMs, resolvedAt };
}

/** Rating: most reporters rate within three days; an unrated case is archived after seven. */
function rate(life: CaseLife, random: Random, { resolveMs, resolvedAt }: Resolution) {
  const rateMs = resolveMs + random.int(1, 72) * hour;
  if (life.elapsed < rateMs) return;
  if (random.next() < 0.82) {
    const ratedAt = life.step(rateMs);
    const rating = weighted(random, [
      ['satisfied', 76],
      ['basic', 17],
      ['unsatisfied', 7],
    ] as [string, number][]) as 'satisfied' | 'basic' | 'unsatisfied';
    Object.assign(life.row, {
      state: 'closed',
      closed_at: ratedAt,
      rated_at: ratedAt,
      rating,
      rating_solved: rating === 'unsatisfied' ? random.next() < 0.3 : random.next() < 0.97,
    });
    life.event('rateSatisfied', ratedAt, 'resolved', 'closed', life.row.reporter_name ?? '反映人');
  } else if (life.elapsed > resolveMs + 7 * day) {
    const closedAt = new Date(resolvedAt.getTime() + 7 * day);
    Object.assign(life.row, { state: 'closed', closed_at: closedAt });
    life.event('close', closedAt, 'resolved', 'closed', '系统', '7天未评价，自动归档');
  }
}
