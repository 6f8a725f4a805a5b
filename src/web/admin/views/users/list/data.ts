// 用户管理: the choices of the forms, built from what the server says the administrator may grant.
import type { GrantOptions } from '../../../../common/api/users';

export interface GrantDraft {
  role: string;
  scope: string;
}

export const statusOptions = ['active', 'disabled'] as const;

/** Every role the administrator may grant somewhere, in the server's order, with its label. */
export function grantableRoles(options: GrantOptions | null) {
  const seen = new Map<string, string>();
  for (const entry of [...(options?.places ?? []), ...(options?.departments ?? [])])
    for (const r of entry.roles) if (!seen.has(r.role)) seen.set(r.role, r.label);
  return [...seen].map(([role, label]) => ({ role, label }));
}

/** Where this role may be granted: places (indented by level) or departments. */
export function scopesFor(options: GrantOptions | null, role: string) {
  if (!options || !role) return [];
  const minDepth = Math.min(...options.places.map((p) => p.depth));
  return [
    ...options.places
      .filter((p) => p.roles.some((r) => r.role === role))
      .map((p) => ({ code: p.code, label: `${'　'.repeat(Math.max(0, p.depth - minDepth))}${p.name}`, name: p.name })),
    ...options.departments
      .filter((d) => d.roles.some((r) => r.role === role))
      .map((d) => ({ code: d.code, label: d.name, name: d.name })),
  ];
}

/** A password to hand over by voice or on paper: groups of four are easier to read aloud. */
export const spaced = (password: string) => password.replace(/(.{4})(?=.)/g, '$1 ');
