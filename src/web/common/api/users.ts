import type { z } from '@hono/zod-openapi';
import type {
  CreateUserInput,
  GrantOptionsSchema,
  ManagedUserSchema,
  MembershipInput,
  TemporaryPasswordSchema,
  UserImportedSchema,
  UserPageSchema,
  UserWithPasswordSchema,
} from '../../../server/features/users/schemas';
import { download, http } from '../http';

// 用户与角色管理: staff accounts of the places and departments in the administrator's scope.

export type ManagedUser = z.infer<typeof ManagedUserSchema>;
export type UserMembership = ManagedUser['memberships'][number];
export type GrantOptions = z.infer<typeof GrantOptionsSchema>;
export type NewUser = z.input<typeof CreateUserInput>;
export type Grant = z.input<typeof MembershipInput>;
export type UsersImported = z.infer<typeof UserImportedSchema>;

export interface UserFilters {
  q?: string;
  role?: string;
  status?: string;
  under?: string;
  page?: number;
  pageSize?: number;
}

const base = (id: string) => `/users/${encodeURIComponent(id)}`;

export const listUsers = (filters: UserFilters, signal?: AbortSignal) =>
  http.get<z.infer<typeof UserPageSchema>>('/users', { query: { ...filters }, signal });

export const grantOptions = (signal?: AbortSignal) => http.get<GrantOptions>('/users/grant-options', { signal });

export const createUser = (input: NewUser) => http.post<z.infer<typeof UserWithPasswordSchema>>('/users', input);

export const disableUser = (id: string) => http.post<ManagedUser>(`${base(id)}/disable`);
export const enableUser = (id: string) => http.post<ManagedUser>(`${base(id)}/enable`);

export const resetUserPassword = (id: string) =>
  http.post<z.infer<typeof TemporaryPasswordSchema>>(`${base(id)}/reset-password`);

export const addMembership = (id: string, grant: Grant) => http.post<ManagedUser>(`${base(id)}/memberships`, grant);

export const removeMembership = (id: string, membershipId: string) =>
  http.delete<ManagedUser>(`${base(id)}/memberships/${encodeURIComponent(membershipId)}`);

export const downloadUserTemplate = (fallbackName: string) => download('/users/import-template.xlsx', { fallbackName });

export function importUsers(file: File) {
  const form = new FormData();
  form.append('file', file);
  return http.upload<UsersImported>('/users/import', form);
}
