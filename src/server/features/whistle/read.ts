import type { Executor } from '../../platform/audit.js';
import type { SummonsRow } from '../../platform/db/schema.js';
import { roleNamesOf } from '../../platform/auth/staff-roles.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Actor } from '../../platform/policy.js';
import { metresBetween } from '../places/index.js';
import { allowedSummonsActions, type SummonsState } from './lifecycle.js';
import { assertMayRead, partiesOf } from './policy.js';
import * as repo from './repository.js';
import type { WhistleDeps } from './deps.js';
import { iso, partyOf } from './timeline.js';

// One whistle as its detail shows it: each summoned party's summons, with the actions the actor
// may take on it, and the timeline.

type Site = { lng: number; lat: number } | null;

export async function readWhistle(deps: WhistleDeps, actor: Actor, id: string, locale: Locale) {
  const { db } = deps;
  const w = await repo.findWhistleWithPlace(db, id);
  if (!w) throw new AppError('NOT_FOUND');
  const summonses = await repo.summonsesOf(db, id);
  assertMayRead(actor, w.place_path, summonses);
  const parties = await Promise.all(summonses.map((s) => partyOf(db, s)));
  const events = await repo.eventsOf(db, id);
  const roles = await roleNamesOf(
    db,
    events.map((e) => e.actor_id),
    locale,
  );
  const site = w.lng !== null && w.lat !== null ? { lng: w.lng, lat: w.lat } : null;
  return {
    id: w.id,
    caseId: w.case_id,
    subject: w.subject,
    request: w.request,
    state: w.state,
    createdBy: w.created_by_name,
    createdAt: iso(w.created_at)!,
    place: { code: w.place_code, name: w.place_name, address: w.address, lng: w.lng, lat: w.lat },
    meeting: w.meeting_at ? { at: iso(w.meeting_at)!, place: w.meeting_place } : null,
    summonses: summonses.map((s, i) => ({
      ...presentSummons(s, parties[i]!, site),
      actions: allowedSummonsActions(s.state as SummonsState, partiesOf(actor, s, w.place_path)),
    })),
    timeline: events.map((e) => ({
      action: e.action,
      actorName: e.actor_name,
      actorRole: (e.actor_id && roles.get(e.actor_id)) || null,
      note: e.note,
      at: iso(e.at)!,
    })),
  };
}

function presentSummons(s: SummonsRow, party: Awaited<ReturnType<typeof partyOf>>, site: Site) {
  return {
    id: s.id,
    department: party,
    state: s.state as SummonsState,
    ackDueAt: iso(s.ack_due_at)!,
    arriveDueAt: iso(s.arrive_due_at)!,
    acknowledgedAt: iso(s.acknowledged_at),
    owner: s.owner_name,
    arrivedAt: iso(s.arrived_at),
    arrival:
      s.arrival_lng !== null && s.arrival_lat !== null
        ? {
            lng: s.arrival_lng,
            lat: s.arrival_lat,
            metresFromSite: site ? metresBetween({ lng: s.arrival_lng, lat: s.arrival_lat }, site) : null,
          }
        : null,
    reportText: s.report_text,
    score: s.score,
    scoreComment: s.score_comment,
    slaLevel: s.sla_level,
    escalated: s.escalated,
    noReceiver: s.no_receiver,
    told: s.told,
  };
}

/** The whistle a case is being handled with: its latest, an open one first; a dispute made from the case joins it. */
export async function whistleOfCase(db: Executor, caseId: string): Promise<string | null> {
  return (await repo.latestWhistleOfCase(db, caseId))?.id ?? null;
}
