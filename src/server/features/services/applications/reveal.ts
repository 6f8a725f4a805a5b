import { recordAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import type { ApplicationsDeps } from './deps.js';
import { holdsPersonal } from './mask.js';
import { mayRevealAnswers } from './policy.js';
import { readableAnswers } from './read.js';

// 查看完整信息: the answers the actor reads, in full, with the applicant's ID number and phone. A
// separate act with a reason: one audit row names the reason and the fields shown, never their values.

export async function revealAnswers(deps: ApplicationsDeps, actor: Actor, id: string, reason: string) {
  const { a, fields, answers } = await readableAnswers(deps, actor, id);
  if (!mayRevealAnswers(actor, a)) throw new AppError('FORBIDDEN', { permission: 'people:reveal' });
  const shown = fields.filter((f) => f.key in answers && holdsPersonal(f)).map((f) => f.key);
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    recordAudit(
      trx,
      actor,
      {
        action: 'serviceApplication.reveal',
        entityType: 'service_application',
        entityId: a.id,
        tenantId: a.tenant_id,
        after: { reason, fields: shown },
      },
      now,
    ),
  );
  const open = (sealed: string | null) => (sealed ? deps.pii.decrypt(sealed) : null);
  return {
    applicant: { name: a.applicant_name, idNumber: open(a.id_number_enc), phone: open(a.phone_enc) },
    answers,
  };
}
