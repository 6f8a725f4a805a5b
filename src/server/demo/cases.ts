import type { Insertable, Transaction } from 'kysely';
import { maskPhone } from '../../shared/identity.js';
import type { CasesTable, Database, GeoJsonPolygon } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { shanghaiDate } from '../platform/deadlines.js';
import { dueColumn, watchDeadline } from '../features/cases/sla.js';
import { tokenize } from '../platform/search-text.js';
import { personName } from './names.js';
import { gridPoint, pointNear } from './points.js';
import type { Random } from './random.js';

// A year of fictional cases with realistic timings, so the inbox and the rates look like a real county.

const texts: Record<string, string[]> = {
  garbage: [
    '{b}号楼旁边的垃圾桶满了好几天没人清运，味道很大',
    '小区门口垃圾堆放，影响出行',
    '{b}号楼楼道里堆满杂物和垃圾',
  ],
  ads: ['{b}号楼单元门上贴满了小广告', '小区围墙被人乱涂乱画'],
  sanitation: ['{b}号楼后面污水横流，很脏', '小区绿化带里有狗粪便没人清理'],
  street_light: ['{b}号楼门口路灯坏了，晚上很黑', '小区主路的路灯不亮好几天了', '{b}号楼楼道灯不亮，老人上下楼不方便'],
  road: ['小区门口道路有个大坑，下雨积水', '{b}号楼前面井盖松动，车压过去响'],
  water_supply: ['{b}号楼{u}单元停水了，没有通知', '{b}号楼水压太低，楼上没水'],
  power_supply: ['{b}号楼{u}单元停电了', '{b}号楼电表箱门坏了，电线裸露'],
  drainage: ['楼上邻居家下水道堵塞，水漏到我家', '{b}号楼下水道返水，一楼被淹', '小区雨水井堵塞，路面积水'],
  elevator: ['{b}号楼{u}单元电梯经常坏，有人被困过', '电梯运行时有异响'],
  neighbour: ['楼上邻居晚上很吵，沟通无果', '邻居在楼道里堆放杂物，协商不成', '邻居家漏水把我家墙泡坏了，对方不赔偿'],
  property_mgmt: ['物业不作为，楼道卫生没人管', '物业费收了但是服务跟不上'],
  wages: ['在小区工地干活的工资被拖欠三个月'],
  fire: ['{b}号楼楼道里有人给电动车充电，很危险', '小区消防通道被车堵住了', '{b}号楼消防栓没有水'],
  building_safety: ['{b}号楼外墙皮脱落，砸到人怎么办', '{b}号楼墙上有裂缝越来越大'],
  public_order: ['小区里最近有人偷电动车电瓶', '晚上有陌生人在小区里转悠'],
  parking: ['小区门口乱停车，救护车进不来', '有车长期占用消防通道停车'],
  stalls: ['小区门口有人摆摊占道经营', '早市商贩占道，影响通行'],
  noise: ['广场舞音响太吵，晚上十点还在放', '附近工地夜间施工噪音扰民'],
  elderly_care: ['独居老人想申请助餐服务', '{b}号楼的老人行动不便，需要上门帮助'],
  assistance: ['家里困难想咨询低保怎么申请', '残疾人补贴什么时候发'],
  food_safety: ['小区门口餐馆卫生很差', '超市卖过期食品'],
  other: ['建议小区增加健身器材', '希望在小区里多装几个休息座椅'],
};
const categoryWeights: [string, number][] = [
  ['garbage', 9],
  ['ads', 3],
  ['sanitation', 5],
  ['street_light', 8],
  ['road', 5],
  ['water_supply', 5],
  ['power_supply', 3],
  ['drainage', 6],
  ['elevator', 3],
  ['neighbour', 7],
  ['property_mgmt', 6],
  ['wages', 1],
  ['fire', 4],
  ['building_safety', 2],
  ['public_order', 2],
  ['parking', 7],
  ['stalls', 3],
  ['noise', 5],
  ['elderly_care', 3],
  ['assistance', 2],
  ['food_safety', 2],
  ['other', 3],
];
const channelWeights: [Insertable<CasesTable>['channel'], number][] = [
  ['qr', 38],
  ['snap', 14],
  ['hotline', 20],
  ['patrol', 17],
  ['walkIn', 8],
  ['kiosk', 3],
];

function weighted<T>(random: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[0][0];
}

interface GridRef {
  id: string;
  code: string;
  path: string;
  boundary: GeoJsonPolygon;
}
interface Person {
  id: string;
  display_name: string;
}

export async function seedDemoCases(
  trx: Transaction<Database>,
  random: Random,
  pii: PiiCipher,
  now: Date,
  count = 20_000,
) {
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
  // Who acts on a case: the community's worker dispatches, the grid's worker patrols, a department's handler (or receiver) handles.
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
  const cases: Insertable<CasesTable>[] = [];
  const events: Insertable<Database['case_events']>[] = [];
  const perDay = new Map<string, number>();
  const minute = 60_000;
  const hour = 3_600_000;

  for (let i = 0; i < count; i++) {
    // More cases lately; office hours weigh more.
    const ageDays = Math.floor(365 * random.next() ** 1.3);
    const created = new Date(now.getTime() - ageDays * 86_400_000 - random.int(0, 86_399) * 1000);
    const shHour = (created.getUTCHours() + 8) % 24;
    if ((shHour < 7 || shHour > 22) && random.next() < 0.8) created.setUTCHours(created.getUTCHours() + 10);
    if (created > now) created.setTime(now.getTime() - random.int(60, 7200) * 1000);
    const grid = random.pick(grids);
    const categoryCode = weighted(random, categoryWeights);
    const category = categories.get(categoryCode)!;
    const channel = weighted(random, channelWeights);
    // Near one of the grid's buildings (the one named, when the text names one), never outside the grid.
    const text = random.pick(texts[categoryCode]);
    const nearby = buildingsOf.get(grid.id) ?? [];
    const building = nearby.length ? random.pick(nearby) : null;
    const [lng, lat] = pointNear(
      random,
      grid.boundary,
      building ? [building.lng, building.lat] : gridPoint(grid.boundary),
      text.includes('{b}') ? 25 : 60,
    );
    const description = text
      .replace('{b}', building ? building.code.split('-')[1] : '1')
      .replace('{u}', String(random.int(1, 2)));
    const dispatcher = dispatcherOf.get(grid.code.slice(0, 12)) ?? null;
    const day = shanghaiDate(created.getTime());
    const serial = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, serial);
    const worker = workerOfGrid.get(grid.code);
    const phone =
      channel === 'patrol'
        ? null
        : `1${random.pick(['38', '39', '58', '86', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const id = newId();
    const firstContactDue = new Date(created.getTime() + category.first_contact_minutes * minute);
    const row: Insertable<CasesTable> = {
      id,
      tenant_id: '610899',
      tracking_code: `LL-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`,
      channel,
      category_code: categoryCode,
      priority: categoryCode === 'fire' || categoryCode === 'building_safety' ? 'urgent' : 'normal',
      state: 'submitted',
      suspended_from: null,
      description,
      text_tokens: tokenize(description),
      address: text.includes('{b}') && building ? building.address : '',
      lng,
      lat,
      place_id: grid.id,
      place_path: grid.path,
      reporter_name: channel === 'patrol' ? (worker?.display_name ?? '网格员') : personName(random),
      reporter_phone_enc: phone ? pii.encrypt(phone) : null,
      reporter_phone_hash: phone ? pii.lookupHash(phone) : null,
      reporter_phone_masked: phone ? maskPhone(phone) : null,
      reporter_phone_last4: phone ? phone.slice(-4) : null,
      reporter_user_id: null,
      photo_ids: [],
      idempotency_key: null,
      assignee_kind: null,
      assignee_user_id: null,
      assignee_department_id: null,
      assignee_name: null,
      first_contact_due_at: firstContactDue,
      dispatch_due_at: new Date(created.getTime() + category.dispatch_minutes * minute),
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
      created_at: created,
      updated_at: created,
    };
    // A step taken by a person of the platform carries their id and name; a resident's, only the name they gave.
    const event = (action: string, at: Date, from: string | null, to: string, actor: Person | string, note = '') =>
      events.push({
        id: newId(),
        tenant_id: '610899',
        case_id: id,
        action,
        from_state: from,
        to_state: to,
        actor_id: typeof actor === 'string' ? null : actor.id,
        actor_name: typeof actor === 'string' ? actor : actor.display_name,
        note,
        data: '{}',
        at,
      });
    const byDispatcher = dispatcher ?? '社区工作者';
    event(
      'submit',
      created,
      null,
      'submitted',
      channel === 'patrol' && worker ? worker : (row.reporter_name ?? '居民'),
    );
    cases.push(row);

    // How far has it got? Older cases are mostly finished; the last days hold every state.
    const elapsed = now.getTime() - created.getTime();
    const step = (ms: number) => new Date(Math.min(now.getTime() - 1000, created.getTime() + ms));
    if (elapsed < 20 * minute && random.next() < 0.7) continue; // still waiting to be accepted
    if (random.next() < 0.035) {
      const at = step(random.int(10, 90) * minute);
      Object.assign(row, {
        state: 'rejected',
        valid: false,
        first_contact_due_at: null,
        dispatch_due_at: null,
        updated_at: at,
      });
      event(
        'reject',
        at,
        'submitted',
        'rejected',
        byDispatcher,
        random.next() < 0.5 ? '重复反映，已合并处理' : '不属于受理范围',
      );
      continue;
    }
    const contactMs = (random.next() < 0.86 ? random.int(3, 29) : random.int(31, 180)) * minute;
    const acceptedAt = step(Math.min(contactMs, random.int(2, 25) * minute));
    Object.assign(row, { state: 'accepted', accepted_at: acceptedAt });
    event('accept', acceptedAt, 'submitted', 'accepted', byDispatcher);
    if (elapsed > contactMs) {
      const at = step(contactMs);
      Object.assign(row, {
        first_contact_at: at,
        first_contact_on_time: at <= firstContactDue,
        first_contact_due_at: null,
      });
      event('contact', at, 'accepted', 'accepted', byDispatcher, '已电话联系反映人');
    }
    if (elapsed < 3 * hour && random.next() < 0.5) continue;
    const direct = random.next() < 0.15;
    let handler: Person | string = byDispatcher;
    const dispatchedAt = step(contactMs + random.int(5, 110) * minute);
    const resolveDue = new Date(
      dispatchedAt.getTime() + category.resolve_hours * hour * (category.business_days ? 1.4 : 1),
    );
    if (!direct) {
      const toWorker = worker && random.next() < 0.3;
      const dept = departments.filter((d) => d.kind === category.default_department_kind);
      const target = toWorker
        ? null
        : (dept.find((d) => d.street_code && grid.code.startsWith(d.street_code)) ?? dept[0] ?? departments[4]);
      Object.assign(row, {
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
      event('dispatch', dispatchedAt, 'accepted', 'dispatched', byDispatcher);
      handler = toWorker ? worker! : (handlerOf.get(target!.id) ?? target!.name);
      if (elapsed < 6 * hour && random.next() < 0.4) continue;
      const takenAt = step(dispatchedAt.getTime() - created.getTime() + random.int(5, 80) * minute);
      Object.assign(row, { state: 'in_progress', taken_at: takenAt, take_due_at: null });
      event('take', takenAt, 'dispatched', 'in_progress', handler);
    } else {
      Object.assign(row, { resolve_due_at: resolveDue });
    }
    const onTime = random.next() < 0.88;
    const resolveMs =
      dispatchedAt.getTime() -
      created.getTime() +
      (onTime ? random.between(0.1, 0.95) : random.between(1.05, 2)) * (resolveDue.getTime() - dispatchedAt.getTime());
    if (elapsed < resolveMs) {
      if (now > resolveDue) row.sla_level = 'red';
      else if (now.getTime() > dispatchedAt.getTime() + 0.8 * (resolveDue.getTime() - dispatchedAt.getTime()))
        row.sla_level = 'yellow';
      continue;
    }
    const resolvedAt = step(resolveMs);
    const from = row.state as string;
    Object.assign(row, {
      state: 'resolved',
      resolved_at: resolvedAt,
      resolved_on_time: resolvedAt <= resolveDue,
      resolve_due_at: null,
      dispatch_due_at: null,
      result_text: '已到现场处理完毕',
    });
    event('resolve', resolvedAt, from, 'resolved', handler, '已到现场处理完毕');
    const rateMs = resolveMs + random.int(1, 72) * hour;
    if (elapsed < rateMs) continue;
    if (random.next() < 0.82) {
      const ratedAt = step(rateMs);
      const rating = weighted(random, [
        ['satisfied', 76],
        ['basic', 17],
        ['unsatisfied', 7],
      ] as [string, number][]) as 'satisfied' | 'basic' | 'unsatisfied';
      Object.assign(row, {
        state: 'closed',
        closed_at: ratedAt,
        rated_at: ratedAt,
        rating,
        rating_solved: rating === 'unsatisfied' ? random.next() < 0.3 : random.next() < 0.97,
      });
      event('rateSatisfied', ratedAt, 'resolved', 'closed', row.reporter_name ?? '反映人');
    } else if (elapsed > resolveMs + 7 * 86_400_000) {
      const closedAt = new Date(resolvedAt.getTime() + 7 * 86_400_000);
      Object.assign(row, { state: 'closed', closed_at: closedAt });
      event('close', closedAt, 'resolved', 'closed', '系统', '7天未评价，自动归档');
    }
  }
  // A clock that ran out before the demo started is red already, as the job would have left it.
  const clockNames = { firstContact: '首次联系', dispatch: '派单', take: '接单', resolve: '办结' } as const;
  for (const c of cases) {
    if (['closed', 'rejected', 'resolved'].includes(c.state)) continue;
    for (const which of ['firstContact', 'dispatch', 'take', 'resolve'] as const) {
      const due = c[dueColumn[which]] as Date | null;
      if (!due || due > now) continue;
      c.sla_level = 'red';
      events.push({
        id: newId(),
        tenant_id: '610899',
        case_id: c.id,
        action: 'overdue',
        from_state: c.state,
        to_state: c.state,
        actor_id: null,
        actor_name: '系统',
        note: `${clockNames[which]}已超时`,
        data: JSON.stringify({ clock: which, due: due.toISOString(), escalated: false }),
        at: due,
      });
    }
  }
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
  // Open cases are watched like any other: queue the deadline jobs of their running clocks.
  const clock = { now: () => now };
  for (const c of cases) {
    for (const which of ['firstContact', 'dispatch', 'take', 'resolve'] as const) {
      const due = c[dueColumn[which]] as Date | null;
      if (due && due > now && !['closed', 'rejected', 'resolved'].includes(c.state))
        await watchDeadline(trx, clock, c.id, which, new Date(c.created_at as Date), due);
    }
  }
  const counters = [...perDay].map(([day, n]) => ({ name: `tracking:610899:${day}`, value: n }));
  for (let i = 0; i < counters.length; i += 500)
    await trx
      .insertInto('system_counters')
      .values(counters.slice(i, i + 500))
      .execute();
  return { cases: cases.length, events: events.length };
}
