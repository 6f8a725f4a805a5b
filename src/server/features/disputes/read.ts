import type { Selectable } from 'kysely';
import type { DisputesTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder } from '../../platform/scope.js';
import { listByIds } from '../places/index.js';
import { actionsFor, assertMayRead, readableScope } from './policy.js';
import * as repo from './repository.js';
import type { DisputeDetail, DisputeQueryT } from './schemas.js';
import type { DisputesDeps } from './deps.js';

// Reading the ledger: the list in the actor's scope and one dispute with its parties (masked),
// mediation sessions and timeline.

const iso = (d: Date | string) => new Date(d).toISOString();

/** One dispute the actor may read; out of scope reads as not found. */
export async function readableDispute(deps: DisputesDeps, actor: Actor, id: string) {
  const d = await repo.findDispute(deps.db, id);
  if (!d) throw new AppError('NOT_FOUND');
  assertMayRead(actor, d.place_path);
  return d;
}

const summaryOf = (d: Selectable<DisputesTable>) => ({
  id: d.id,
  code: d.code,
  type: d.dispute_type,
  summary: d.summary,
  risk: d.risk,
  status: d.status,
  source: d.source,
  createdAt: iso(d.created_at),
});

export async function listDisputes(deps: DisputesDeps, actor: Actor, q: DisputeQueryT) {
  const scope = readableScope(actor);
  const under = await resolveUnder(deps.db, actor, 'disputes:read', q.under);
  const rows = await repo.listDisputes(deps.db, {
    scope,
    under: under?.path,
    caseId: q.caseId,
    status: q.status,
    risk: q.risk,
  });
  return rows.map(summaryOf);
}

export async function getDispute(deps: DisputesDeps, actor: Actor, id: string): Promise<DisputeDetail> {
  const d = await readableDispute(deps, actor, id);
  const [parties, sessions, events, [place]] = await Promise.all([
    repo.partiesOf(deps.db, id),
    repo.sessionsOf(deps.db, id),
    repo.eventsOf(deps.db, id),
    listByIds(deps.db, [d.place_id]),
  ]);
  // The keys in the order the API has always sent them.
  return {
    id: d.id,
    code: d.code,
    type: d.dispute_type,
    summary: d.summary,
    risk: d.risk,
    status: d.status,
    source: d.source,
    caseId: d.case_id,
    whistleId: d.whistle_id,
    handedTo: d.handed_to,
    place: place ? { code: place.code, name: place.name } : null,
    createdAt: iso(d.created_at),
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      phone: p.phone_masked,
      idNumber: p.id_number_masked,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      heldAt: iso(s.held_at),
      mediators: s.mediators,
      legalAdvisers: s.legal_advisers,
      record: s.record,
      outcome: s.outcome,
      agreementText: s.agreement_text,
      signatures: s.signature_file_ids.length,
    })),
    timeline: events.map((e) => ({ kind: e.kind, note: e.note, actorName: e.actor_name, at: iso(e.at) })),
    actions: actionsFor(actor, d),
  };
}
