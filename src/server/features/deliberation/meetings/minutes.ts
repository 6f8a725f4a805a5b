import type { VoteResult } from '../../../../shared/decide.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { createVote, onVoteClosed } from '../../../platform/decide/votes.js';
import { defineDeadlineJob, watchDeadline, type DeadlineAlarm } from '../../../platform/deadlines.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { JobDefinition } from '../../../platform/jobs.js';
import { can, type Actor } from '../../../platform/policy.js';
import { isUnder } from '../../../platform/scope.js';
import type { MeetingsDeps } from './deps.js';
import { get, moveTopic } from './meetings.js';
import { assertManages, mayManage, mayRead } from './policy.js';
import { presentTask } from './present.js';
import * as repo from './repository.js';
import type { DecideInputT, MinutesInputT, TaskInputT } from './schemas.js';

// 议事会议 · minutes and what follows: each party's position and a summary per agenda item, the
// decision (maybe put to a vote) or the hand-up to the street, the tasks a decision becomes (a plain
// task, a case dispatched to a department, a whistle) with watched deadlines, and the follow-up
// report that closes the topic.

/** The one clock a task runs. */
export const taskClock = 'due';

/** A task's deadline alarm: yellow at 80 %, red when missed — while the task is open with that deadline. */
export const taskAlarm: JobDefinition<DeadlineAlarm> = defineDeadlineJob('meetings.task.sla', async (trx, alarm) => {
  const t = await repo.lockTask(trx, alarm.id);
  if (!t || t.state !== 'open' || new Date(t.due_at).toISOString() !== alarm.due) return;
  await repo.setTaskSla(trx, t.id, alarm.level);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const meetingsJobs = (): JobDefinition<any>[] => [taskAlarm];

/** A closed vote on a meeting's decision: its result is recorded on the agenda item. */
export function registerVoteOutcome(): void {
  onVoteClosed('meeting', async (trx, vote, result: VoteResult) => {
    if (vote.subjectId) await repo.updateItem(trx, vote.subjectId, { vote_result: JSON.stringify(result) });
  });
}

/** A locked agenda item with its meeting, which the actor manages. */
async function managedItem(trx: Executor, actor: Actor, itemId: string) {
  const item = await repo.lockItem(trx, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  const m = await repo.lockMeeting(trx, item.meeting_id);
  if (!m || !mayRead(actor, m.place_path)) throw new AppError('NOT_FOUND');
  assertManages(actor, m.place_path);
  return { item, m };
}

async function audit(
  trx: Executor,
  actor: Actor,
  action: string,
  item: { id: string; tenant_id: string },
  after: object,
  now: Date,
) {
  await recordAudit(
    trx,
    actor,
    {
      action: `meeting.${action}`,
      entityType: 'deliberation_agenda_item',
      entityId: item.id,
      tenantId: item.tenant_id,
      after,
    },
    now,
  );
}

/** 会议记录: the summary and each party's positions of one item (replaces what was there). */
export async function saveMinutes(deps: MeetingsDeps, actor: Actor, itemId: string, input: MinutesInputT) {
  const now = deps.clock.now();
  const meetingId = await deps.db.transaction().execute(async (trx) => {
    const { item, m } = await managedItem(trx, actor, itemId);
    if (m.state !== 'in_progress' && m.state !== 'held') throw new AppError('MEETING_ACTION_NOT_ALLOWED');
    if (item.followed_up_at) throw new AppError('MEETING_FOLLOWED_UP');
    await repo.updateItem(trx, itemId, { summary: input.summary });
    await repo.deletePositions(trx, itemId);
    await repo.insertPositions(
      trx,
      input.positions.map((p, i) => ({
        id: newId(),
        tenant_id: item.tenant_id,
        item_id: itemId,
        party_kind: p.partyKind,
        body: p.text,
        position: i + 1,
        created_by: actor.userId!,
        created_at: now,
      })),
    );
    await audit(trx, actor, 'minutes', item, { positions: input.positions.length }, now);
    return m.id;
  });
  return get(deps, actor, meetingId);
}

/** A decision's vote closes a week after the decision unless the worker says otherwise. */
const voteDaysByDefault = 7;

/** 形成决议: scheduled → decided; optionally a yes/no/abstain vote of the hall's residents (a draft for the votes area). */
export async function decide(deps: MeetingsDeps, actor: Actor, itemId: string, input: DecideInputT) {
  const now = deps.clock.now();
  const meetingId = await deps.db.transaction().execute(async (trx) => {
    const { item, m } = await managedItem(trx, actor, itemId);
    if (m.state !== 'in_progress') throw new AppError('MEETING_ACTION_NOT_ALLOWED');
    if (item.outcome !== null) throw new AppError('MEETING_ITEM_SETTLED');
    await moveTopic(trx, item.topic_id, 'decide', now);
    let voteId: string | null = null;
    if (input.vote) {
      const topic = (await repo.findTopic(trx, item.topic_id))!;
      const v = input.vote;
      voteId = await createVote(
        trx,
        {
          tenantId: m.tenant_id,
          communityId: m.community_id,
          scopePlaceId: m.grid_id ?? m.community_id,
          subject: { kind: 'meeting', id: itemId },
          title: v.title ?? topic.title,
          description: input.decision,
          method: 'yes_no_abstain',
          secret: v.secret,
          electorate: v.electorate,
          allowPhone: v.allowPhone,
          allowPaper: v.allowPaper,
          quorumPercent: v.quorumPercent,
          majority: v.majority,
          opensAt: null,
          // Without a closing time the draft could never be opened (the console's decision dialog sends none).
          closesAt: v.closesAt ? new Date(v.closesAt) : new Date(now.getTime() + voteDaysByDefault * 86_400_000),
          createdBy: actor.userId!,
        },
        now,
      );
    }
    await repo.updateItem(trx, itemId, {
      outcome: 'decided',
      decision: input.decision,
      decided_at: now,
      vote_id: voteId,
    });
    await audit(trx, actor, 'decide', item, { voteId }, now);
    return m.id;
  });
  return get(deps, actor, meetingId);
}

/** 提交街道: the topic goes up to the street with the meeting's record (accepted/scheduled/decided → handed_up). */
export async function handUp(deps: MeetingsDeps, actor: Actor, itemId: string, reason: string) {
  const now = deps.clock.now();
  const meetingId = await deps.db.transaction().execute(async (trx) => {
    const { item, m } = await managedItem(trx, actor, itemId);
    if (m.state === 'planned' || m.state === 'cancelled') throw new AppError('MEETING_ACTION_NOT_ALLOWED');
    if (item.outcome === 'handed_up' || item.followed_up_at) throw new AppError('MEETING_ITEM_SETTLED');
    await moveTopic(trx, item.topic_id, 'hand_up', now);
    await repo.updateItem(trx, itemId, { outcome: 'handed_up', hand_up_reason: reason, handed_up_at: now });
    await audit(trx, actor, 'hand_up', item, { reason }, now);
    return m.id;
  });
  return get(deps, actor, meetingId);
}

/** The owner of a task: a staff member with a place membership at, above or below the community, or a department of the county. */
async function ownerOf(
  db: Executor,
  input: TaskInputT,
  m: { tenant_id: string; place_path: string },
  communityPath: string,
) {
  if (input.departmentId) {
    const d = await repo.findDepartment(db, input.departmentId);
    if (!d || d.tenant_id !== m.tenant_id) throw new AppError('MEETING_OWNER_INVALID');
    return { userId: null, department: d, name: d.name };
  }
  const memberships = await repo.placeMembershipsOf(db, input.ownerUserId!);
  const staff = memberships.filter(
    (x) =>
      x.status === 'active' &&
      x.role !== 'resident' &&
      (isUnder(communityPath, x.path) || isUnder(x.path, communityPath)),
  );
  if (staff.length === 0) throw new AppError('MEETING_OWNER_INVALID');
  return { userId: input.ownerUserId!, department: null, name: staff[0]!.display_name };
}

/** 任务: one of a decision's tasks. A case is filed and dispatched to the department; a whistle summons it. */
export async function addTask(deps: MeetingsDeps, actor: Actor, itemId: string, input: TaskInputT) {
  const { db, clock } = deps;
  const found = await repo.findItem(db, itemId);
  if (!found) throw new AppError('NOT_FOUND');
  const meeting = await repo.findMeeting(db, found.meeting_id);
  if (!meeting || !mayRead(actor, meeting.place_path)) throw new AppError('NOT_FOUND');
  assertManages(actor, meeting.place_path);
  if (found.outcome !== 'decided' || found.followed_up_at) throw new AppError('MEETING_ITEM_NOT_DECIDED');
  const owner = await ownerOf(db, input, meeting, meeting.community_path);
  if (input.kind !== 'task' && !owner.department) throw new AppError('MEETING_OWNER_INVALID');
  const now = clock.now();
  const due = new Date(input.dueAt);
  if (due <= now)
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'dueAt', message: '截止时间须晚于现在' }] });
  const taskId = newId();
  const placeCode = meeting.grid_code ?? meeting.community_code;
  const description = `【议事决议任务】${input.title}（议题：${found.topic_title}；决议：${found.decision}）`;
  let caseId: string | null = null;
  if (input.kind === 'case' && can(actor, 'cases:intake', meeting.place_path)) {
    // Through the cases feature: filed (idempotent by the task's key), accepted, dispatched to the department.
    const filed = await deps.fileCase(actor, {
      channel: 'patrol',
      placeCode,
      exactPlace: true,
      address: `${meeting.community_name}${meeting.grid_name ?? ''}`,
      priority: 'normal',
      description: description.slice(0, 1900),
      reporterName: actor.displayName,
      reporterUserId: actor.userId,
      photoIds: [],
      idempotencyKey: `meeting-task-${taskId}`,
    });
    caseId = filed.id;
    await deps.caseAction(actor, caseId, 'accept', {});
    const hours = Math.max(1, Math.ceil((due.getTime() - now.getTime()) / 3_600_000));
    await deps.caseAction(actor, caseId, 'dispatch', {
      target: { kind: 'department', id: owner.department!.id },
      resolveHours: Math.min(hours, 24 * 90),
    });
  } else if (input.kind === 'case') throw new AppError('FORBIDDEN');
  await db.transaction().execute(async (trx) => {
    const { item } = await managedItem(trx, actor, itemId);
    if (item.outcome !== 'decided' || item.followed_up_at) throw new AppError('MEETING_ITEM_NOT_DECIDED');
    let whistleId: string | null = null;
    if (input.kind === 'whistle') {
      const blown = await deps.blowWhistle(trx, actor, {
        placeCode,
        subject: `议事决议：${found.topic_title}`.slice(0, 80),
        request: description.slice(0, 1000),
        departmentCodes: [owner.department!.code],
        adviserIds: [],
        ackMinutes: 30,
        arriveMinutes: 120,
      });
      whistleId = blown.id;
    }
    await repo.insertTask(trx, {
      id: taskId,
      tenant_id: item.tenant_id,
      item_id: itemId,
      title: input.title,
      kind: input.kind,
      owner_user_id: owner.userId,
      owner_department_id: owner.department?.id ?? null,
      owner_name: owner.name,
      due_at: due,
      state: 'open',
      case_id: caseId,
      whistle_id: whistleId,
      done_at: null,
      done_by: null,
      created_by: actor.userId!,
      created_at: now,
    });
    await watchDeadline(trx, clock, taskAlarm, { id: taskId, clock: taskClock, start: now, due });
    await audit(trx, actor, 'task.add', item, { taskId, kind: input.kind, caseId, whistleId }, now);
  });
  return get(deps, actor, meeting.id);
}

/** 办结: the community (or the task's own staff owner) marks it done with a report. */
export async function taskDone(deps: MeetingsDeps, actor: Actor, taskId: string, report: string) {
  const now = deps.clock.now();
  const manage = await deps.db.transaction().execute(async (trx) => {
    const t = await repo.findTaskWithMeeting(trx, taskId);
    if (!t || !(mayRead(actor, t.place_path) || t.owner_user_id === actor.userId)) throw new AppError('NOT_FOUND');
    if (t.owner_user_id !== actor.userId) assertManages(actor, t.place_path);
    const locked = (await repo.lockTask(trx, taskId))!;
    if (locked.state !== 'open') throw new AppError('MEETING_TASK_DONE');
    await repo.updateTask(trx, taskId, { state: 'done', report, done_at: now, done_by: actor.userId });
    await audit(trx, actor, 'task.done', { id: t.item_id, tenant_id: t.tenant_id }, { taskId }, now);
    return mayManage(actor, t.place_path);
  });
  const row = (await repo.tasksOf(deps.db, [(await repo.findTaskWithMeeting(deps.db, taskId))!.item_id])).find(
    (t) => t.id === taskId,
  )!;
  return presentTask(row, actor, manage, now);
}

/** 反馈办结: every task done, the community reports back; the topic closes (decided → closed). */
export async function followUp(deps: MeetingsDeps, actor: Actor, itemId: string, report: string) {
  const now = deps.clock.now();
  const meetingId = await deps.db.transaction().execute(async (trx) => {
    const { item, m } = await managedItem(trx, actor, itemId);
    if (item.outcome !== 'decided') throw new AppError('MEETING_ITEM_NOT_DECIDED');
    if (item.followed_up_at) throw new AppError('MEETING_FOLLOWED_UP');
    if ((await repo.tasksOf(trx, [itemId])).some((t) => t.state !== 'done')) throw new AppError('MEETING_TASKS_OPEN');
    await moveTopic(trx, item.topic_id, 'close', now);
    await repo.updateItem(trx, itemId, { follow_up: report, followed_up_at: now, followed_up_by: actor.userId });
    await audit(trx, actor, 'follow_up', item, {}, now);
    return m.id;
  });
  return get(deps, actor, meetingId);
}
