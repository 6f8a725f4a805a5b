import type { Updateable } from 'kysely';
import { serviceRatingLabels } from '../../../../shared/services.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { ApplicationMaterial, ServiceApplicationsTable } from '../../../platform/db/schema-services.js';
import { shanghaiDate, shanghaiMinute } from '../../../platform/deadlines.js';
import { AppError, invalid } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { workdayCalendar } from '../../calendar/index.js';
import { loadBundleForApplication, loadItemForApplication } from '../catalogue/index.js';
import { resumeClocks, startPartClock } from './clocks.js';
import type { ApplicationsDeps } from './deps.js';
import {
  applicationAfterSupplement,
  countsAsVisit,
  findApplicationTransition,
  type ApplicationAction,
  type ApplicationTransition,
  type RequestedApplicationAction,
} from './lifecycle.js';
import { smsApplicant } from './notices.js';
import { applicationPartiesOf, reviewsPart } from './policy.js';
import * as repo from './repository.js';
import type { ApplicationActionInputT } from './schemas.js';
import { recordEvent, type ApplicationRow } from './timeline.js';
import { checkHandIn } from './validate.js';

// The application's own steps (受理, 补正, 重新提交, 撤回, 待领取, 领取, 评价). The table says who may
// take which and what it does to the clocks, the SMS and the visits; each step below says what else
// it writes.

type Parts = Awaited<ReturnType<typeof repo.lockPartsOf>>;
export interface StepContext {
  trx: Executor;
  deps: ApplicationsDeps;
  actor: Actor;
  a: ApplicationRow;
  parts: Parts;
  input: ApplicationActionInputT;
  now: Date;
  byClerk: boolean;
}
type Changes = Updateable<ServiceApplicationsTable>;
/** The columns a step sets besides the state, what the SMS says, and whether she brought materials now. */
type Step = (
  ctx: StepContext,
) => Promise<{ changes: Changes; note: string; sms?: Record<string, string>; broughtNow?: boolean }>;

/** The application's materials as stored (JSON). */
const materialsOf = (a: ApplicationRow): ApplicationMaterial[] =>
  (typeof a.materials === 'string' ? JSON.parse(a.materials) : a.materials) as ApplicationMaterial[];
/** Said to be brought to the window (带到窗口核验) and not yet checked there. */
const toCheck = (m: ApplicationMaterial) => m.atWindow && m.checked === false;

const latest = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((m, d) => (d && (!m || d > m) ? d : m), null);

const steps: Record<RequestedApplicationAction, Step> = {
  accept: async ({ trx, deps, a, parts, now }) => {
    // The pre-check confirms what she brought: checked by the clerk, and her visit (an online application).
    const materials = materialsOf(a);
    const brought = materials.filter(toCheck).map((m) => m.key);
    const calendar = await workdayCalendar(trx, a.tenant_id);
    const limits = await repo.itemsByIds(trx, [...new Set(parts.map((p) => p.item_id))]);
    const dues: Date[] = [];
    for (const p of parts.filter((x) => x.state === 'waiting'))
      dues.push(
        await startPartClock(trx, deps, p, limits.find((l) => l.id === p.item_id)?.time_limit_days ?? 0, calendar, now),
      );
    const due = latest(dues);
    const checked = brought.length
      ? { materials: JSON.stringify(materials.map((m) => (toCheck(m) ? { ...m, checked: true } : m))) }
      : {};
    return {
      changes: { accepted_at: now, due_at: due, supplement_note: null, ...checked },
      note: [due ? `承诺${shanghaiMinute(due)}前办结` : '', brought.length ? `窗口核验材料${brought.length}项` : '']
        .filter(Boolean)
        .join('；'),
      sms: { deadline: due ? shanghaiMinute(due) : '' },
      broughtNow: brought.length > 0 && a.source === 'phone',
    };
  },
  supplement: async ({ input }) => ({
    changes: { supplement_note: input.note! },
    note: input.note!,
    sms: { note: input.note! },
  }),
  resubmit: async (ctx) => {
    const { trx, deps, a, parts, input, now } = ctx;
    const changes: Changes = { supplement_note: null, paused_at: null };
    if (input.answers || input.materials) Object.assign(changes, await handInAgain(ctx));
    if (a.paused_at) {
      const calendar = await workdayCalendar(trx, a.tenant_id);
      await resumeClocks(trx, deps, parts, calendar, now);
      const after = await repo.lockPartsOf(trx, a.id);
      changes.due_at =
        latest(after.filter((p) => p.due_at && !p.decided_at).map((p) => new Date(p.due_at!))) ?? a.due_at;
    }
    return { changes, note: input.note ?? '' };
  },
  withdraw: async ({ trx, parts, input, now }) => {
    for (const p of parts.filter((x) => ['waiting', 'pending', 'in_review', 'supplement'].includes(x.state)))
      await repo.updatePart(trx, p.id, { state: 'withdrawn', paused_at: null, updated_at: now });
    return { changes: { withdrawn_at: now, paused_at: null }, note: input.note ?? '' };
  },
  ready: async ({ trx, a, now }) => {
    const community = await repo.findCommunity(trx, a.community_id);
    return { changes: { ready_at: now }, note: '', sms: { place: community?.name ?? '' } };
  },
  collect: async ({ now }) => ({ changes: { collected_at: now }, note: '' }),
  rate: async ({ input, now }) => {
    if (!input.rating) throw invalid('rating', 'ratingRequired');
    return {
      changes: { rating: input.rating, rating_comment: input.comment ?? null, rated_at: now },
      note: `${serviceRatingLabels[input.rating]}${input.comment ? `：${input.comment}` : ''}`,
    };
  },
};

/** 补正 handed in: the corrected answers and materials, checked again as on the first submission. */
async function handInAgain({ trx, deps, actor, a, input, byClerk }: StepContext): Promise<Changes> {
  const subject = a.item_id
    ? await loadItemForApplication(trx, a.tenant_id, a.item_id)
    : await loadBundleForApplication(trx, a.tenant_id, a.bundle_id!);
  if (!subject) throw invalid(a.item_id ? 'itemId' : 'bundleId', 'unknownServiceItem');
  const oldAnswers = JSON.parse(deps.pii.decrypt(a.answers_enc)) as Record<string, unknown>;
  const handIn = await checkHandIn(
    trx,
    actor,
    subject.form,
    subject.materials,
    { answers: input.answers ?? oldAnswers, materials: input.materials ?? (a.materials as never) },
    byClerk,
  );
  return {
    answers_enc: deps.pii.encrypt(JSON.stringify(handIn.answers)),
    materials: JSON.stringify(handIn.materials),
    file_ids: handIn.fileIds,
  };
}

/** Moves the application by one row of the table and writes its event, SMS and visits. */
export async function applyApplicationRow(
  ctx: Omit<StepContext, 'input'> & { input: ApplicationActionInputT },
  t: ApplicationTransition,
  changes: Changes,
  note: string,
  sms?: Record<string, string>,
  broughtNow = false,
) {
  const { trx, deps, actor, a, parts, now } = ctx;
  const to =
    t.to === 'same'
      ? a.state
      : t.to === 'previous'
        ? applicationAfterSupplement(
            a,
            parts.some((p) => p.reviewer_id !== null),
          )
        : t.to;
  // She came with her materials for the pre-check (accepted then) and collects the same day: one visit.
  const cameToday =
    a.accepted_at !== null &&
    materialsOf(a).some((m) => m.atWindow && m.checked === true) &&
    a.visits > 0 &&
    shanghaiDate(new Date(a.accepted_at).getTime()) === shanghaiDate(now.getTime());
  const visit = countsAsVisit(t.visit, { byClerk: ctx.byClerk, online: a.source === 'phone', broughtNow, cameToday });
  await repo.updateApplication(trx, a.id, {
    ...changes,
    state: to,
    ...(visit ? { visits: a.visits + 1 } : {}),
    updated_at: now,
  });
  await recordEvent(trx, a, { action: t.action, from: a.state, to, note }, t.by.includes('system') ? null : actor, now);
  if (t.sms) {
    const subject = await repo.subjectName(trx, a);
    await smsApplicant(trx, deps, a, t.sms, { subject, ...(sms ?? {}) }, `${t.action}:${now.toISOString()}`);
  }
  return to;
}

export async function actOnApplication(
  deps: ApplicationsDeps,
  actor: Actor,
  id: string,
  action: RequestedApplicationAction,
  input: ApplicationActionInputT,
) {
  return deps.db.transaction().execute(async (trx) => {
    const a = await repo.lockApplication(trx, id);
    if (!a) throw new AppError('NOT_FOUND');
    const parts = await repo.lockPartsOf(trx, a.id);
    const parties = applicationPartiesOf(actor, a);
    if (parties.length === 0 && !parts.some((p) => reviewsPart(actor, p))) throw new AppError('NOT_FOUND');
    const t = findApplicationTransition(a.state, action as ApplicationAction, parties);
    if (!t || (action === 'rate' && a.rating)) throw new AppError('ACTION_NOT_ALLOWED', { state: a.state, action });
    if (t.needsNote && !input.note?.trim()) throw invalid('note', 'reasonRequired');
    const now = deps.clock.now();
    const ctx: StepContext = { trx, deps, actor, a, parts, input, now, byClerk: parties.includes('clerk') };
    const { changes, note, sms, broughtNow } = await steps[action](ctx);
    const to = await applyApplicationRow(ctx, t, changes, note, sms, broughtNow);
    await recordAudit(
      trx,
      actor,
      {
        action: `serviceApplication.${action}`,
        entityType: 'service_application',
        entityId: a.id,
        tenantId: a.tenant_id,
        before: { state: a.state },
        after: { state: to, note },
      },
      now,
    );
    return { id: a.id, state: to, applicationState: to };
  });
}
