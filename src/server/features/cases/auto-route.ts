import { systemActor } from '../../platform/policy.js';
import { markAutoRouted } from '../dispatch/index.js';
import { applyAction } from './actions.js';
import type { Trx } from './actions/context.js';
import type { CasesDeps } from './deps.js';
import * as repo from './repository.js';

// 智能派单 auto-routing: the county turned it on and the model is sure enough, so the new case is
// accepted and sent to the suggested department at once, in the intake's transaction. The timeline
// names 智能派单 as the one who acted; the audit has both steps and the routing with its confidence.

export async function autoRoute(
  trx: Trx,
  deps: CasesDeps,
  caseId: string,
  route: { departmentId: string; probability: number },
) {
  const found = await repo.lockCase(trx, caseId);
  const department = await repo.department(trx, route.departmentId);
  // A model learned before a department was removed or moved may name one that can no longer take cases.
  if (!found || !department || department.tenant_id !== found.tenant_id) return;
  const who = { actor: systemActor(), parties: ['dispatcher' as const], name: '智能派单' };
  const percent = Math.round(route.probability * 100);
  await applyAction(deps, trx, found, 'accept', { note: '智能派单自动受理' }, who);
  const accepted = (await repo.lockCase(trx, caseId))!;
  await applyAction(
    deps,
    trx,
    accepted,
    'dispatch',
    { target: { kind: 'department', id: department.id }, note: `智能派单：置信度 ${percent}%` },
    who,
  );
  await markAutoRouted(trx, { id: caseId, tenantId: found.tenant_id }, route, deps.clock.now(), who.actor);
}
