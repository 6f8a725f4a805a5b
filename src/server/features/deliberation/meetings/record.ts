import type { VoteResult } from '../../../../shared/decide.js';
import {
  hallLabels,
  meetingKindLabels,
  meetingStateLabels,
  partyKindLabels,
  taskKindLabels,
} from '../../../../shared/deliberation-meetings.js';
import { shanghaiMinute } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { newPdf, pdfBuffer } from '../../../platform/pdf.js';
import type { Actor } from '../../../platform/policy.js';
import { isUnder } from '../../../platform/scope.js';
import type { MeetingsDeps } from './deps.js';
import { meetingOf } from './meetings.js';
import { handUpsShownTo } from './policy.js';
import { countByParty, voteSummary } from './present.js';
import * as repo from './repository.js';

// 会议记录 (PDF), the street's list of hand-ups, and the public list of a community's meetings.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The meeting record: meeting, attendance by party, agenda, positions, decisions, votes' results, tasks. */
export async function recordPdf(deps: MeetingsDeps, actor: Actor, id: string): Promise<Buffer> {
  const { db } = deps;
  const m = await meetingOf(db, actor, id);
  return buildRecord(deps, m);
}

// eslint-disable-next-line complexity -- one section per part of the record; TODO split into sections
async function buildRecord(deps: MeetingsDeps, m: Awaited<ReturnType<typeof meetingOf>>) {
  const { db } = deps;
  const [attendance, items] = await Promise.all([repo.attendanceOf(db, m.id), repo.itemsOf(db, m.id)]);
  const ids = items.map((i) => i.id);
  const [positions, tasks] = await Promise.all([repo.positionsOf(db, ids), repo.tasksOf(db, ids)]);
  const doc = newPdf(`议事会议记录 ${m.title}`);
  doc.font('bold').fontSize(18).text('议事会议记录', { align: 'center' }).moveDown(0.5);
  doc.font('regular').fontSize(11);
  const hall =
    m.hall === 'grid' ? `${m.grid_name ?? ''}${hallLabels.grid}` : `${m.community_name}${hallLabels.community}`;
  doc.text(`会议：${m.title}`);
  doc.text(`形式：${meetingKindLabels[m.kind]}，地点：${hall} · ${m.location}`);
  doc.text(`时间：${shanghaiMinute(m.starts_at)}（北京时间），状态：${meetingStateLabels[m.state]}`);
  const byParty = countByParty(attendance).map((c) => `${partyKindLabels[c.partyKind]} ${c.count} 人`);
  doc.text(`签到：共 ${attendance.length} 人${byParty.length ? `（${byParty.join('，')}）` : ''}`).moveDown();
  doc.font('bold').fontSize(13).text('议程').font('regular').fontSize(11);
  for (const i of items) doc.text(`${i.position}. ${i.topic_title}（${i.topic_code}）`);
  for (const i of items) {
    doc.moveDown().font('bold').fontSize(12).text(`议题 ${i.position}：${i.topic_title}`).font('regular').fontSize(11);
    doc.text(i.topic_body);
    for (const p of positions.filter((x) => x.item_id === i.id))
      doc.text(`【${partyKindLabels[p.party_kind]}】${p.body}`);
    if (i.summary) doc.text(`小结：${i.summary}`);
    if (i.outcome === 'decided') doc.text(`决议：${i.decision}`);
    if (i.outcome === 'handed_up') doc.text(`提交街道：${i.hand_up_reason}`);
    if (i.vote_id) {
      const vote = await repo.voteOf(db, i.vote_id);
      const result = (i.vote_result as VoteResult | null) ?? (vote?.result as VoteResult | null | undefined) ?? null;
      if (vote?.state === 'closed' && result) doc.text(`表决结果：${voteSummary(result)}`);
      else if (vote) doc.text('表决：尚未结束');
    }
    for (const t of tasks.filter((x) => x.item_id === i.id))
      doc.text(
        `任务（${taskKindLabels[t.kind]}）：${t.title}，责任：${t.owner_name}，期限：${shanghaiMinute(t.due_at)}，${t.state === 'done' ? `已办结：${t.report}` : '办理中'}${t.tracking_code ? `，案件 ${t.tracking_code}` : ''}`,
      );
    if (i.followed_up_at) doc.text(`反馈：${i.follow_up}`);
  }
  return pdfBuffer(doc);
}

/** 上报街道的议题: the hand-ups under the street officer's street (any street's are out of reach). */
export async function handUps(deps: MeetingsDeps, actor: Actor) {
  return (await repo.handedUp(deps.db, handUpsShownTo(actor))).map((h) => ({
    itemId: h.id,
    topicId: h.topic_id,
    topicCode: h.topic_code,
    topicTitle: h.topic_title,
    topicBody: h.topic_body,
    reason: h.hand_up_reason,
    summary: h.summary,
    handedUpAt: iso(h.handed_up_at),
    meetingId: h.meeting_id,
    meetingTitle: h.meeting_title,
    meetingStartsAt: iso(h.starts_at)!,
    communityName: h.community_name,
  }));
}

/** The record of the meeting a hand-up came from, for the street it was handed up to. */
export async function handUpRecord(deps: MeetingsDeps, actor: Actor, itemId: string) {
  const item = await repo.findItem(deps.db, itemId);
  const scope = handUpsShownTo(actor);
  if (!item || item.outcome !== 'handed_up' || !(scope.all || scope.paths.some((p) => isUnder(item.topic_path, p))))
    throw new AppError('NOT_FOUND');
  return buildRecord(deps, (await repo.findMeeting(deps.db, item.meeting_id))!);
}

/** 公开: a community's upcoming meetings and those held in the last 90 days; no personal data. */
export async function publicMeetings(deps: MeetingsDeps, code: string) {
  const { db, clock } = deps;
  const community = await repo.placeByCode(db, code);
  if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND');
  const now = clock.now();
  const upcoming = await repo.communityMeetings(db, community.id, 'upcoming', new Date(now.getTime() - 86_400_000));
  const held = await repo.communityMeetings(db, community.id, 'held', new Date(now.getTime() - 90 * 86_400_000));
  // A topic its raiser kept from the public is left off the public list.
  const items = (
    await repo.itemsOfMeetings(
      db,
      [...upcoming, ...held].map((m) => m.id),
    )
  ).filter((i) => i.topic_public);
  const base = (m: (typeof upcoming)[number]) => ({
    id: m.id,
    title: m.title,
    kind: m.kind,
    hall: m.hall,
    gridName: m.grid_name,
    startsAt: iso(m.starts_at)!,
    location: m.location,
  });
  return {
    communityName: community.name,
    upcoming: upcoming.map((m) => ({
      ...base(m),
      agenda: items.filter((i) => i.meeting_id === m.id).map((i) => i.topic_title),
    })),
    recent: held.map((m) => ({
      ...base(m),
      decisions: items
        .filter((i) => i.meeting_id === m.id && i.outcome === 'decided')
        .map((i) => ({ topic: i.topic_title, decision: i.decision })),
    })),
  };
}
