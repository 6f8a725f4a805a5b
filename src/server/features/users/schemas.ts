import { z } from '@hono/zod-openapi';
import { roles } from '../../../shared/roles.js';
import type { InvalidReason } from '../../platform/errors.js';
import { text } from '../../platform/text-schema.js';

// User administration: what comes in and what goes out. No password hash, phone or session ever
// goes out; a password made by the server is in the answer of the call that made it, once.

const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'usernameCharacters' satisfies InvalidReason)
  .openapi({ example: 'li.na' });

export const MembershipInput = z
  .object({
    role: z.enum(roles),
    scope: text({ min: 2, max: 40 }).openapi({
      description: 'A place code, or a department code for department roles',
    }),
  })
  .openapi('UserMembershipInput');

export const CreateUserInput = z
  .object({
    username: Username,
    displayName: text({ min: 1, max: 40 }),
    password: text({ min: 1, max: 128, trim: false })
      .optional()
      .openapi({ description: 'Omit to have one made; either way the user must change it at the first login' }),
    memberships: z.array(MembershipInput).min(1).max(20),
  })
  .openapi('CreateUserInput');

export const UserQuery = z.object({
  q: text({ max: 40 }).optional(),
  role: z.enum(roles).optional(),
  under: text({ min: 2, max: 40 }).optional().openapi({ description: 'A place code: users with a role under it' }),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const UserMembershipSchema = z.object({
  id: z.string(),
  role: z.enum(roles),
  roleLabel: z.string(),
  scopeKind: z.enum(['place', 'department']),
  scopeCode: z.string(),
  scopeName: z.string(),
});

export const ManagedUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    status: z.enum(['active', 'disabled']),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    memberships: z.array(UserMembershipSchema),
    /** The actor themself: they change their own password and cannot disable themself. */
    self: z.boolean(),
  })
  .openapi('ManagedUser');

export const UserPageSchema = z
  .object({ items: z.array(ManagedUserSchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('UserPage');

export const UserWithPasswordSchema = z
  .object({
    user: ManagedUserSchema,
    password: z
      .string()
      .nullable()
      .openapi({ description: 'The password the server made, shown this once; null when the creator chose it' }),
  })
  .openapi('UserWithPassword');

export const TemporaryPasswordSchema = z
  .object({ password: z.string().openapi({ description: 'The temporary password, shown this once' }) })
  .openapi('TemporaryPassword');

const RoleOption = z.object({ role: z.enum(roles), label: z.string() });

export const GrantOptionsSchema = z
  .object({
    places: z.array(
      z.object({ code: z.string(), name: z.string(), kind: z.string(), depth: z.number(), roles: z.array(RoleOption) }),
    ),
    departments: z.array(z.object({ code: z.string(), name: z.string(), roles: z.array(RoleOption) })),
  })
  .openapi('UserGrantOptions');

export const UserImportedSchema = z
  .object({
    created: z.array(
      z.object({
        username: z.string(),
        displayName: z.string(),
        password: z.string().nullable().openapi({ description: 'Made by the server, shown this once' }),
      }),
    ),
  })
  .openapi('UsersImported');

export type CreateUser = z.infer<typeof CreateUserInput>;
export type MembershipGrant = z.infer<typeof MembershipInput>;
export type UserQueryT = z.infer<typeof UserQuery>;
