import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, ErrorSchema, errorResponses, jsonContent } from '../../platform/http.js';
import { isXlsx } from '../files/index.js';
import { readStaffSheet, writeTemplate } from './excel.js';
import { assertMayManageUsers } from './policy.js';
import {
  CreateUserInput,
  GrantOptionsSchema,
  ManagedUserSchema,
  MembershipInput,
  TemporaryPasswordSchema,
  UserImportedSchema,
  UserPageSchema,
  UserQuery,
  UserWithPasswordSchema,
} from './schemas.js';
import type { UsersService } from './service.js';

const tags = ['users'];
const IdParam = z.object({ id: z.uuid() });
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const list = authRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Users I manage: every role they hold lies in my scope and is one I may grant (users:manage)',
  request: { query: UserQuery },
  responses: { 200: jsonContent(UserPageSchema), ...errorResponses },
});
const options = authRoute({
  method: 'get',
  path: '/users/grant-options',
  tags,
  summary: 'Places and departments where I may grant roles, with the roles I may grant there',
  responses: { 200: jsonContent(GrantOptionsSchema), ...errorResponses },
});
const template = authRoute({
  method: 'get',
  path: '/users/import-template.xlsx',
  tags,
  summary: 'The Excel template for importing staff accounts',
  responses: {
    200: {
      description: 'The template',
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
    },
    ...errorResponses,
  },
});
const importRoute = authRoute({
  method: 'post',
  path: '/users/import',
  tags,
  summary: 'Import staff accounts from the template (.xlsx): all rows or none; made passwords shown once',
  request: {
    body: {
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
      required: true,
    },
  },
  responses: {
    201: jsonContent(UserImportedSchema, 'Imported'),
    413: { description: 'File too large or too many rows', content: { 'application/json': { schema: ErrorSchema } } },
    422: {
      description: 'Bad rows, each told in Chinese (IMPORT_HAS_ERRORS); nothing was imported',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});
const get = authRoute({
  method: 'get',
  path: '/users/{id}',
  tags,
  summary: 'One user I manage (404 when out of my scope)',
  request: { params: IdParam },
  responses: { 200: jsonContent(ManagedUserSchema), ...errorResponses },
});
const create = authRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a staff account with one or more roles; the user must change the password at the first login',
  request: json(CreateUserInput),
  responses: { 201: jsonContent(UserWithPasswordSchema, 'Created'), ...errorResponses },
});
const action = (path: string, summary: string) =>
  authRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: jsonContent(ManagedUserSchema), ...errorResponses },
  });
const disable = action('/users/{id}/disable', 'Disable an account: its sessions end and it cannot log in');
const enable = action('/users/{id}/enable', 'Enable a disabled account again');
const reset = authRoute({
  method: 'post',
  path: '/users/{id}/reset-password',
  tags,
  summary: 'A temporary password, shown once; sessions end and the user must change it at the next login',
  request: { params: IdParam },
  responses: { 200: jsonContent(TemporaryPasswordSchema), ...errorResponses },
});
const addMembership = authRoute({
  method: 'post',
  path: '/users/{id}/memberships',
  tags,
  summary: 'Grant one more role at a place (or department) in my scope',
  request: { params: IdParam, ...json(MembershipInput) },
  responses: { 201: jsonContent(ManagedUserSchema, 'Granted'), ...errorResponses },
});
const removeMembership = authRoute({
  method: 'delete',
  path: '/users/{id}/memberships/{membershipId}',
  tags,
  summary: 'Take one role away (not the last one; not one’s own last right to manage users)',
  request: { params: z.object({ id: z.uuid(), membershipId: z.uuid() }) },
  responses: { 200: jsonContent(ManagedUserSchema), ...errorResponses },
});

export function usersRoutes(service: UsersService) {
  const router = createRouter();
  router.use(
    '/users/import',
    bodyLimit({
      maxSize: 10 * 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .openapi(list, async (c) => c.json(await service.list(actorOf(c), c.req.valid('query'), c.get('locale')), 200))
    .openapi(options, async (c) => c.json(await service.options(actorOf(c), c.get('locale')), 200))
    .openapi(template, async (c) => {
      assertMayManageUsers(actorOf(c));
      return c.body(new Uint8Array(await writeTemplate()), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('人员账号导入模板.xlsx')}`,
      });
    })
    .openapi(importRoute, async (c) => {
      assertMayManageUsers(actorOf(c)); // before reading an upload the user may not make
      const body = await c.req.parseBody();
      if (!(body.file instanceof File)) throw new AppError('UPLOAD_MISSING');
      const bytes = Buffer.from(await body.file.arrayBuffer());
      if (!(await isXlsx(bytes))) throw new AppError('IMPORT_FILE_INVALID');
      return c.json(await service.importStaff(actorOf(c), await readStaffSheet(bytes)), 201);
    })
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id, c.get('locale')), 200))
    .openapi(create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json'), c.get('locale')), 201))
    .openapi(disable, async (c) =>
      c.json(await service.disable(actorOf(c), c.req.valid('param').id, c.get('locale')), 200),
    )
    .openapi(enable, async (c) =>
      c.json(await service.enable(actorOf(c), c.req.valid('param').id, c.get('locale')), 200),
    )
    .openapi(reset, async (c) => c.json(await service.resetPassword(actorOf(c), c.req.valid('param').id), 200))
    .openapi(addMembership, async (c) =>
      c.json(
        await service.addMembership(actorOf(c), c.req.valid('param').id, c.req.valid('json'), c.get('locale')),
        201,
      ),
    )
    .openapi(removeMembership, async (c) => {
      const { id, membershipId } = c.req.valid('param');
      return c.json(await service.removeMembership(actorOf(c), id, membershipId, c.get('locale')), 200);
    });
}
