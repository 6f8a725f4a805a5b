import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { listByIds } from '../places/index.js';
import { assertMayRead } from './policy.js';
import * as repo from './repository.js';
import type { DisputeWhistleInputT } from './schemas.js';
import type { DisputesDeps } from './deps.js';

// 吹哨 on a dispute: the whistle is blown on the dispute's case (or its place) and linked to the
// dispute, in one transaction with the dispute's event and audit row.

export async function blowWhistle(deps: DisputesDeps, actor: Actor, id: string, input: DisputeWhistleInputT) {
  return deps.db.transaction().execute(async (trx) => {
    const d = await repo.lockDispute(trx, id);
    if (!d) throw new AppError('NOT_FOUND');
    assertMayRead(actor, d.place_path);
    const placeCode = d.case_id ? undefined : (await listByIds(trx, [d.place_id]))[0]!.code;
    const blown = await deps.blowWhistle(trx, actor, {
      caseId: d.case_id ?? undefined,
      placeCode,
      subject: `纠纷${d.code}`,
      ...input,
    });
    const now = deps.clock.now();
    await repo.updateDispute(trx, d.id, { whistle_id: blown.id });
    await repo.insertEvent(trx, {
      id: newId(),
      tenant_id: d.tenant_id,
      dispute_id: d.id,
      kind: 'whistle',
      note: '就本纠纷吹哨召集部门',
      actor_name: actor.displayName,
      at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'dispute.whistle',
        entityType: 'dispute',
        entityId: d.id,
        tenantId: d.tenant_id,
        before: { whistleId: d.whistle_id },
        after: { whistleId: blown.id },
      },
      now,
    );
    return blown;
  });
}
