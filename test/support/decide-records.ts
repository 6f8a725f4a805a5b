import type { AppDeps } from '../../src/server/deps.js';
import { newId } from '../../src/server/platform/ids.js';
import type { NoticeKind, NoticeState } from '../../src/shared/decide-notices.js';
import type { CampaignState } from '../../src/shared/honours.js';
import { buildTopic } from './decide-meetings.js';
import type { BuiltPlace } from './factories.js';
import { userIdOf } from './factories.js';

// 居民议事's records as their areas leave them, for the numbers and the workbench's to-dos: a meeting
// with a decision and its tasks, a vote with its roll, a supervision project with terms, logs and issues,
// a notice with its readers, an honour campaign with its households and objections. Times: the clock's now.

const at = (deps: AppDeps, offsetMs = 0) => new Date(deps.clock.now().getTime() + offsetMs);
const DAY = 86_400_000;

/** A meeting of the community in a state (held: now), one decided topic on its agenda and the item's tasks. */
export async function buildMeeting(
  deps: AppDeps,
  community: BuiltPlace,
  input: {
    title: string;
    by: string;
    state?: 'held' | 'in_progress' | 'planned';
    tasks?: { title: string; dueInDays: number; done?: boolean }[];
  },
) {
  const by = await userIdOf(deps, input.by);
  const now = at(deps);
  const state = input.state ?? 'held';
  const id = newId();
  await deps.db
    .insertInto('deliberation_meetings')
    .values({
      id,
      tenant_id: community.tenantId!,
      community_id: community.id,
      hall: 'community',
      grid_id: null,
      place_path: community.path,
      kind: 'four_party',
      title: input.title,
      starts_at: now,
      location: '社区会议室',
      state,
      checkin_token_hash: null,
      created_by: by,
      created_at: now,
      updated_at: now,
      held_at: state === 'held' ? now : null,
    })
    .execute();
  const topicId = await buildTopic(deps, community, community, {
    title: `${input.title}的议题`,
    raisedBy: input.by,
    state: 'decided',
  });
  const itemId = newId();
  await deps.db
    .insertInto('deliberation_agenda_items')
    .values({
      id: itemId,
      tenant_id: community.tenantId!,
      meeting_id: id,
      topic_id: topicId,
      position: 1,
      outcome: 'decided',
      decision: '同意',
      decided_at: now,
      handed_up_at: null,
      vote_id: null,
      vote_result: null,
      followed_up_at: null,
      followed_up_by: null,
      created_by: by,
      created_at: now,
    })
    .execute();
  for (const t of input.tasks ?? [])
    await deps.db
      .insertInto('deliberation_tasks')
      .values({
        id: newId(),
        tenant_id: community.tenantId!,
        item_id: itemId,
        title: t.title,
        kind: 'task',
        owner_user_id: by,
        owner_department_id: null,
        owner_name: input.by,
        due_at: at(deps, t.dueInDays * DAY),
        state: t.done ? 'done' : 'open',
        case_id: null,
        whistle_id: null,
        done_at: t.done ? now : null,
        done_by: t.done ? by : null,
        created_by: by,
        created_at: now,
      })
      .execute();
  return id;
}

/** A vote over a place: its roll of households, how many of them voted; closed now, or open until closesInDays. */
export async function buildVote(
  deps: AppDeps,
  community: BuiltPlace,
  place: BuiltPlace,
  input: { title: string; by: string; households: BuiltPlace[]; voted: number; closesInDays?: number },
) {
  const by = await userIdOf(deps, input.by);
  const now = at(deps);
  const open = input.closesInDays !== undefined;
  const id = newId();
  await deps.db
    .insertInto('votes')
    .values({
      id,
      tenant_id: community.tenantId!,
      community_id: community.id,
      scope_place_id: place.id,
      scope_path: place.path,
      subject_kind: 'standalone',
      subject_id: null,
      title: input.title,
      method: 'yes_no_abstain',
      secret: true,
      electorate: 'households',
      majority: 'simple',
      state: open ? 'open' : 'closed',
      opens_at: at(deps, -2 * DAY),
      closes_at: open ? at(deps, input.closesInDays! * DAY) : now,
      eligible_count: input.households.length,
      result: null,
      created_by: by,
      created_at: at(deps, -3 * DAY),
      opened_at: at(deps, -2 * DAY),
      closed_at: open ? null : now,
      closed_by: open ? null : by,
    })
    .execute();
  for (const [i, h] of input.households.entries())
    await deps.db
      .insertInto('vote_electors')
      .values({
        vote_id: id,
        tenant_id: community.tenantId!,
        elector_id: h.id,
        household_id: h.id,
        voted_at: i < input.voted ? now : null,
        channel: i < input.voted ? 'paper' : null,
        voter_user_id: null,
        recorded_by: i < input.voted ? by : null,
      })
      .execute();
  return id;
}

/** An active supervision project at a place: one term per supervisor (users), their logs and raised issues. */
export async function buildSupervision(
  deps: AppDeps,
  community: BuiltPlace,
  place: BuiltPlace,
  input: {
    title: string;
    by: string;
    supervisors: string[];
    logs: number;
    issuesRaised: number;
    issuesHandled?: number;
  },
) {
  const by = await userIdOf(deps, input.by);
  const now = at(deps);
  const id = newId();
  await deps.db
    .insertInto('supervision_projects')
    .values({
      id,
      tenant_id: community.tenantId!,
      community_id: community.id,
      place_id: place.id,
      place_path: place.path,
      title: input.title,
      seats: input.supervisors.length,
      state: 'active',
      vote_id: null,
      created_by: by,
      created_at: now,
      updated_at: now,
      ended_at: null,
    })
    .execute();
  const terms: string[] = [];
  for (const username of input.supervisors) {
    const termId = newId();
    terms.push(termId);
    await deps.db
      .insertInto('supervision_terms')
      .values({
        id: termId,
        tenant_id: community.tenantId!,
        project_id: id,
        user_id: await userIdOf(deps, username),
        name: username,
        candidate_id: null,
        origin: 'appointed',
        appoint_reason: '社区推荐',
        vote_id: null,
        membership_id: null,
        state: 'active',
        started_at: now,
        ended_at: null,
        created_by: by,
        ended_by: null,
      })
      .execute();
  }
  for (let i = 0; i < input.logs; i += 1)
    await deps.db
      .insertInto('supervision_logs')
      .values({
        id: newId(),
        tenant_id: community.tenantId!,
        project_id: id,
        term_id: terms[i % terms.length]!,
        kind: 'progress',
        body: `第${i + 1}次巡查`,
        rating: 4,
        lng: null,
        lat: null,
        created_at: now,
      })
      .execute();
  const issues = input.issuesRaised + (input.issuesHandled ?? 0);
  for (let i = 0; i < issues; i += 1)
    await deps.db
      .insertInto('supervision_issues')
      .values({
        id: newId(),
        tenant_id: community.tenantId!,
        project_id: id,
        term_id: terms[0]!,
        body: `发现问题${i + 1}`,
        state: i < input.issuesRaised ? 'raised' : 'whistle',
        case_id: null,
        whistle_id: null,
        handled_by: i < input.issuesRaised ? null : by,
        handled_at: i < input.issuesRaised ? null : now,
        created_at: now,
      })
      .execute();
  return id;
}

/** A notice of a kind at a place, in a state (published: now), read by the given users. */
export async function buildNotice(
  deps: AppDeps,
  community: BuiltPlace,
  place: BuiltPlace,
  input: { title: string; by: string; kind: NoticeKind; state?: NoticeState; readers?: string[] },
) {
  const by = await userIdOf(deps, input.by);
  const now = at(deps);
  const state = input.state ?? 'published';
  const published = state === 'published' || state === 'withdrawn';
  const id = newId();
  await deps.db
    .insertInto('public_notices')
    .values({
      id,
      tenant_id: community.tenantId!,
      community_id: community.id,
      place_id: place.id,
      place_path: place.path,
      kind: input.kind,
      title: input.title,
      body: `${input.title}：详见公示。`,
      finance_lines: '[]',
      income_fen: 0,
      expense_fen: 0,
      balance_fen: 0,
      state,
      author_id: by,
      last_edited_by: by,
      submitted_at: state === 'draft' ? null : now,
      // Another user approves (the table refuses the author approving their own).
      approved_by: published ? await userIdOf(deps, 'officer') : null,
      published_at: published ? now : null,
      published_year: published ? Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) : null,
      return_reason: null,
      withdraw_reason: null,
      withdrawn_at: null,
      anonymous_views: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const userId of input.readers ?? [])
    await deps.db
      .insertInto('public_notice_reads')
      .values({ notice_id: id, user_id: userId, tenant_id: community.tenantId!, read_at: now })
      .execute();
  return id;
}

/** An honour campaign of the community for a year, in a state, honouring households; objections lodged by users. */
export async function buildCampaign(
  deps: AppDeps,
  community: BuiltPlace,
  input: {
    title: string;
    by: string;
    year: number;
    state: CampaignState;
    honoured: BuiltPlace[];
    objections?: { by: string; answered: boolean }[];
  },
) {
  const by = await userIdOf(deps, input.by);
  const now = at(deps);
  const id = newId();
  await deps.db
    .insertInto('honour_campaigns')
    .values({
      id,
      tenant_id: community.tenantId!,
      place_id: community.id,
      place_path: community.path,
      kind: 'civilised_household',
      year: input.year,
      title: input.title,
      state: input.state,
      star_bands: JSON.stringify([{ stars: 5, minPoints: 90 }]),
      objection_ends_on: null,
      created_by: by,
      created_at: now,
      updated_at: now,
      published_at: input.state === 'published' ? now : null,
    })
    .execute();
  for (const h of input.honoured)
    await deps.db
      .insertInto('honour_nominations')
      .values({
        id: newId(),
        tenant_id: community.tenantId!,
        campaign_id: id,
        household_id: h.id,
        household_path: h.path,
        resident_id: null,
        nominee_key: h.id,
        kind: 'staff',
        reason: '热心公益',
        nominated_by: by,
        created_at: now,
        shortlisted: true,
        stars: 5,
        result: 'honoured',
      })
      .execute();
  for (const o of input.objections ?? [])
    await deps.db
      .insertInto('honour_objections')
      .values({
        id: newId(),
        tenant_id: community.tenantId!,
        campaign_id: id,
        nomination_id: null,
        body: '我有不同意见',
        lodged_by: await userIdOf(deps, o.by),
        lodged_at: now,
        answer: o.answered ? '已核实' : '',
        answered_by: o.answered ? by : null,
        answered_at: o.answered ? now : null,
      })
      .execute();
  return id;
}
