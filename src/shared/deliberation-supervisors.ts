// 百姓监督员 (issue 17): the words of supervisor projects, shared by the server and the web.
// A project (e.g. 老旧小区改造) on a community, grid or building: a public call, candidates with their
// statements, an election by the one vote kernel, supervisors with terms, inspection logs and issues.

export const projectStates = [
  'calling', // 公开招募: residents of the place apply with a statement
  'electing', // 选举中: the election vote is created (and opened, counted by the vote kernel)
  'active', // 监督中: supervisors at work
  'ended', // 已结束: terms ended, memberships gone
  'cancelled', // 已取消
] as const;
export type ProjectState = (typeof projectStates)[number];

export const projectActions = ['start_election', 'elected', 'appoint', 'reopen_call', 'end', 'cancel'] as const;
export type ProjectAction = (typeof projectActions)[number];

/** Who may move a project: the community (deliberation:manage over its place) or the system (a closed vote). */
export type ProjectParty = 'community' | 'system';

export interface ProjectTransition {
  from: readonly ProjectState[];
  to: ProjectState;
  by: readonly ProjectParty[];
}

// calling → electing (start the election) → active (the vote closes with winners: system)
// calling | electing → active (appoint directly, decided on paper, with a reason)
// electing → calling (the election failed or was dropped: call again)
// active → ended (end the project: every term ends); calling | electing → cancelled
export const projectTransitions: Record<ProjectAction, ProjectTransition> = {
  start_election: { from: ['calling'], to: 'electing', by: ['community'] },
  elected: { from: ['electing'], to: 'active', by: ['system'] },
  appoint: { from: ['calling', 'electing', 'active'], to: 'active', by: ['community'] },
  reopen_call: { from: ['electing'], to: 'calling', by: ['community'] },
  end: { from: ['active'], to: 'ended', by: ['community'] },
  cancel: { from: ['calling', 'electing'], to: 'cancelled', by: ['community'] },
};

export function projectTransition(state: ProjectState, action: ProjectAction): ProjectTransition | null {
  const t = projectTransitions[action];
  return t.from.includes(state) ? t : null;
}

export const projectActionsFor = (state: ProjectState, parties: readonly ProjectParty[]): ProjectAction[] =>
  projectActions.filter((a) => {
    const t = projectTransition(state, a);
    return t !== null && t.by.some((p) => parties.includes(p));
  });

export const candidateStates = ['applied', 'accepted', 'rejected', 'elected', 'not_elected'] as const;
export type CandidateState = (typeof candidateStates)[number];
export const candidateSources = ['self', 'staff'] as const;
export type CandidateSource = (typeof candidateSources)[number];

export const termStates = ['active', 'ended'] as const;
export type SupervisorTermState = (typeof termStates)[number];
export const termOrigins = ['vote', 'appointed'] as const;
export type TermOrigin = (typeof termOrigins)[number];

export const logKinds = ['progress', 'quality', 'safety'] as const;
export type LogKind = (typeof logKinds)[number];

export const issueStates = ['raised', 'case', 'whistle'] as const;
export type IssueState = (typeof issueStates)[number];

export const projectStateLabels: Record<ProjectState, string> = {
  calling: '公开招募',
  electing: '选举中',
  active: '监督中',
  ended: '已结束',
  cancelled: '已取消',
};
