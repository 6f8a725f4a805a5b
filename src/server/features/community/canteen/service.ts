import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import { chinaDay } from '../../../../shared/hall.js';
import { findByCode } from '../../places/index.js';
import {
  assertMayEditRule,
  assertMayManageCanteen,
  assertMayReadCanteen,
  canteensShownTo,
  mayEditRule,
  ruleShownTo,
} from './policy.js';
import * as repo from './repository.js';
import type { CanteenInputT, CanteenPatchT, DishInputT, NumbersQueryT, RuleInputT, RulePatchT } from './schemas.js';
import { ELDER_AGE } from './subsidy.js';

// 社区食堂 · 助餐点, set up by the community: canteens and partner shops, their operators, the menus
// and the subsidy rules; the year's numbers. One transaction and its audit row per change.

export interface CanteenDeps {
  db: Db;
  clock: Clock;
}

type CanteenRow = NonNullable<Awaited<ReturnType<typeof repo.findCanteen>>>;
type OperatorRow = Awaited<ReturnType<typeof repo.listOperators>>[number];

export const presentCanteen = (k: CanteenRow, operators: OperatorRow[]) => ({
  id: k.id,
  communityId: k.community_id,
  communityCode: k.community_code,
  communityName: k.community_name,
  name: k.name,
  kind: k.kind,
  address: k.address,
  hours: k.hours,
  elderDiscountPercent: k.elder_discount_percent,
  delivery: k.delivery,
  active: k.active,
  operators: operators
    .filter((o) => o.canteen_id === k.id)
    .map((o) => ({ userId: o.user_id, name: o.display_name || o.username })),
});

export async function canteenOr404(db: Db, id: string) {
  const found = await repo.findCanteen(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

async function view(db: Db, id: string) {
  const k = await canteenOr404(db, id);
  return presentCanteen(k, await repo.listOperators(db, [id]));
}

const audit = (
  clock: Clock,
  trx: Executor,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  tenantId: string,
  after?: unknown,
) => recordAudit(trx, actor, { action, entityType, entityId, tenantId, after }, clock.now());

async function list(deps: CanteenDeps, actor: Actor) {
  const { db } = deps;
  assertPermission(actor, 'community:read');
  const rows = await repo.listCanteens(db, canteensShownTo(actor));
  const operators = await repo.listOperators(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentCanteen(r, operators));
}

async function get(deps: CanteenDeps, actor: Actor, id: string) {
  const { db } = deps;
  assertMayReadCanteen(actor, await canteenOr404(db, id));
  return view(db, id);
}

async function create(deps: CanteenDeps, actor: Actor, input: CanteenInputT) {
  const { db, clock } = deps;
  const place = await findByCode(db, input.communityCode);
  if (!place) throw invalid('communityCode', 'noSuchPlace');
  assertMayManageCanteen(actor, { place_path: place.path });
  if (place.kind !== 'community') throw new AppError('CANTEEN_PLACE_INVALID');
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (await repo.canteenNamed(trx, place.id, input.name, null)) throw new AppError('CONFLICT', { field: 'name' });
    await repo.insertCanteen(trx, {
      id,
      tenant_id: place.tenant_id!,
      community_id: place.id,
      place_path: place.path,
      name: input.name,
      kind: input.kind,
      address: input.address,
      hours: input.hours,
      elder_discount_percent: input.kind === 'partner_shop' ? input.elderDiscountPercent : null,
      delivery: input.delivery,
      created_at: now,
      updated_at: now,
    });
    await audit(clock, trx, actor, 'canteen.create', 'canteen', id, place.tenant_id!, input);
  });
  return view(db, id);
}

async function update(deps: CanteenDeps, actor: Actor, id: string, patch: CanteenPatchT) {
  const { db, clock } = deps;
  const k = await canteenOr404(db, id);
  assertMayManageCanteen(actor, k);
  const kind = patch.kind ?? k.kind;
  await db.transaction().execute(async (trx) => {
    if (patch.name !== undefined && (await repo.canteenNamed(trx, k.community_id, patch.name, id)))
      throw new AppError('CONFLICT', { field: 'name' });
    await repo.updateCanteen(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.hours !== undefined ? { hours: patch.hours } : {}),
      ...(patch.delivery !== undefined ? { delivery: patch.delivery } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.elderDiscountPercent !== undefined || kind !== 'partner_shop'
        ? { elder_discount_percent: kind === 'partner_shop' ? (patch.elderDiscountPercent ?? null) : null }
        : {}),
      updated_at: clock.now(),
    });
    await audit(clock, trx, actor, 'canteen.update', 'canteen', id, k.tenant_id, patch);
  });
  return view(db, id);
}

/** Who may be linked: users holding canteen_operator at the canteen's community. */
async function candidates(deps: CanteenDeps, actor: Actor, id: string) {
  const { db } = deps;
  const k = await canteenOr404(db, id);
  assertMayManageCanteen(actor, k);
  return (await repo.operatorCandidates(db, k.community_id)).map((u) => ({
    userId: u.user_id,
    name: u.display_name || u.username,
  }));
}

async function setOperators(deps: CanteenDeps, actor: Actor, id: string, userIds: string[]) {
  const { db, clock } = deps;
  const k = await canteenOr404(db, id);
  assertMayManageCanteen(actor, k);
  const allowed = new Set((await repo.operatorCandidates(db, k.community_id)).map((u) => u.user_id));
  const wanted = [...new Set(userIds)];
  if (wanted.some((u) => !allowed.has(u))) throw new AppError('CANTEEN_OPERATOR_INVALID');
  await db.transaction().execute(async (trx) => {
    await repo.replaceOperators(trx, k, wanted, clock.now());
    await audit(clock, trx, actor, 'canteen.operators', 'canteen', id, k.tenant_id, { userIds: wanted });
  });
  return view(db, id);
}

async function menu(deps: CanteenDeps, actor: Actor, id: string, range: { from?: string; to?: string }) {
  const { db, clock } = deps;
  const k = await canteenOr404(db, id);
  assertMayReadCanteen(actor, k);
  const from = range.from ?? chinaDay(clock.now());
  const to = range.to ?? from;
  return (await repo.listDishes(db, [id], from, to)).map(presentDish);
}

async function addDish(deps: CanteenDeps, actor: Actor, id: string, input: DishInputT) {
  const { db, clock } = deps;
  const k = await canteenOr404(db, id);
  assertMayManageCanteen(actor, k);
  const dishId = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertDish(trx, {
      id: dishId,
      tenant_id: k.tenant_id,
      canteen_id: id,
      day: input.day,
      meal: input.meal,
      name: input.name,
      price_fen: input.priceFen,
      created_at: clock.now(),
    });
    await audit(clock, trx, actor, 'canteen.dish.add', 'canteen_dish', dishId, k.tenant_id, input);
  });
  return presentDish((await repo.findDish(db, dishId))!);
}

async function removeDish(deps: CanteenDeps, actor: Actor, dishId: string) {
  const { db, clock } = deps;
  const dish = await repo.findDish(db, dishId);
  if (!dish) throw new AppError('NOT_FOUND');
  const k = await canteenOr404(db, dish.canteen_id);
  assertMayManageCanteen(actor, k);
  await db.transaction().execute(async (trx) => {
    await repo.removeDish(trx, dishId);
    await audit(clock, trx, actor, 'canteen.dish.remove', 'canteen_dish', dishId, k.tenant_id);
  });
  return { id: dishId, removed: true };
}

async function tags(deps: CanteenDeps, actor: Actor) {
  const { db } = deps;
  assertPermission(actor, 'community:read');
  return (await repo.activeTags(db)).map((t) => ({ code: t.code, label: t.label_zh }));
}

async function rules(deps: CanteenDeps, actor: Actor) {
  const { db } = deps;
  assertPermission(actor, 'community:read');
  const tenants = actor.tenantId ? [actor.tenantId] : [];
  const rows = await repo.rulesOfTenants(db, tenants);
  return rows.filter((r) => ruleShownTo(actor, r)).map((r) => presentRule(r, mayEditRule(actor, r)));
}

async function createRule(deps: CanteenDeps, actor: Actor, input: RuleInputT) {
  const { db, clock } = deps;
  if (input.criterion === 'tag' ? !input.tag : input.minAge === null) throw new AppError('CANTEEN_RULE_INVALID');
  if ((input.amountFen === null) === (input.percent === null)) throw new AppError('CANTEEN_RULE_INVALID');
  const code = input.communityCode ?? input.countyCode;
  if (!code) throw invalid('communityCode', 'required');
  const place = await findByCode(db, code);
  if (!place) throw invalid('communityCode', 'noSuchPlace');
  assertMayEditRule(actor, { place_path: place.path });
  if (place.kind !== (input.communityCode ? 'community' : 'county')) throw new AppError('CANTEEN_PLACE_INVALID');
  if (input.criterion === 'tag' && !(await repo.findTag(db, input.tag!))) throw invalid('tag', 'required');
  const id = newId();
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.insertRule(trx, {
      id,
      tenant_id: place.tenant_id!,
      community_id: input.communityCode ? place.id : null,
      place_path: place.path,
      name: input.name,
      criterion: input.criterion,
      tag: input.criterion === 'tag' ? input.tag : null,
      min_age: input.criterion === 'age' ? input.minAge : null,
      amount_fen: input.amountFen,
      percent: input.percent,
      priority: input.priority,
      created_at: now,
      updated_at: now,
    });
    await audit(clock, trx, actor, 'canteen.rule.create', 'canteen_subsidy_rule', id, place.tenant_id!, input);
  });
  return ruleView(deps, actor, id);
}

async function updateRule(deps: CanteenDeps, actor: Actor, id: string, patch: RulePatchT) {
  const { db, clock } = deps;
  const rule = await repo.findRule(db, id);
  if (!rule || !ruleShownTo(actor, rule)) throw new AppError('NOT_FOUND');
  assertMayEditRule(actor, rule);
  const amountFen = patch.amountFen !== undefined ? patch.amountFen : rule.amount_fen;
  const percent = patch.percent !== undefined ? patch.percent : rule.percent;
  const minAge = patch.minAge !== undefined ? patch.minAge : rule.min_age;
  if ((amountFen === null) === (percent === null)) throw new AppError('CANTEEN_RULE_INVALID');
  if (rule.criterion === 'age' && minAge === null) throw new AppError('CANTEEN_RULE_INVALID');
  await db.transaction().execute(async (trx) => {
    await repo.updateRule(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      amount_fen: amountFen,
      percent,
      min_age: rule.criterion === 'age' ? minAge : null,
      updated_at: clock.now(),
    });
    await audit(clock, trx, actor, 'canteen.rule.update', 'canteen_subsidy_rule', id, rule.tenant_id, patch);
  });
  return ruleView(deps, actor, id);
}

async function ruleView(deps: CanteenDeps, actor: Actor, id: string) {
  const { db } = deps;
  const rule = await repo.findRule(db, id);
  const row = (await repo.rulesOfTenants(db, [rule!.tenant_id])).find((r) => r.id === id)!;
  return presentRule(row, mayEditRule(actor, row));
}

/** The year's counts per community in scope (round 2 joins them into 社区生活数据). */
async function numbers(deps: CanteenDeps, actor: Actor, query: NumbersQueryT) {
  const { db, clock } = deps;
  assertPermission(actor, 'community:read');
  const year = query.year ?? Number(chinaDay(clock.now()).slice(0, 4));
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await repo.yearNumbers(db, scope, under?.path ?? null, from, to, ELDER_AGE);
  const orders = new Map(
    (await repo.yearOrders(db, scope, under?.path ?? null, from, to)).map((o) => [o.community_id, Number(o.orders)]),
  );
  return {
    year,
    items: rows.map((r) => ({
      communityCode: r.community_code,
      communityName: r.community_name,
      canteens: Number(r.canteens),
      meals: Number(r.meals),
      elders: Number(r.elders),
      elderMeals: Number(r.elder_meals),
      subsidyFen: Number(r.subsidy_fen),
      orders: orders.get(r.community_id) ?? 0,
    })),
  };
}

export function createCanteenService(deps: CanteenDeps) {
  return {
    list: (actor: Actor) => list(deps, actor),
    get: (actor: Actor, id: string) => get(deps, actor, id),
    create: (actor: Actor, input: CanteenInputT) => create(deps, actor, input),
    update: (actor: Actor, id: string, patch: CanteenPatchT) => update(deps, actor, id, patch),
    candidates: (actor: Actor, id: string) => candidates(deps, actor, id),
    setOperators: (actor: Actor, id: string, userIds: string[]) => setOperators(deps, actor, id, userIds),
    menu: (actor: Actor, id: string, range: { from?: string; to?: string }) => menu(deps, actor, id, range),
    addDish: (actor: Actor, id: string, input: DishInputT) => addDish(deps, actor, id, input),
    removeDish: (actor: Actor, dishId: string) => removeDish(deps, actor, dishId),
    tags: (actor: Actor) => tags(deps, actor),
    rules: (actor: Actor) => rules(deps, actor),
    createRule: (actor: Actor, input: RuleInputT) => createRule(deps, actor, input),
    updateRule: (actor: Actor, id: string, patch: RulePatchT) => updateRule(deps, actor, id, patch),
    ruleView: (actor: Actor, id: string) => ruleView(deps, actor, id),
    numbers: (actor: Actor, query: NumbersQueryT) => numbers(deps, actor, query),
  };
}

export const presentDish = (d: {
  id: string;
  canteen_id: string;
  day: string;
  meal: 'breakfast' | 'lunch' | 'dinner';
  name: string;
  price_fen: number;
}) => ({ id: d.id, canteenId: d.canteen_id, day: d.day, meal: d.meal, name: d.name, priceFen: d.price_fen });

type RuleRow = Awaited<ReturnType<typeof repo.rulesOfTenants>>[number];
const presentRule = (r: RuleRow, mayEdit: boolean) => ({
  id: r.id,
  scope: r.community_id ? ('community' as const) : ('county' as const),
  communityName: r.community_name,
  name: r.name,
  criterion: r.criterion,
  tag: r.tag,
  tagLabel: r.tag_label,
  minAge: r.min_age,
  amountFen: r.amount_fen,
  percent: r.percent,
  priority: r.priority,
  active: r.active,
  mayEdit,
});

export type CanteenService = ReturnType<typeof createCanteenService>;
