import type { VoteResult } from '../../../../shared/decide.js';
import {
  hallLabels,
  meetingKindLabels,
  partyKindLabels,
  taskKindLabels,
} from '../../../../shared/deliberation-meetings.js';
import { homeCommunityOf, registryResidentsOf } from '../../../platform/community/person.js';
import { shanghaiMinute } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/policy.js';
import { can } from '../../../platform/policy.js';
import { isUnder } from '../../../platform/scope.js';
import type { MeetingsDeps } from './deps.js';
import { voteSummary } from './present.js';
import * as repo from './repository.js';

// 议题轨迹 from the agenda on: the meeting it was put on, the positions, the decision and its vote,
// each task and its state, the follow-up report, or the hand-up. Plain text; the topics area renders it.

interface Step {
  at: string;
  kind: string;
  title: string;
  detail: string;
  state: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The raiser; residents of the community when the topic is public; staff in scope. */
async function mayFollow(
  deps: MeetingsDeps,
  actor: Actor,
  topic: { raised_by: string; is_public: boolean; place_path: string; community_id: string },
) {
  if (actor.userId === topic.raised_by) return true;
  if (can(actor, 'community:read', topic.place_path) || can(actor, 'deliberation:manage', topic.place_path))
    return true;
  if (!topic.is_public || !actor.userId) return false;
  const community = await repo.findPlace(deps.db, topic.community_id);
  if ((await homeCommunityOf(deps.db, actor))?.id === topic.community_id) return true;
  return (await registryResidentsOf(deps.db, actor.userId)).some(
    (r) => community && isUnder(r.household_path, community.path),
  );
}

// eslint-disable-next-line max-lines-per-function, complexity -- one step kind after another; TODO split per kind
export async function trail(deps: MeetingsDeps, actor: Actor, topicId: string): Promise<{ steps: Step[] }> {
  const { db } = deps;
  const topic = await repo.findTopic(db, topicId);
  if (!topic || !(await mayFollow(deps, actor, topic))) throw new AppError('NOT_FOUND');
  const item = await repo.itemOfTopic(db, topicId);
  if (!item) return { steps: [] };
  const m = (await repo.findMeeting(db, item.meeting_id))!;
  const steps: Step[] = [];
  const hall = m.hall === 'grid' ? `${m.grid_name ?? ''}${hallLabels.grid}` : hallLabels.community;
  steps.push({
    at: iso(item.created_at),
    kind: 'scheduled',
    title: `列入议程：${m.title}`,
    detail: `${meetingKindLabels[m.kind]} · ${hall} · ${shanghaiMinute(m.starts_at)} · ${m.location}`,
    state: m.state,
  });
  const positions = await repo.positionsOf(db, [item.id]);
  if (item.summary || positions.length > 0)
    steps.push({
      at: iso(item.decided_at ?? item.handed_up_at ?? m.starts_at),
      kind: 'minutes',
      title: '各方意见',
      detail: [
        ...positions.map((p) => `${partyKindLabels[p.party_kind]}：${p.body}`),
        ...(item.summary ? [`小结：${item.summary}`] : []),
      ].join('\n'),
      state: null,
    });
  if (item.decided_at)
    steps.push({
      at: iso(item.decided_at),
      kind: 'decision',
      title: '形成决议',
      detail: item.decision,
      state: 'decided',
    });
  if (item.vote_id) {
    const vote = await repo.voteOf(db, item.vote_id);
    if (vote) {
      steps.push({
        at: iso(vote.opened_at ?? vote.created_at),
        kind: 'vote_opened',
        title: `表决：${vote.title}`,
        detail: vote.state === 'draft' ? '待开始' : '已开始投票',
        state: vote.state,
      });
      const result = (item.vote_result as VoteResult | null) ?? (vote.result as VoteResult | null);
      if (vote.state === 'closed' && result)
        steps.push({
          at: iso(vote.closed_at ?? vote.created_at),
          kind: 'vote_result',
          title: `表决结果：${result.passed ? '通过' : '未通过'}`,
          detail: voteSummary(result),
          state: 'closed',
        });
    }
  }
  for (const t of await repo.tasksOf(db, [item.id])) {
    steps.push({
      at: iso(t.created_at),
      kind: 'task',
      title: `任务：${t.title}`,
      detail: `${taskKindLabels[t.kind]} · 责任：${t.owner_name} · 期限 ${shanghaiMinute(t.due_at)}${t.tracking_code ? ` · 案件 ${t.tracking_code}` : ''}`,
      state: t.state === 'open' && new Date(t.due_at) <= deps.clock.now() ? 'overdue' : t.state,
    });
    if (t.done_at)
      steps.push({
        at: iso(t.done_at),
        kind: 'task_done',
        title: `任务办结：${t.title}`,
        detail: t.report,
        state: 'done',
      });
  }
  if (item.followed_up_at)
    steps.push({
      at: iso(item.followed_up_at),
      kind: 'follow_up',
      title: '反馈办结',
      detail: item.follow_up,
      state: 'closed',
    });
  if (item.handed_up_at)
    steps.push({
      at: iso(item.handed_up_at),
      kind: 'hand_up',
      title: '提交街道',
      detail: item.hand_up_reason,
      state: 'handed_up',
    });
  return { steps: steps.sort((a, b) => a.at.localeCompare(b.at)) };
}
