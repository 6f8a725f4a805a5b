import type { VolunteerCandidate, VolunteerTeam } from '../../../../common/api-types';

/** How many people serve in a team: the leader and the members, each counted once. */
export function teamSize(team: VolunteerTeam): number {
  const ids = new Set(team.members.map((m) => m.id));
  if (team.leader) ids.add(team.leader.id);
  return ids.size;
}

/** The members' names (not the leader's), for a list cell; `—` when there are none. */
export function memberNames(team: VolunteerTeam, separator: string): string {
  const names = team.members.filter((m) => m.id !== team.leader?.id).map((m) => m.name);
  return names.length ? names.join(separator) : '—';
}

/** A candidate as offered in the pickers: name, masked phone and where the account sits. */
export function candidateLabel(c: VolunteerCandidate): string {
  return [c.name, c.phone ?? '', c.place].filter(Boolean).join(' · ');
}

/** Filter by the words typed: team name, place, leader or a member. */
export function matchesTeam(team: VolunteerTeam, needle: string): boolean {
  if (!needle) return true;
  return [team.name, team.place.name, team.leader?.name ?? '', ...team.members.map((m) => m.name)].some((s) =>
    s.includes(needle),
  );
}

/**
 * The form's people as the API wants them: the leader apart, the members without the leader
 * (choosing the leader also as a member would count them twice).
 */
export function peopleInput(leaderId: string, memberIds: string[]) {
  return {
    leaderUserId: leaderId || null,
    memberUserIds: [...new Set(memberIds)].filter((id) => id !== leaderId),
  };
}
