import { z } from '@hono/zod-openapi';
import { roles } from '../../../shared/roles.js';

export const LoginInput = z
  .object({
    username: z.string().trim().min(1).max(64).openapi({ example: 'community' }),
    password: z.string().min(1).max(128).openapi({ example: 'Linli@2026' }),
  })
  .openapi('LoginInput');

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) })
  .openapi('ChangePasswordInput');

export const MembershipSchema = z.object({
  role: z.enum(roles),
  roleLabel: z.string(),
  scopeKind: z.enum(['place', 'department']),
  scopeCode: z.string(),
  scopeName: z.string(),
});

export const MeSchema = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), tenantId: z.string().nullable() }),
    memberships: z.array(MembershipSchema),
    permissions: z.array(z.string()),
    csrfToken: z.string().openapi({ description: 'Send back as the X-CSRF-Token header on every write' }),
  })
  .openapi('Me');

export const CreateUserInput = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '3–32 letters, digits, _ . -'),
  password: z.string().min(1).max(128),
  displayName: z.string().trim().min(1).max(40).optional(),
  role: z.string(),
  scope: z.string().trim().min(2).max(40),
});

export type CreateUser = z.infer<typeof CreateUserInput>;
export type Login = z.infer<typeof LoginInput>;
export type ChangePassword = z.infer<typeof ChangePasswordInput>;
