import { maskName } from '../../../../shared/identity.js';
import type { VoteResult } from '../../../../shared/decide.js';
import { topicTransition } from '../../../../shared/decide.js';
import {
  meetingActionsFrom,
  partyKinds,
  type MeetingState,
  type PartyKind,
} from '../../../../shared/deliberation-meetings.js';
import type { Executor } from '../../../platform/audit.js';
import type { Actor } from '../../../platform/policy.js';
import { mayManage } from './policy.js';
import * as repo from './repository.js';

// What the console is shown of a meeting: parties, sign-ins (phone users' names masked), the agenda
// with minutes, decisions, votes and tasks, and the actions the actor may take.

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof repo.findMeeting>>>;
type ItemRow = Awaited<ReturnType<typeof repo.itemsOf>>[number];
type TaskRow = Awaited<ReturnType<typeof repo.tasksOf>>[number];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A vote's result in one line of plain text: 同意 12，反对 3，弃权 1（投票率 40%），通过. */
export function voteSummary(result: VoteResult): string {
  const counts = result.counts.map((c) => `${c.label} ${c.votes}`).join('，');
  const verdict = result.passed
    ? '通过'
    : result.failure === 'no_quorum'
      ? '未达法定人数'
      : result.failure === 'tie'
        ? '票数相同'
        : '未通过';
  return `${counts}（投票率 ${result.turnoutPercent}%），${verdict}`;
}

export function presentTask(t: TaskRow, actor: Actor, manage: boolean, now: Date) {
  const overdue = t.state === 'open' && (t.sla_level === 'red' || new Date(t.due_at) <= now);
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    ownerName: t.owner_name,
    dueAt: iso(t.due_at)!,
    state: t.state,
    slaLevel: t.sla_level,
    overdue,
    caseId: t.case_id,
    caseTrackingCode: t.tracking_code ?? null,
    whistleId: t.whistle_id,
    report: t.report,
    doneAt: iso(t.done_at),
    actions: t.state === 'open' && (manage || t.owner_user_id === actor.userId) ? ['done'] : [],
  };
}

// eslint-disable-next-line complexity -- the item's buttons, each one condition
function itemActions(item: ItemRow, state: MeetingState, tasks: TaskRow[], manage: boolean): string[] {
  if (!manage) return [];
  const open = state === 'planned' || state === 'in_progress';
  const actions: string[] = [];
  if (item.outcome === null && open) actions.push('unschedule');
  if (item.followed_up_at === null && state !== 'planned' && state !== 'cancelled') actions.push('minutes');
  if (item.outcome === null && state === 'in_progress') actions.push('decide');
  if (
    item.followed_up_at === null &&
    item.outcome !== 'handed_up' &&
    state !== 'planned' &&
    state !== 'cancelled' &&
    topicTransition(item.topic_state, 'hand_up')
  )
    actions.push('hand_up');
  if (item.outcome === 'decided' && item.followed_up_at === null) {
    actions.push('add_task');
    if (tasks.every((t) => t.state === 'done')) actions.push('follow_up');
  }
  return actions;
}

export async function presentItems(db: Executor, m: MeetingRow, actor: Actor, now: Date) {
  const items = await repo.itemsOf(db, m.id);
  const ids = items.map((i) => i.id);
  const [positions, tasks] = await Promise.all([repo.positionsOf(db, ids), repo.tasksOf(db, ids)]);
  const manage = mayManage(actor, m.place_path);
  const out = [];
  for (const i of items) {
    const mine = tasks.filter((t) => t.item_id === i.id);
    const vote = i.vote_id ? await repo.voteOf(db, i.vote_id) : undefined;
    const result = (i.vote_result as VoteResult | null) ?? (vote?.result as VoteResult | null | undefined) ?? null;
    out.push({
      id: i.id,
      position: i.position,
      topicId: i.topic_id,
      topicCode: i.topic_code,
      topicTitle: i.topic_title,
      topicBody: i.topic_body,
      topicState: i.topic_state,
      summary: i.summary,
      positions: positions.filter((p) => p.item_id === i.id).map((p) => ({ partyKind: p.party_kind, text: p.body })),
      outcome: i.outcome,
      decision: i.decision,
      decidedAt: iso(i.decided_at),
      handUpReason: i.hand_up_reason,
      handedUpAt: iso(i.handed_up_at),
      vote: vote
        ? {
            id: vote.id,
            title: vote.title,
            state: vote.state,
            passed: result ? result.passed : null,
            summary: result ? voteSummary(result) : null,
          }
        : null,
      followUp: i.follow_up,
      followedUpAt: iso(i.followed_up_at),
      tasks: mine.map((t) => presentTask(t, actor, manage, now)),
      actions: itemActions(i, m.state, mine, manage),
    });
  }
  return out;
}

export function countByParty(rows: { party_kind: PartyKind }[]) {
  return partyKinds
    .map((k) => ({ partyKind: k, count: rows.filter((r) => r.party_kind === k).length }))
    .filter((c) => c.count > 0);
}

export async function presentMeeting(db: Executor, m: MeetingRow, actor: Actor, now: Date) {
  const [parties, attendance, items] = await Promise.all([
    repo.partiesOf(db, m.id),
    repo.attendanceOf(db, m.id),
    presentItems(db, m, actor, now),
  ]);
  const manage = mayManage(actor, m.place_path);
  return {
    ...presentRow(m, items.length, attendance.length),
    communityCode: m.community_code,
    gridCode: m.grid_code,
    heldAt: iso(m.held_at),
    canManage: manage,
    actions: manage ? meetingActionsFrom(m.state) : [],
    parties: parties.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      signedIn: attendance.some((a) => a.party_id === p.id),
    })),
    // A resident who signed in by phone is shown masked; invited parties are named as invited.
    attendance: attendance.map((a) => ({
      id: a.id,
      name: a.user_id && !a.party_id ? maskName(a.name) : a.name,
      partyKind: a.party_kind,
      via: a.via,
      signedAt: iso(a.signed_at)!,
    })),
    attendanceByParty: countByParty(attendance),
    items,
  };
}

export function presentRow(m: MeetingRow, agendaCount: number, attendanceCount: number) {
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    hall: m.hall,
    communityName: m.community_name,
    gridName: m.grid_name,
    startsAt: iso(m.starts_at)!,
    location: m.location,
    state: m.state,
    agendaCount,
    attendanceCount,
  };
}
