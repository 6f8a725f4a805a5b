import {
  mergeForms,
  mergeMaterials,
  type FormAnswers,
  type FormDefinition,
  type Material,
} from '../../../../shared/service-forms.js';
import type { ApplicationState, PartState } from '../../../../shared/services.js';
import type { Executor } from '../../../platform/audit.js';
import type { ApplicationMaterial } from '../../../platform/db/schema-services.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import type { ApplicationsDeps } from './deps.js';
import { allowedApplicationActions, allowedPartActions } from './lifecycle.js';
import {
  applicationPartiesOf,
  mayRevealAnswers,
  partPartiesOf,
  queueScope,
  readingOf,
  reviewFilterOf,
  reviewsPart,
} from './policy.js';
import { loadItemVersion } from '../catalogue/index.js';
import * as repo from './repository.js';
import { renderApplicationForm } from '../form-pdf.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { iso } from './timeline.js';
import { maskAnswers } from './mask.js';

// 办件详情 and the queues. A reviewer who is no clerk of the place reads only their own parts' share
// of a bundle: the fields that feed their items, their items' materials, their parts' notes and
// the timeline of those parts; of the other parts, the item, the handler, the state and the deadline.

type Parts = Awaited<ReturnType<typeof repo.partsOf>>;

/** Each part's item form and materials as they were at the part's version (the catalogue's current one if none was kept). */
async function itemForms(db: Executor, parts: Parts) {
  const current = await repo.itemsByIds(db, [...new Set(parts.map((p) => p.item_id))]);
  return Promise.all(
    parts.map(async (p) => {
      const kept = await loadItemVersion(db, p.tenant_id, p.item_id, p.item_version);
      const now = current.find((c) => c.id === p.item_id)!;
      return {
        itemId: p.item_id,
        form: (kept?.form ?? now.form) as FormDefinition,
        materials: (kept?.materials ?? now.materials) as Material[],
      };
    }),
  );
}

/** The parts side by side: every part's item, handler, state and deadline; notes only of one's own. */
function presentParts(actor: Actor, parts: Parts, own: (id: string) => boolean, open: boolean) {
  return parts.map((p) => ({
    id: p.id,
    itemId: p.item_id,
    itemName: p.item_name,
    handlerLevel: p.handler_level,
    handlerName: p.department_name ?? p.handler_place_name ?? '',
    state: p.state,
    dueAt: iso(p.due_at),
    slaLevel: p.sla_level,
    decidedAt: iso(p.decided_at),
    decisionNote: own(p.id) ? p.decision_note : null,
    mine: reviewsPart(actor, p),
    actions: open && !p.paused_at ? allowedPartActions(p.state, partPartiesOf(actor, p)) : [],
  }));
}

/** The application as the actor may read it: the fields that feed their items, and those answers in full (NOT_FOUND when none). */
export async function readableAnswers(deps: ApplicationsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const a = await repo.findApplication(db, id);
  if (!a) throw new AppError('NOT_FOUND');
  const parts = await repo.partsOf(db, id);
  const reading = readingOf(actor, a, parts);
  const own = (partId: string) => reading.whole || reading.partIds.includes(partId);
  const forms = await itemForms(db, parts);
  const merged = mergeForms(forms);
  const ownItems = new Set(parts.filter((p) => own(p.id)).map((p) => p.item_id));
  const fields = merged.form.fields.filter((f) => merged.sources[f.key]!.some((s) => ownItems.has(s.itemId)));
  const allAnswers = JSON.parse(deps.pii.decrypt(a.answers_enc)) as Record<string, unknown>;
  const answers = Object.fromEntries(fields.filter((f) => f.key in allAnswers).map((f) => [f.key, allAnswers[f.key]]));
  return { a, parts, reading, own, forms, ownItems, fields, answers };
}

/** The detail and the material list (as the catalogue has it) of what the caller may read of it. */
async function readOne(deps: ApplicationsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const { a, parts, reading, own, forms, ownItems, fields, answers } = await readableAnswers(deps, actor, id);
  const list = mergeMaterials(forms.filter((f) => ownItems.has(f.itemId)).map((f) => f.materials));
  const given = a.materials as unknown as ApplicationMaterial[];
  const events = await repo.eventsOf(db, id);
  const detail = {
    id: a.id,
    code: a.code,
    state: a.state,
    subject: {
      kind: a.item_id ? ('item' as const) : ('bundle' as const),
      id: (a.item_id ?? a.bundle_id)!,
      name: await repo.subjectName(db, a),
    },
    community: { id: a.community_id, name: (await repo.findCommunity(db, a.community_id))?.name ?? '' },
    source: a.source,
    onBehalf: a.on_behalf,
    applicant: { name: a.applicant_name, idNumberMasked: a.id_number_masked, phoneMasked: a.phone_masked },
    whole: reading.whole,
    form: { fields },
    answers: maskAnswers(fields, answers),
    materials: list.map((m) => {
      const g = given.find((x) => x.key === m.key);
      return {
        key: m.key,
        name: m.name,
        required: m.required,
        fileIds: g?.fileIds ?? [],
        atWindow: g?.atWindow ?? false,
        checked: g ? (g.checked ?? g.atWindow) : false,
      };
    }),
    supplementNote: a.supplement_note,
    dueAt: iso(a.due_at),
    slaLevel: a.sla_level,
    visits: a.visits,
    rating: reading.whole ? a.rating : null,
    ratingComment: reading.whole ? a.rating_comment : null,
    createdAt: iso(a.created_at)!,
    acceptedAt: iso(a.accepted_at),
    decidedAt: iso(a.decided_at),
    readyAt: iso(a.ready_at),
    collectedAt: iso(a.collected_at),
    parts: presentParts(actor, parts, own, a.state === 'accepted' || a.state === 'in_review'),
    timeline: events
      .filter((e) => e.part_id === null || own(e.part_id))
      .map((e) => ({
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        partId: e.part_id,
        note: e.note,
        actorName: e.actor_name,
        at: iso(e.at)!,
      })),
    actions: allowedApplicationActions(a.state, applicationPartiesOf(actor, a), a.rating !== null),
    mayReveal: mayRevealAnswers(actor, a),
  };
  return { detail, list };
}

export async function readApplication(deps: ApplicationsDeps, actor: Actor, id: string) {
  return (await readOne(deps, actor, id)).detail;
}

/**
 * 打印申请表: the application form as a PDF of what the caller may read (a department only its
 * parts' fields and materials, as the detail): answers by the form's labels, the code, the material
 * checklist. The applicant's line is masked as in the detail; the answers are the detail's.
 */
export async function applicationFormPdf(deps: ApplicationsDeps, actor: Actor, id: string) {
  const { detail, list } = await readOne(deps, actor, id);
  return renderApplicationForm({
    title: detail.subject.name,
    place: detail.community.name,
    code: detail.code,
    applicant: {
      name: detail.applicant.name,
      idNumber: detail.applicant.idNumberMasked,
      phone: detail.applicant.phoneMasked,
    },
    form: detail.form,
    answers: detail.answers as FormAnswers,
    materials: list,
    date: shanghaiDate(deps.clock.now().getTime()),
  });
}

type Row = Awaited<ReturnType<typeof repo.listApplications>>[number];
const summary = (r: Row) => ({
  id: r.id,
  code: r.code,
  state: r.state,
  subject: r.item_id
    ? { kind: 'item' as const, id: r.item_id, name: r.item_name ?? '' }
    : { kind: 'bundle' as const, id: r.bundle_id!, name: r.bundle_name ?? '' },
  community: r.community_name,
  applicantName: r.applicant_name,
  phoneMasked: r.phone_masked,
  source: r.source,
  onBehalf: r.on_behalf,
  dueAt: iso(r.due_at),
  slaLevel: r.sla_level,
  visits: r.visits,
  rating: r.rating,
  createdAt: iso(r.created_at)!,
});

export async function listQueue(
  deps: ApplicationsDeps,
  actor: Actor,
  q: {
    state?: ApplicationState;
    itemId?: string;
    bundleId?: string;
    sla?: 'ok' | 'yellow' | 'red';
    code?: string;
    page: number;
    pageSize: number;
  },
) {
  const scope = queueScope(actor);
  const rows = await repo.listApplications(deps.db, {
    scope,
    state: q.state,
    itemId: q.itemId,
    bundleId: q.bundleId,
    sla: q.sla,
    code: q.code,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const counts = Object.fromEntries((await repo.countByState(deps.db, scope)).map((c) => [c.state, Number(c.n)]));
  return { items: rows.map(summary), counts, page: q.page, pageSize: q.pageSize };
}

export async function listMine(deps: ApplicationsDeps, actor: Actor) {
  if (!actor.userId) return { items: [] };
  return { items: (await repo.listMine(deps.db, actor.userId)).map(summary) };
}

const partStateSets: Record<string, PartState[]> = {
  open: ['pending', 'in_review', 'supplement'],
  done: ['approved', 'refused'],
};

export async function listReview(deps: ApplicationsDeps, actor: Actor, q: { state: string }) {
  const rows = await repo.listParts(deps.db, {
    ...reviewFilterOf(actor),
    states: partStateSets[q.state] ?? [q.state as PartState],
    limit: 200,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      state: r.state,
      dueAt: iso(r.due_at),
      slaLevel: r.sla_level,
      handlerLevel: r.handler_level,
      handlerName: r.department_name,
      itemName: r.item_name,
      bundleName: r.bundle_name,
      application: { id: r.application_id, code: r.code, state: r.application_state, applicantName: r.applicant_name },
      community: r.community_name,
      createdAt: iso(r.created_at)!,
    })),
  };
}
