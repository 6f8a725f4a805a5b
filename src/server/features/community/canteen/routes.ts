import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { DeskService } from './desk.js';
import {
  CandidateSchema,
  CanteenInput,
  CanteenPatch,
  CanteenSchema,
  DailySchema,
  DayQuery,
  DinerQuery,
  DinerSchema,
  DishInput,
  DishSchema,
  Id,
  MealInput,
  MealSchema,
  MenuCanteenSchema,
  MonthQuery,
  MyCanteensSchema,
  NumbersQuery,
  NumbersSchema,
  OperatorsInput,
  OrderActionParams,
  OrderInput,
  OrderSchema,
  RangeQuery,
  RuleInput,
  RulePatch,
  RuleSchema,
  TagSchema,
} from './schemas.js';
import type { CanteenService } from './service.js';

// 社区食堂 · 助餐点 over HTTP, under /community/canteen/: the console (community:read/manage), the
// canteen's desk (canteen:serve), and residents' menus and orders (any logged-in person).

const tags = ['community-canteen'];
const base = '/community/canteen';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const r = {
  list: authRoute({
    method: 'get',
    path: `${base}/canteens`,
    tags,
    summary: 'Canteens and partner shops in my scope',
    responses: { 200: items(CanteenSchema), ...errorResponses },
  }),
  create: authRoute({
    method: 'post',
    path: `${base}/canteens`,
    tags,
    summary: 'Open a canteen, meal point or partner shop at a community',
    request: json(CanteenInput),
    responses: { 201: jsonContent(CanteenSchema), ...errorResponses },
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}`,
    tags,
    summary: 'One canteen',
    request: { params: Id },
    responses: { 200: jsonContent(CanteenSchema), ...errorResponses },
  }),
  update: authRoute({
    method: 'patch',
    path: `${base}/canteens/{id}`,
    tags,
    summary: 'Name, kind, address, hours, elder discount, delivery, active',
    request: { params: Id, ...json(CanteenPatch) },
    responses: { 200: jsonContent(CanteenSchema), ...errorResponses },
  }),
  candidates: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/operator-candidates`,
    tags,
    summary: 'Users holding canteen_operator at the canteen’s community',
    request: { params: Id },
    responses: { 200: items(CandidateSchema), ...errorResponses },
  }),
  operators: authRoute({
    method: 'put',
    path: `${base}/canteens/{id}/operators`,
    tags,
    summary: 'Link the canteen’s operators',
    request: { params: Id, ...json(OperatorsInput) },
    responses: { 200: jsonContent(CanteenSchema), ...errorResponses },
  }),
  menu: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/menu`,
    tags,
    summary: 'The menu of days from..to (default today)',
    request: { params: Id, query: RangeQuery },
    responses: { 200: items(DishSchema), ...errorResponses },
  }),
  addDish: authRoute({
    method: 'post',
    path: `${base}/canteens/{id}/dishes`,
    tags,
    summary: 'Add a dish to a day’s meal',
    request: { params: Id, ...json(DishInput) },
    responses: { 201: jsonContent(DishSchema), ...errorResponses },
  }),
  removeDish: authRoute({
    method: 'post',
    path: `${base}/dishes/{id}/remove`,
    tags,
    summary: 'Take a dish off the menu (meals that name it keep it)',
    request: { params: Id },
    responses: { 200: jsonContent(z.object({ id: z.string(), removed: z.boolean() })), ...errorResponses },
  }),
  tags: authRoute({
    method: 'get',
    path: `${base}/tags`,
    tags,
    summary: 'Resident tags a subsidy rule may name',
    responses: { 200: items(TagSchema), ...errorResponses },
  }),
  rules: authRoute({
    method: 'get',
    path: `${base}/rules`,
    tags,
    summary: 'Subsidy rules of my communities and of the county',
    responses: { 200: items(RuleSchema), ...errorResponses },
  }),
  createRule: authRoute({
    method: 'post',
    path: `${base}/rules`,
    tags,
    summary: 'A subsidy rule of a community (communityCode) or the county (countyCode)',
    request: json(RuleInput),
    responses: { 201: jsonContent(RuleSchema), ...errorResponses },
  }),
  updateRule: authRoute({
    method: 'patch',
    path: `${base}/rules/{id}`,
    tags,
    summary: 'Change a rule’s name, amount or percent, age, priority, active (meals keep their subsidy)',
    request: { params: Id, ...json(RulePatch) },
    responses: { 200: jsonContent(RuleSchema), ...errorResponses },
  }),
  numbers: authRoute({
    method: 'get',
    path: `${base}/numbers`,
    tags,
    summary: 'The year’s canteens, meals, elders served, subsidy and orders per community in scope',
    request: { query: NumbersQuery },
    responses: { 200: jsonContent(NumbersSchema), ...errorResponses },
  }),
  desk: authRoute({
    method: 'get',
    path: `${base}/desk`,
    tags,
    summary: 'The canteens whose desk I run, with today’s menu',
    responses: { 200: items(MenuCanteenSchema), ...errorResponses },
  }),
  diners: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/diners`,
    tags,
    summary: 'Find a diner: an ID number exactly, or a name in the community (masked)',
    request: { params: Id, query: DinerQuery },
    responses: { 200: items(DinerSchema), ...errorResponses },
  }),
  record: authRoute({
    method: 'post',
    path: `${base}/canteens/{id}/meals`,
    tags,
    summary: 'Record a meal served today, with the subsidy the rules give (idempotent by clientId)',
    request: { params: Id, ...json(MealInput) },
    responses: {
      200: jsonContent(z.object({ created: z.boolean(), meal: MealSchema })),
      201: jsonContent(z.object({ created: z.boolean(), meal: MealSchema })),
      ...errorResponses,
    },
  }),
  meals: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/meals`,
    tags,
    summary: 'The meals of a day',
    request: { params: Id, query: DayQuery },
    responses: { 200: items(MealSchema), ...errorResponses },
  }),
  daily: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/daily`,
    tags,
    summary: 'Per day: meals, elders served (60+), subsidised meals, subsidy and paid totals',
    request: { params: Id, query: RangeQuery },
    responses: { 200: items(DailySchema), ...errorResponses },
  }),
  statement: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/statement.xlsx`,
    tags,
    summary: 'The month’s subsidy statement (明细 and 汇总 sheets)',
    request: { params: Id, query: MonthQuery },
    responses: {
      200: { description: 'Workbook', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
  dayOrders: authRoute({
    method: 'get',
    path: `${base}/canteens/{id}/orders`,
    tags,
    summary: 'The canteen’s orders of a day, for the desk',
    request: { params: Id, query: DayQuery },
    responses: { 200: items(OrderSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: 'My community’s canteens and their menus for the coming week',
    responses: { 200: jsonContent(MyCanteensSchema), ...errorResponses },
  }),
  order: authRoute({
    method: 'post',
    path: `${base}/orders`,
    tags,
    summary: '订餐: a meal from a day’s menu, to pick up or brought to the door',
    request: json(OrderInput),
    responses: { 201: jsonContent(OrderSchema), ...errorResponses },
  }),
  myOrders: authRoute({
    method: 'get',
    path: `${base}/orders/mine`,
    tags,
    summary: 'My orders of the last thirty days and to come',
    responses: { 200: items(OrderSchema), ...errorResponses },
  }),
  orderAction: authRoute({
    method: 'post',
    path: `${base}/orders/{id}/{action}`,
    tags,
    summary: 'Serve an order (the desk; a meal record is made) or cancel it',
    request: { params: OrderActionParams },
    responses: {
      200: jsonContent(
        z.object({ id: z.string(), state: z.enum(['placed', 'served', 'cancelled']), meal: MealSchema.nullable() }),
      ),
      ...errorResponses,
    },
  }),
};

export function canteenRoutes(canteens: CanteenService, desk: DeskService) {
  return createRouter()
    .openapi(r.list, async (c) => c.json({ items: await canteens.list(actorOf(c)) }, 200))
    .openapi(r.create, async (c) => c.json(await canteens.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.desk, async (c) => c.json({ items: await desk.deskCanteens(actorOf(c)) }, 200))
    .openapi(r.mine, async (c) => c.json(await desk.myCanteens(actorOf(c)), 200))
    .openapi(r.tags, async (c) => c.json({ items: await canteens.tags(actorOf(c)) }, 200))
    .openapi(r.rules, async (c) => c.json({ items: await canteens.rules(actorOf(c)) }, 200))
    .openapi(r.createRule, async (c) => c.json(await canteens.createRule(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.updateRule, async (c) =>
      c.json(await canteens.updateRule(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.numbers, async (c) => c.json(await canteens.numbers(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.myOrders, async (c) => c.json({ items: await desk.myOrders(actorOf(c)) }, 200))
    .openapi(r.order, async (c) => c.json(await desk.placeOrder(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.orderAction, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await desk.actOnOrder(actorOf(c), id, action), 200);
    })
    .openapi(r.get, async (c) => c.json(await canteens.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.update, async (c) =>
      c.json(await canteens.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.candidates, async (c) =>
      c.json({ items: await canteens.candidates(actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(r.operators, async (c) =>
      c.json(await canteens.setOperators(actorOf(c), c.req.valid('param').id, c.req.valid('json').userIds), 200),
    )
    .openapi(r.menu, async (c) =>
      c.json({ items: await canteens.menu(actorOf(c), c.req.valid('param').id, c.req.valid('query')) }, 200),
    )
    .openapi(r.addDish, async (c) =>
      c.json(await canteens.addDish(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(r.removeDish, async (c) => c.json(await canteens.removeDish(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.diners, async (c) =>
      c.json({ items: await desk.diners(actorOf(c), c.req.valid('param').id, c.req.valid('query').q) }, 200),
    )
    .openapi(r.record, async (c) => {
      const result = await desk.recordMeal(actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(result, result.created ? 201 : 200);
    })
    .openapi(r.meals, async (c) =>
      c.json({ items: await desk.meals(actorOf(c), c.req.valid('param').id, c.req.valid('query').day) }, 200),
    )
    .openapi(r.daily, async (c) =>
      c.json({ items: await desk.daily(actorOf(c), c.req.valid('param').id, c.req.valid('query')) }, 200),
    )
    .openapi(r.dayOrders, async (c) =>
      c.json({ items: await desk.ordersOfDay(actorOf(c), c.req.valid('param').id, c.req.valid('query').day) }, 200),
    )
    .openapi(r.statement, async (c) => {
      const { bytes, filename } = await desk.statement(actorOf(c), c.req.valid('param').id, c.req.valid('query').month);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      });
    });
}
