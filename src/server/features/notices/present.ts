import { financeTotals, type FinanceLine } from '../../../shared/decide-notices.js';
import type { Actor } from '../../platform/policy.js';
import { editableStates, noticeActionsFor } from './lifecycle.js';
import { partiesOf, wroteIt } from './policy.js';
import type { findNotice } from './repository.js';

// What a notice looks like: to staff (state, who, actions, read stats), to a resident (read or not),
// to anyone on the public page (published content only). Attachments carry the URL of the route
// that serves them to that audience.

export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const lines = (raw: unknown): FinanceLine[] => (typeof raw === 'string' ? JSON.parse(raw) : (raw as FinanceLine[]));

function content(
  n: NoticeRow,
  files: Map<string, { mime: string; size_bytes: number }>,
  url: (fileId: string) => string,
) {
  const financeLines = lines(n.finance_lines);
  const totals = n.kind === 'finance' ? financeTotals(financeLines) : null;
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    communityName: n.community_name,
    communityCode: n.community_code,
    placeName: n.place_name,
    placeKind: n.place_kind,
    publishedAt: iso(n.published_at),
    publishedYear: n.published_year,
    attachments: n.attachment_ids.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id, mime: f.mime, sizeBytes: f.size_bytes, url: url(id) }] : [];
    }),
    financeLines,
    // Stored by the server from the lines; read back, they must agree (a CHECK keeps the balance).
    totals: totals && {
      incomeFen: Number(n.income_fen),
      expenseFen: Number(n.expense_fen),
      balanceFen: Number(n.balance_fen),
    },
  };
}

export type FileMap = Map<string, { mime: string; size_bytes: number }>;

export function readStats(n: NoticeRow, audience: number) {
  const readers = Number(n.readers ?? 0);
  return {
    readers,
    anonymousViews: Number(n.anonymous_views),
    audience,
    rate: audience > 0 ? Math.min(1, readers / audience) : null,
  };
}

export function presentNotice(n: NoticeRow, actor: Actor, files: FileMap, audience: number) {
  return {
    ...content(n, files, (f) => `/api/v1/notices/${n.id}/attachments/${f}`),
    placeId: n.place_id,
    state: n.state,
    authorName: n.author_name,
    approverName: n.approver_name,
    submittedAt: iso(n.submitted_at),
    returnReason: n.return_reason,
    withdrawReason: n.withdraw_reason,
    withdrawnAt: iso(n.withdrawn_at),
    createdAt: iso(n.created_at)!,
    updatedAt: iso(n.updated_at)!,
    editable: editableStates.includes(n.state) && partiesOf(actor, n).includes('writer'),
    ownDraft: wroteIt(actor, n),
    actions: noticeActionsFor(n.state, partiesOf(actor, n)),
    reads: readStats(n, audience),
  };
}

export const presentFeedItem = (n: NoticeRow & { read_by_me?: unknown }, files: FileMap) => ({
  ...content(n, files, (f) => `/api/v1/notices/${n.id}/attachments/${f}`),
  read: Boolean(n.read_by_me),
});

export const presentPublic = (n: NoticeRow, files: FileMap) =>
  content(n, files, (f) => `/api/v1/public/communities/${n.community_code}/notices/${n.id}/attachments/${f}`);
