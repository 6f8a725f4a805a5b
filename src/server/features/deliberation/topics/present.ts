import { topicActionsFor, type TopicAction, type TopicParty } from '../../../../shared/decide.js';
import { maskName } from '../../../../shared/identity.js';
import type { Actor } from '../../../platform/policy.js';
import { isStaffOver } from './policy.js';
import type * as repo from './repository.js';

// What a topic looks like to one actor: the raiser's name in full only to staff of its place and to
// the raiser, masked (黄*兰) to the neighbours; the case's tracking code only to staff and the raiser;
// the buttons of the actions this area takes over HTTP that the transition table allows.

export type TopicRow = NonNullable<Awaited<ReturnType<typeof repo.findTopic>>>;
export type TopicEventRow = Awaited<ReturnType<typeof repo.eventsOf>>[number];

/** The actions taken here; schedule, decide, hand up and close come from the meetings (applyTopicAction). */
export const httpTopicActions = [
  'second',
  'screen_in',
  'accept',
  'reject',
  'withdraw',
] as const satisfies TopicAction[];
export type HttpTopicAction = (typeof httpTopicActions)[number];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentTopic(t: TopicRow, actor: Actor, parties: TopicParty[], secondedByMe: boolean) {
  const staff = actor.kind === 'system' || isStaffOver(actor, t.place_path);
  const mine = actor.userId !== null && t.raised_by === actor.userId;
  const actions = topicActionsFor(t.state, parties).filter(
    (a): a is HttpTopicAction =>
      (httpTopicActions as readonly string[]).includes(a) && !(a === 'second' && secondedByMe),
  );
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    body: t.body,
    communityName: t.community_name,
    communityCode: t.community_code,
    placeName: t.place_name,
    /** 社区议事厅 for a community's topic, 网格议事厅 for a grid's or a building's */
    hall: t.place_kind === 'community' ? ('community' as const) : ('grid' as const),
    raisedVia: t.raised_via,
    raiserName: staff || mine ? t.raiser_name : maskName(t.raiser_name),
    mine,
    isPublic: t.is_public,
    state: t.state,
    secondsCount: t.seconds_count,
    secondsNeeded: t.seconds_needed,
    secondedByMe,
    screenNote: t.screen_note,
    screenedAt: iso(t.screened_at),
    caseId: staff ? t.case_id : null,
    caseTrackingCode: staff || mine ? t.case_tracking_code : null,
    createdAt: iso(t.created_at)!,
    actions,
  };
}

export function presentEvent(e: TopicEventRow, staff: boolean) {
  return {
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    byParty: e.by_party,
    /** the person's name to staff of the place only */
    byName: staff ? e.by_name : null,
    note: e.note,
    at: iso(e.at)!,
  };
}
