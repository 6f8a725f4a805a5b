import { invalid } from '../../../platform/errors.js';
import type { CaseRow } from '../../../platform/db/schema.js';
import * as repo from '../repository.js';
import type { Trx } from './context.js';

/**
 * Whom a case may be sent to: a department of its county, or a grid or community worker of its
 * community. Anyone else reads as an invalid target.
 */
export async function resolveTarget(trx: Trx, c: CaseRow, target: { kind: 'user' | 'department'; id: string }) {
  if (target.kind === 'department') {
    const dept = await repo.department(trx, target.id);
    if (!dept || dept.tenant_id !== c.tenant_id) throw invalid('target', 'unknownDepartment');
    return { userId: null, departmentId: dept.id, name: dept.name };
  }
  const rows = await repo.userMemberships(trx, target.id);
  const community = c.place_path.split('/').find((p) => /^\d{12}$/.test(p));
  const fits = rows.find(
    (r) =>
      r.path && community && ['grid_worker', 'community_worker'].includes(r.role) && r.path.includes(`/${community}/`),
  );
  if (!fits) throw invalid('target', 'notCaseCommunityStaff');
  return { userId: fits.id, departmentId: null, name: fits.display_name };
}
