import type { InvalidReason } from '../../platform/errors.js';
import { z } from '@hono/zod-openapi';
import { placeKinds } from '../../../shared/place-kinds.js';
import { roles } from '../../../shared/roles.js';
import { text } from '../../platform/text-schema.js';

export const LoginInput = z
  .object({
    username: text({ min: 1, max: 64 }).openapi({ example: 'community' }),
    password: text({ min: 1, max: 128, trim: false }).openapi({ example: 'Linli@2026' }),
  })
  .openapi('LoginInput');

export const ChangePasswordInput = z
  .object({
    currentPassword: text({ min: 1, max: 128, trim: false }),
    newPassword: text({ min: 1, max: 128, trim: false }),
  })
  .openapi('ChangePasswordInput');

export const MembershipSchema = z.object({
  role: z.enum(roles),
  roleLabel: z.string(),
  scopeKind: z.enum(['place', 'department']),
  scopeCode: z.string(),
  scopeName: z.string(),
  scopeLevel: z.enum(placeKinds).nullable().openapi({
    description: "The kind of the membership's place (county, street, community, grid …); null for a department",
  }),
});

export const MeSchema = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), tenantId: z.string().nullable() }),
    mustChangePassword: z.boolean().openapi({
      description:
        'An administrator set this password: every call but POST /me/password and logout is refused until it is changed',
    }),
    memberships: z.array(MembershipSchema),
    permissions: z.array(z.string()),
    csrfToken: z.string().openapi({ description: 'Send back as the X-CSRF-Token header on every write' }),
    elderly: z.boolean().openapi({
      description:
        'The registry record carrying the phone this resident logged in with says 60 or older: the pages turn 关怀模式 (elder mode) on the first time. Only this yes/no, never the birth date',
    }),
  })
  .openapi('Me');

export const CreateUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'usernameCharacters' satisfies InvalidReason),
  password: text({ min: 1, max: 128, trim: false }),
  displayName: text({ min: 1, max: 40 }).optional(),
  role: text({ max: 40 }),
  scope: text({ min: 2, max: 40 }),
});

export type CreateUser = z.infer<typeof CreateUserInput>;
export type Login = z.infer<typeof LoginInput>;
export type ChangePassword = z.infer<typeof ChangePasswordInput>;

/** What the web pages need before login. */
export const PublicConfigSchema = z
  .object({
    appName: z.string(),
    mapTileUrl: z.string(),
    mapTileAttribution: z.string(),
    mapTileSubdomains: z
      .array(z.string())
      .openapi({ description: 'What {s} in mapTileUrl stands for, in turn; empty: a, b, c' }),
    demo: z.boolean(),
  })
  .openapi('PublicConfig');
