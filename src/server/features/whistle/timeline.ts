import type { Executor } from '../../platform/audit.js';
import type { SummonsRow } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import { insertEvent as insertCaseEvent } from '../cases/index.js';
import * as repo from './repository.js';

// A whistle's timeline, and who a summons is about: what every operation of the whistle shares.

type Summoned = Pick<SummonsRow, 'department_id' | 'adviser_id'>;

/** One step on the whistle's timeline; a whistle on a case also shows it on the case's own timeline. */
export async function recordEvent(
  trx: Executor,
  w: { id: string; tenant_id: string; case_id: string | null },
  summonsId: string | null,
  action: string,
  actor: Actor | null,
  note: string,
  at: Date,
) {
  const actorName = actor?.displayName ?? '系统';
  await repo.insertEvent(trx, {
    id: newId(),
    tenant_id: w.tenant_id,
    whistle_id: w.id,
    summons_id: summonsId,
    action,
    actor_id: actor?.userId ?? null,
    actor_name: actorName,
    note,
    at,
  });
  if (w.case_id) {
    await insertCaseEvent(trx, {
      id: newId(),
      tenant_id: w.tenant_id,
      case_id: w.case_id,
      action: `whistle.${action}`,
      from_state: null,
      to_state: null,
      actor_id: actor?.userId ?? null,
      actor_name: actorName,
      note,
      data: JSON.stringify({ whistleId: w.id, summonsId }),
      at,
    });
  }
}

/** Who answers a summons: the department's members (first to acknowledge owns it), or the adviser herself. */
export const answerersOf = async (trx: Executor, s: Summoned): Promise<string[]> =>
  s.department_id ? repo.departmentMemberIds(trx, s.department_id) : [s.adviser_id!];

/** The summoned party's name: the department's, or 法律顾问 and the adviser's name. */
export async function partyOf(trx: Executor, s: Summoned) {
  if (s.department_id) {
    const d = await repo.findDepartment(trx, s.department_id);
    return { kind: 'department' as const, code: d.code, name: d.name };
  }
  const u = await repo.findUserName(trx, s.adviser_id!);
  return { kind: 'adviser' as const, code: u.username, name: `法律顾问${u.display_name}` };
}

/** ISO time for the API, null stays null. */
export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
