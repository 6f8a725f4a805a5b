import { roleLabels, type Role } from '../../../shared/roles.js';
import type { Executor } from '../audit.js';
import type { Locale } from '../i18n/locale.js';

/**
 * The roles of the staff who took steps, as a timeline names them beside the person (李秀英 ·
 * 社区工作者): each user's role labels, joined. Residents and the system hold none.
 */
export async function roleNamesOf(
  db: Executor,
  userIds: readonly (string | null)[],
  locale: Locale,
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('user_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  const byUser = new Map<string, string[]>();
  for (const r of rows) {
    const label = roleLabels[r.role as Role]?.[locale];
    if (!label || r.role === 'resident') continue;
    const labels = byUser.get(r.user_id) ?? [];
    if (!labels.includes(label)) labels.push(label);
    byUser.set(r.user_id, labels);
  }
  return new Map([...byUser].map(([id, labels]) => [id, labels.join('、')]));
}
