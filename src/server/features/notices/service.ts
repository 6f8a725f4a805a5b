import { financeTotals, type NoticeAction } from '../../../shared/decide-notices.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can, type Actor } from '../../platform/policy.js';
import { attachableFiles } from '../files/index.js';
import { editableStates, noticeTransition } from './lifecycle.js';
import { assertSees, isNoticeStaff, partiesOf, wroteIt } from './policy.js';
import * as reads from './reads.js';
import type { NoticesDeps } from './reads.js';
import * as repo from './repository.js';
import type { NoticeInputT } from './schemas.js';

// 五公开, the operations: draft, edit (draft or returned), submit, approve by another (four eyes),
// return with a reason, withdraw with a reason. Each in one transaction with its history row and
// its audit row. Finance totals are the server's sums of the lines; a client's totals that differ
// are refused. Attachments: PDF or images the actor may read (their own uploads, or in scope).

const attachable = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');

const audit = (
  trx: Executor,
  actor: Actor,
  action: string,
  n: { id: string; tenant_id: string },
  at: Date,
  after?: unknown,
) => recordAudit(trx, actor, { action, entityType: 'public_notice', entityId: n.id, tenantId: n.tenant_id, after }, at);

/** The checked content of a draft: target place in the actor's writing scope, lines, totals, files. */
async function checkedContent(trx: Executor, actor: Actor, input: NoticeInputT, attachedBefore: readonly string[]) {
  const place = await repo.placeById(trx, input.placeId);
  if (
    !place ||
    place.status !== 'active' ||
    !['community', 'grid', 'building'].includes(place.kind) ||
    !can(actor, 'notices:write', place.path)
  )
    throw new AppError('NOTICE_PLACE_UNKNOWN');
  const community = await repo.communityHolding(trx, place.path);
  if (!community || !place.tenant_id) throw new AppError('NOTICE_PLACE_UNKNOWN');
  const finance = input.kind === 'finance';
  if (finance !== input.financeLines.length > 0) throw new AppError('NOTICE_FINANCE_LINES');
  const totals = financeTotals(input.financeLines);
  if (
    input.totals &&
    (input.totals.incomeFen !== totals.incomeFen ||
      input.totals.expenseFen !== totals.expenseFen ||
      input.totals.balanceFen !== totals.balanceFen)
  )
    throw new AppError('NOTICE_TOTALS_MISMATCH', { computed: totals });
  // Files already on the notice stay (a colleague editing may not read the author's uploads).
  const added = input.attachmentIds.filter((id) => !attachedBefore.includes(id));
  const files = await attachableFiles(trx, actor, added, { field: 'attachmentIds' });
  if (files.some((f) => !attachable(f.mime))) throw new AppError('NOTICE_ATTACHMENT_TYPE');
  return {
    place,
    community,
    row: {
      kind: input.kind,
      title: input.title,
      body: input.body,
      place_id: place.id,
      place_path: place.path,
      community_id: community.id,
      tenant_id: place.tenant_id,
      attachment_ids: [...new Set(input.attachmentIds)],
      finance_lines: JSON.stringify(input.financeLines),
      income_fen: totals.incomeFen,
      expense_fen: totals.expenseFen,
      balance_fen: totals.balanceFen,
    },
  };
}

export async function createNotice(deps: NoticesDeps, actor: Actor, input: NoticeInputT) {
  if (!actor.userId || !can(actor, 'notices:write')) throw new AppError('FORBIDDEN');
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const { row } = await checkedContent(trx, actor, input, []);
    await repo.insertNotice(trx, {
      id,
      ...row,
      state: 'draft',
      author_id: actor.userId!,
      last_edited_by: actor.userId!,
      created_at: now,
      updated_at: now,
    });
    await event(trx, actor, { id, tenant_id: row.tenant_id }, 'create', null, 'draft', null, now);
    await audit(trx, actor, 'notice.create', { id, tenant_id: row.tenant_id }, now, { kind: input.kind });
  });
  return reads.viewNotice(deps, actor, id);
}

async function lockSeen(trx: Executor, actor: Actor, id: string) {
  const n = await repo.lockNotice(trx, id);
  assertSees(n !== undefined && isNoticeStaff(actor, n.place_path));
  return n!;
}

const event = (
  trx: Executor,
  actor: Actor,
  n: { id: string; tenant_id: string },
  action: 'create' | 'edit' | NoticeAction,
  from: Parameters<typeof repo.insertEvent>[1]['from_state'],
  to: Parameters<typeof repo.insertEvent>[1]['to_state'],
  reason: string | null,
  at: Date,
) =>
  repo.insertEvent(trx, {
    id: newId(),
    tenant_id: n.tenant_id,
    notice_id: n.id,
    action,
    from_state: from,
    to_state: to,
    actor_id: actor.userId!,
    reason,
    at,
  });

/** 修改: a draft or a returned notice, by a writer of both its old and its new place. */
export async function editNotice(deps: NoticesDeps, actor: Actor, id: string, input: NoticeInputT) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await lockSeen(trx, actor, id);
    if (!partiesOf(actor, n).includes('writer')) throw new AppError('FORBIDDEN');
    if (!editableStates.includes(n.state)) throw new AppError('NOTICE_NOT_EDITABLE', { state: n.state });
    const { row } = await checkedContent(trx, actor, input, n.attachment_ids);
    await repo.updateNotice(trx, id, { ...row, last_edited_by: actor.userId!, updated_at: now });
    await event(trx, actor, n, 'edit', n.state, n.state, null, now);
    await audit(trx, actor, 'notice.edit', n, now, { kind: input.kind, title: input.title });
  });
  return reads.viewNotice(deps, actor, id);
}

/** 提交 · 审核通过 · 退回 · 撤回, by the transition table; approval never by its author or last editor. */
export async function actOnNotice(deps: NoticesDeps, actor: Actor, id: string, action: NoticeAction, reason: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await lockSeen(trx, actor, id);
    const t = noticeTransition(n.state, action);
    if (!t) throw new AppError('NOTICE_ACTION_NOT_ALLOWED', { state: n.state, action });
    const parties = partiesOf(actor, n);
    if (!t.who.some((w) => parties.includes(w))) {
      const fourEyes = t.who.includes('approver') && can(actor, 'notices:approve', n.place_path) && wroteIt(actor, n);
      throw new AppError(fourEyes ? 'NOTICE_OWN_APPROVAL' : 'FORBIDDEN', { action });
    }
    if (t.reason && reason === '') throw new AppError('NOTICE_REASON_REQUIRED');
    const set =
      action === 'submit'
        ? { submitted_at: now, return_reason: null }
        : action === 'approve'
          ? {
              approved_by: actor.userId!,
              published_at: now,
              published_year: Number(shanghaiDate(now.getTime()).slice(0, 4)),
            }
          : action === 'return'
            ? { return_reason: reason }
            : { withdraw_reason: reason, withdrawn_at: now };
    await repo.updateNotice(trx, id, { ...set, state: t.to, updated_at: now });
    await event(trx, actor, n, action, n.state, t.to, t.reason ? reason : null, now);
    await audit(trx, actor, `notice.${action}`, n, now, {
      from: n.state,
      to: t.to,
      reason: t.reason ? reason : undefined,
    });
  });
  return reads.viewNotice(deps, actor, id);
}

export function createPublicNoticesService(deps: NoticesDeps) {
  return {
    places: (actor: Actor) => reads.targetPlaces(deps, actor),
    list: (actor: Actor, q: Parameters<typeof reads.staffList>[2]) => reads.staffList(deps, actor, q),
    archive: (actor: Actor) => reads.archive(deps, actor),
    get: (actor: Actor, id: string) => reads.viewNotice(deps, actor, id),
    create: (actor: Actor, input: NoticeInputT) => createNotice(deps, actor, input),
    edit: (actor: Actor, id: string, input: NoticeInputT) => editNotice(deps, actor, id, input),
    act: (actor: Actor, id: string, action: NoticeAction, reason: string) =>
      actOnNotice(deps, actor, id, action, reason),
    feed: (actor: Actor) => reads.feed(deps, actor),
    read: (actor: Actor, id: string) => reads.readNotice(deps, actor, id),
    attachment: (actor: Actor, id: string, fileId: string) => reads.attachment(deps, actor, id, fileId),
    publicList: (code: string, q: Parameters<typeof reads.publicList>[2]) => reads.publicList(deps, code, q),
    publicDetail: (code: string, id: string, anonymous: boolean) => reads.publicDetail(deps, code, id, anonymous),
    publicAttachment: (code: string, id: string, fileId: string) => reads.publicAttachment(deps, code, id, fileId),
  };
}
export type PublicNoticesService = ReturnType<typeof createPublicNoticesService>;
