import { recordAudit } from '../../../platform/audit.js';
import type { Locale } from '../../../platform/i18n/locale.js';
import type { Actor } from '../../../platform/policy.js';
import { assign, listPeople, myPeople, overdueDays, personDetail, type AssistanceBaseDeps } from './people.js';
import { assertMayAssist, assertMayConfigure } from './policy.js';
import * as repo from './repository.js';
import type { AssignInputT, PeopleQueryT, TeamInputT, TeamUpdateT, VisitInputT, VisitQueryT } from './schemas.js';
import { candidates, createTeam, listTeams, updateTeam } from './teams.js';
import { listVisits, logVisit } from './visits.js';

// 救助顾问: the operations of assistance advisers, bound to what they are built from. People and
// assignments in people.ts, teams in teams.ts, visits in visits.ts, the daily reminder in jobs.ts.

async function settings(deps: AssistanceBaseDeps, actor: Actor) {
  assertMayAssist(actor);
  return { overdueDays: await overdueDays(deps.db, actor.tenantId) };
}

/** The county's reminder period, set by its administrators. */
async function saveSettings(deps: AssistanceBaseDeps, actor: Actor, days: number) {
  assertMayConfigure(actor);
  const tenantId = actor.tenantId!;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.overdueDaysOf(trx, tenantId);
    await repo.saveOverdueDays(trx, tenantId, days, actor.userId, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'assist.settings',
        entityType: 'assist_settings',
        entityId: tenantId,
        tenantId,
        before: { overdueDays: before },
        after: { overdueDays: days },
      },
      now,
    );
    return { overdueDays: days };
  });
}

export function createAssistanceService(deps: AssistanceBaseDeps) {
  return {
    people: (actor: Actor, q: PeopleQueryT, locale: Locale) => listPeople(deps, actor, q, locale),
    person: (actor: Actor, id: string, locale: Locale) => personDetail(deps, actor, id, locale),
    mine: (actor: Actor, locale: Locale) => myPeople(deps, actor, locale),
    assign: (actor: Actor, id: string, input: AssignInputT) => assign(deps, actor, id, input),
    teams: (actor: Actor, under: string | undefined) => listTeams(deps, actor, under),
    candidates: (actor: Actor, communityCode: string) => candidates(deps, actor, communityCode),
    createTeam: (actor: Actor, input: TeamInputT) => createTeam(deps, actor, input),
    updateTeam: (actor: Actor, id: string, input: TeamUpdateT) => updateTeam(deps, actor, id, input),
    visits: (actor: Actor, q: VisitQueryT) => listVisits(deps, actor, q),
    logVisit: (actor: Actor, input: VisitInputT) => logVisit(deps, actor, input),
    settings: (actor: Actor) => settings(deps, actor),
    saveSettings: (actor: Actor, days: number) => saveSettings(deps, actor, days),
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
