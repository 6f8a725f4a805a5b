// 居民议事与表决 (issue 17): the words and workflows of deciding in public, shared by the server and
// the web. Topics move by the transition table below; votes by the vote kernel
// (server/platform/decide/votes.ts). Meetings, supervisors, notices and honours keep their own words
// beside their features (shared/deliberation-*.ts, shared/notices.ts, shared/honours.ts).

// ——— Votes (表决) ———
export const voteMethods = ['options', 'yes_no_abstain'] as const;
export type VoteMethod = (typeof voteMethods)[number];
/** one ballot per registry resident of the scope, or one per household */
export const voteElectorates = ['residents', 'households'] as const;
export type VoteElectorate = (typeof voteElectorates)[number];
/** simple: more for than against (options: most marks); absolute: more than half of the ballots cast; two_thirds: at least 2/3 of them */
export const voteMajorities = ['simple', 'absolute', 'two_thirds'] as const;
export type VoteMajority = (typeof voteMajorities)[number];
export const voteStates = ['draft', 'open', 'closed', 'cancelled'] as const;
export type VoteState = (typeof voteStates)[number];
export const voteSubjectKinds = ['standalone', 'meeting', 'supervisor_election', 'steward_election'] as const;
export type VoteSubjectKind = (typeof voteSubjectKinds)[number];
export const voteChannels = ['phone', 'paper'] as const;
export type VoteChannel = (typeof voteChannels)[number];
/** The fixed options of a yes/no/abstain vote, in this order (positions 1, 2, 3). */
export const yesNoAbstain = ['yes', 'no', 'abstain'] as const;

/** What a closed vote decided, frozen in votes.result when it closes. */
export interface VoteResult {
  eligible: number;
  cast: number;
  /** cast / eligible in percent, one decimal */
  turnoutPercent: number;
  quorumMet: boolean;
  /** marks per option, in the options' order */
  counts: { optionId: string; label: string; votes: number }[];
  /** yes/no/abstain: the motion carried; options: winners were found */
  passed: boolean;
  /** options: the winning options (up to `seats`); empty when no quorum, no majority or a tie at the last seat */
  winners: string[];
  /** why it did not pass: 'no_quorum' | 'no_majority' | 'tie' | null */
  failure: 'no_quorum' | 'no_majority' | 'tie' | null;
}

// ——— Topics (议题) ———
export const topicStates = [
  'seconding', // 征集附议: a resident's topic gathers seconds until the community's threshold
  'screening', // 待审议: enough seconds (or raised by a steward, the community or from a case): the community screens it
  'accepted', // 已采纳: to go on a meeting's agenda
  'rejected', // 不予采纳: screened out, with the reason shown to the residents
  'scheduled', // 已列入议程: on a meeting's agenda
  'decided', // 已形成决议: the meeting decided; its tasks are followed up
  'handed_up', // 已提交街道: the community could not settle it; handed up with the meeting's record
  'closed', // 已办结: the decision's tasks are done and reported back
  'withdrawn', // 已撤回: by whoever raised it, before it was screened
] as const;
export type TopicState = (typeof topicStates)[number];
export const topicActions = [
  'second',
  'screen_in',
  'accept',
  'reject',
  'schedule',
  'unschedule',
  'decide',
  'hand_up',
  'close',
  'withdraw',
] as const;
export type TopicAction = (typeof topicActions)[number];
export const topicSources = ['resident', 'steward', 'community', 'case'] as const;
export type TopicSource = (typeof topicSources)[number];

/** Who may take a topic action: the community (deliberation:manage over the topic's place), whoever raised it, any resident, or the system. */
export type TopicParty = 'community' | 'raiser' | 'resident' | 'system';

export interface TopicTransition {
  from: readonly TopicState[];
  to: TopicState;
  by: readonly TopicParty[];
}

// seconding → screening (the threshold is met: system) → accepted | rejected (the community, with a reason)
// accepted → scheduled (put on a meeting's agenda) → decided (the meeting's decision) | handed_up (to the street)
// scheduled → accepted (taken off the agenda); decided → closed (tasks done and reported back)
export const topicTransitions: Record<TopicAction, TopicTransition> = {
  second: { from: ['seconding'], to: 'seconding', by: ['resident'] },
  screen_in: { from: ['seconding'], to: 'screening', by: ['system', 'community'] },
  accept: { from: ['screening', 'seconding'], to: 'accepted', by: ['community'] },
  reject: { from: ['screening', 'seconding'], to: 'rejected', by: ['community'] },
  schedule: { from: ['accepted'], to: 'scheduled', by: ['community'] },
  unschedule: { from: ['scheduled'], to: 'accepted', by: ['community'] },
  decide: { from: ['scheduled'], to: 'decided', by: ['community'] },
  hand_up: { from: ['accepted', 'scheduled', 'decided'], to: 'handed_up', by: ['community'] },
  close: { from: ['decided'], to: 'closed', by: ['community', 'system'] },
  withdraw: { from: ['seconding', 'screening'], to: 'withdrawn', by: ['raiser'] },
};

/** The transition of an action from a state, or null when it is out of turn. */
export function topicTransition(state: TopicState, action: TopicAction): TopicTransition | null {
  const t = topicTransitions[action];
  return t.from.includes(state) ? t : null;
}

/** The actions the parties may take on a topic in this state (the buttons the console and phone show). */
export const topicActionsFor = (state: TopicState, parties: readonly TopicParty[]): TopicAction[] =>
  topicActions.filter((a) => {
    const t = topicTransition(state, a);
    return t !== null && t.by.some((p) => parties.includes(p));
  });
