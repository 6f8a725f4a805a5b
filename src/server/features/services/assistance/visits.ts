import { recordAudit } from '../../../platform/audit.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { isUnder, resolveUnder } from '../../../platform/scope.js';
import { loadPerson, type AssistanceBaseDeps } from './people.js';
import { assertMayAssist, assistPermission, scopeOfAssist } from './policy.js';
import { presentVisit } from './present.js';
import * as repo from './repository.js';
import type { VisitInputT, VisitQueryT } from './schemas.js';

// 走访记录: an adviser's contact with a person in hardship, the help given (the six kinds), and the
// application filed for them (代收代办) when there is one.

/**
 * The application a visit links to must be this resident's, filed in their community: by their
 * registry record or their ID number. Anything else is refused as not found, so ids cannot be probed.
 */
async function checkedApplication(
  deps: AssistanceBaseDeps,
  person: { id: string; household_path: string },
  applicationId: string,
) {
  const app = await repo.findApplication(deps.db, applicationId);
  const hash = app && app.resident_id !== person.id ? await repo.residentIdHash(deps.db, person.id) : null;
  const theirs =
    app !== undefined &&
    isUnder(person.household_path, app.place_path) &&
    (app.resident_id === person.id || (!!hash?.id_number_hash && hash.id_number_hash === app.id_number_hash));
  if (!theirs) throw invalid('applicationId', 'notTheirApplication');
  return app;
}

/** 记录走访: once per id (a retry from the phone answers the visit already stored). */
export async function logVisit(deps: AssistanceBaseDeps, actor: Actor, input: VisitInputT) {
  if (!actor.userId) throw new AppError('FORBIDDEN');
  const { row } = await loadPerson(deps, actor, input.residentId);
  const now = deps.clock.now();
  if (input.visitedOn > shanghaiDate(now.getTime())) throw invalid('visitedOn', 'visitInFuture');
  if (input.applicationId) await checkedApplication(deps, row, input.applicationId);
  const id = input.id ?? newId();
  const stored = await deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertVisit(trx, {
      id,
      tenant_id: row.tenant_id,
      resident_id: row.id,
      team_id: row.team_id,
      place_path: row.household_path,
      adviser_id: actor.userId!,
      mode: input.mode,
      kinds: input.kinds,
      note: input.note,
      visited_on: input.visitedOn,
      application_id: input.applicationId,
      created_at: now,
    });
    if (inserted)
      await recordAudit(
        trx,
        actor,
        {
          action: 'assist.visit',
          entityType: 'assist_visit',
          entityId: id,
          tenantId: row.tenant_id,
          after: { residentId: row.id, mode: input.mode, kinds: input.kinds, applicationId: input.applicationId },
        },
        now,
      );
    return inserted;
  });
  const visit = await repo.findVisit(deps.db, id);
  // The same id again: the stored visit, if it is this adviser's for this person; else the id is taken.
  if (!visit || (!stored && (visit.adviser_id !== actor.userId || visit.resident_id !== row.id)))
    throw invalid('id', 'visitIdTaken');
  return { visit: presentVisit(visit), created: stored };
}

export async function listVisits(deps: AssistanceBaseDeps, actor: Actor, q: VisitQueryT) {
  assertMayAssist(actor);
  if (q.from && q.to && q.from > q.to) throw invalid('from', 'fromAfterTo');
  const under = await resolveUnder(deps.db, actor, assistPermission, q.under);
  const { rows, total } = await repo.listVisits(
    deps.db,
    {
      scope: scopeOfAssist(actor),
      underPath: under?.path ?? null,
      residentId: q.residentId,
      teamId: q.team,
      kind: q.kind,
      from: q.from,
      to: q.to,
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return { items: rows.map(presentVisit), total, page: q.page, pageSize: q.pageSize };
}
