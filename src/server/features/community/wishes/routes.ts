import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import type { createActionsService } from './actions.js';
import { wishNumbers } from './numbers.js';
import type { Db } from '../../../platform/db/database.js';
import {
  ActionDetailSchema,
  ActionDoneInput,
  ActionInput,
  ActionListQuery,
  ActionSchema,
  ClaimInput,
  FulfilInput,
  IdParams,
  NumbersQuery,
  PhotoParams,
  ResidentPickSchema,
  ResidentQuery,
  ReviewInput,
  ThankInput,
  UnitSchema,
  WishActionParams,
  WishInput,
  WishListQuery,
  WishNumbersSchema,
  WishSchema,
} from './schemas.js';
import type { createWishActs } from './act.js';
import type { createWishReads } from './service.js';

type WishesService = ReturnType<typeof createWishReads> & ReturnType<typeof createWishActs>;

// 微心愿 · 微行动 over HTTP, under /community/wishes. Static paths are declared before /{id}.

const tags = ['community-wishes'];
const base = '/community/wishes';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const photo = {
  200: { description: 'The photo', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
};

const r = {
  list: authRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'Wishes in my scope by state; ?buildingCode= for a steward’s building (staff)',
    request: { query: WishListQuery },
    responses: { 200: items(WishSchema), ...errorResponses },
  }),
  post: authRoute({
    method: 'post',
    path: base,
    tags,
    summary: '许个心愿 for oneself, or 代发 for a registry resident (wishes:post)',
    request: json(WishInput),
    responses: { 201: jsonContent(WishSchema), ...errorResponses },
  }),
  wall: authRoute({
    method: 'get',
    path: `${base}/wall`,
    tags,
    summary: '心愿墙: published wishes of my community (names masked)',
    responses: { 200: items(WishSchema), ...errorResponses },
  }),
  mine: authRoute({
    method: 'get',
    path: `${base}/mine`,
    tags,
    summary: '我的心愿: posted by me or for me',
    responses: { 200: items(WishSchema), ...errorResponses },
  }),
  claimed: authRoute({
    method: 'get',
    path: `${base}/claimed`,
    tags,
    summary: '我认领的',
    responses: { 200: items(WishSchema), ...errorResponses },
  }),
  residents: authRoute({
    method: 'get',
    path: `${base}/residents`,
    tags,
    summary: '代发心愿: residents of the places where I may post for others (no ID or phone)',
    request: { query: ResidentQuery },
    responses: { 200: items(ResidentPickSchema), ...errorResponses },
  }),
  units: authRoute({
    method: 'get',
    path: `${base}/units`,
    tags,
    summary: 'The units I may claim a wish for (I am their liaison)',
    responses: { 200: items(UnitSchema), ...errorResponses },
  }),
  numbers: authRoute({
    method: 'get',
    path: `${base}/numbers`,
    tags,
    summary: 'The year’s numbers per community in scope (community:read)',
    request: { query: NumbersQuery },
    responses: { 200: jsonContent(WishNumbersSchema), ...errorResponses },
  }),
  actions: authRoute({
    method: 'get',
    path: `${base}/actions`,
    tags,
    summary: '微行动 in my scope (community:read)',
    request: { query: ActionListQuery },
    responses: { 200: items(ActionSchema), ...errorResponses },
  }),
  createAction: authRoute({
    method: 'post',
    path: `${base}/actions`,
    tags,
    summary: 'Post a micro-action (community:manage)',
    request: json(ActionInput),
    responses: { 201: jsonContent(ActionDetailSchema), ...errorResponses },
  }),
  myCommunityActions: authRoute({
    method: 'get',
    path: `${base}/actions/nearby`,
    tags,
    summary: 'The micro-actions of my community (the phone)',
    responses: { 200: items(ActionSchema), ...errorResponses },
  }),
  action: authRoute({
    method: 'get',
    path: `${base}/actions/{id}`,
    tags,
    summary: 'One micro-action (staff see who signed up)',
    request: { params: IdParams },
    responses: { 200: jsonContent(ActionDetailSchema), ...errorResponses },
  }),
  signUp: authRoute({
    method: 'post',
    path: `${base}/actions/{id}/sign-up`,
    tags,
    summary: 'Sign up (never past the slots)',
    request: { params: IdParams },
    responses: { 200: jsonContent(ActionDetailSchema), ...errorResponses },
  }),
  withdraw: authRoute({
    method: 'post',
    path: `${base}/actions/{id}/withdraw`,
    tags,
    summary: 'Withdraw my sign-up',
    request: { params: IdParams },
    responses: { 200: jsonContent(ActionDetailSchema), ...errorResponses },
  }),
  done: authRoute({
    method: 'post',
    path: `${base}/actions/{id}/done`,
    tags,
    summary: 'Mark done with proof photos and who took part (action_done points to each)',
    request: { params: IdParams, ...json(ActionDoneInput) },
    responses: { 200: jsonContent(ActionDetailSchema), ...errorResponses },
  }),
  cancelAction: authRoute({
    method: 'post',
    path: `${base}/actions/{id}/cancel`,
    tags,
    summary: 'Cancel an open micro-action',
    request: { params: IdParams },
    responses: { 200: jsonContent(ActionDetailSchema), ...errorResponses },
  }),
  actionPhoto: authRoute({
    method: 'get',
    path: `${base}/actions/{id}/photos/{fileId}`,
    tags,
    summary: 'A proof photo of a micro-action',
    request: { params: PhotoParams },
    responses: { ...photo, ...errorResponses },
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One wish, with the actions I may take',
    request: { params: IdParams },
    responses: { 200: jsonContent(WishSchema), ...errorResponses },
  }),
  claim: authRoute({
    method: 'post',
    path: `${base}/{id}/claim`,
    tags,
    summary: '认领 for myself, or for a unit I am the liaison of (one claim only)',
    request: { params: IdParams, ...json(ClaimInput) },
    responses: { 200: jsonContent(WishSchema), ...errorResponses },
  }),
  fulfil: authRoute({
    method: 'post',
    path: `${base}/{id}/fulfil`,
    tags,
    summary: '圆梦 with a photo (the claimer; wish_fulfilled points)',
    request: { params: IdParams, ...json(FulfilInput) },
    responses: { 200: jsonContent(WishSchema), ...errorResponses },
  }),
  thank: authRoute({
    method: 'post',
    path: `${base}/{id}/thank`,
    tags,
    summary: '致谢 (the beneficiary or the poster)',
    request: { params: IdParams, ...json(ThankInput) },
    responses: { 200: jsonContent(WishSchema), ...errorResponses },
  }),
  photo: authRoute({
    method: 'get',
    path: `${base}/{id}/photos/{fileId}`,
    tags,
    summary: 'A photo of a wish or of its fulfilment',
    request: { params: PhotoParams },
    responses: { ...photo, ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/{id}/{action}`,
    tags,
    summary: 'Approve, reject (with a reason), give up a claim, cancel',
    request: { params: WishActionParams, ...json(ReviewInput) },
    responses: { 200: jsonContent(WishSchema), ...errorResponses },
  }),
};

const image = (file: { bytes: Buffer; mime: string }) =>
  new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: { 'content-type': file.mime, 'cache-control': 'private, max-age=3600' },
  });

export function wishesRoutes(db: Db, wishes: WishesService, actions: ReturnType<typeof createActionsService>) {
  return createRouter()
    .openapi(r.list, async (c) => c.json({ items: await wishes.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.post, async (c) => c.json(await wishes.post(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.wall, async (c) => c.json({ items: await wishes.wall(actorOf(c)) }, 200))
    .openapi(r.mine, async (c) => c.json({ items: await wishes.mine(actorOf(c)) }, 200))
    .openapi(r.claimed, async (c) => c.json({ items: await wishes.claimed(actorOf(c)) }, 200))
    .openapi(r.residents, async (c) =>
      c.json({ items: await wishes.residents(actorOf(c), c.req.valid('query').q) }, 200),
    )
    .openapi(r.units, async (c) => c.json({ items: await wishes.units(actorOf(c)) }, 200))
    .openapi(r.numbers, async (c) => c.json(await wishNumbers(db, actorOf(c), c.req.valid('query')), 200))
    .openapi(r.actions, async (c) =>
      c.json({ items: await actions.list(actorOf(c), c.req.valid('query').placeCode) }, 200),
    )
    .openapi(r.createAction, async (c) => c.json(await actions.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.myCommunityActions, async (c) => c.json({ items: await actions.ofMyCommunity(actorOf(c)) }, 200))
    .openapi(r.action, async (c) => c.json(await actions.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.signUp, async (c) => c.json(await actions.signUp(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.withdraw, async (c) => c.json(await actions.withdraw(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.done, async (c) =>
      c.json(await actions.done(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.cancelAction, async (c) => c.json(await actions.cancel(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.actionPhoto, async (c) => {
      const { id, fileId } = c.req.valid('param');
      return image(await actions.photo(actorOf(c), id, fileId)) as never;
    })
    .openapi(r.get, async (c) => c.json(await wishes.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.claim, async (c) =>
      c.json(await wishes.claim(actorOf(c), c.req.valid('param').id, c.req.valid('json').organisationId), 200),
    )
    .openapi(r.fulfil, async (c) =>
      c.json(await wishes.fulfil(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.thank, async (c) =>
      c.json(await wishes.thank(actorOf(c), c.req.valid('param').id, c.req.valid('json').message), 200),
    )
    .openapi(r.photo, async (c) => {
      const { id, fileId } = c.req.valid('param');
      return image(await wishes.photo(actorOf(c), id, fileId)) as never;
    })
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await wishes.act(actorOf(c), id, action, c.req.valid('json').reason), 200);
    });
}
