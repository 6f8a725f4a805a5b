import { invalid } from '../../../platform/errors.js';
import type { CaseRow } from '../../../platform/db/schema.js';
import { isUnder } from '../../../platform/scope.js';
import type { AssigneeKind, CaseHolder } from '../../../../shared/cases.js';
import * as repo from '../repository.js';
import type { Trx } from './context.js';

export interface Assignee {
  userId: string | null;
  departmentId: string | null;
  teamId: string | null;
  name: string;
  /** What the reporter is told holds the case (a kind, not the name). */
  holder: CaseHolder;
}

/**
 * Whom a case may be sent to: a department of its county, a grid or community worker of its
 * community, or a volunteer team (志愿服务队) of its community or street (上门服务). Anyone else reads
 * as an invalid target; so does a disabled account.
 */
export async function resolveTarget(
  trx: Trx,
  c: CaseRow,
  target: { kind: AssigneeKind; id: string },
): Promise<Assignee> {
  if (target.kind === 'department') {
    const dept = await repo.department(trx, target.id);
    if (!dept || dept.tenant_id !== c.tenant_id) throw invalid('target', 'unknownDepartment');
    return { userId: null, departmentId: dept.id, teamId: null, name: dept.name, holder: 'department' };
  }
  if (target.kind === 'team') {
    // A team serves the community or street it belongs to: its place must be above the case's place.
    const team = await repo.volunteerTeam(trx, target.id);
    if (!team || team.tenant_id !== c.tenant_id || !isUnder(c.place_path, team.path))
      throw invalid('target', 'notCaseCommunityTeam');
    return { userId: null, departmentId: null, teamId: team.id, name: team.name, holder: 'team' };
  }
  const fits = (await repo.communityStaff(trx, c.place_path)).find((p) => p.id === target.id);
  if (!fits) throw invalid('target', 'notCaseCommunityStaff');
  // A disabled account cannot log in: a case sent to it would wait for nobody.
  if (fits.status !== 'active') throw invalid('target', 'targetDisabled');
  return {
    userId: fits.id,
    departmentId: null,
    teamId: null,
    name: fits.display_name,
    holder: fits.role === 'grid_worker' ? 'gridWorker' : 'communityWorker',
  };
}
