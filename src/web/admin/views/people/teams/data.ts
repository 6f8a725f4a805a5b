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

/**
 * The server's reasons for refusing a team, one line per field (`队名：含有不可见的控制字符…`), from the
 * error's `details.issues`; `label` names a field by its path (empty: the reason alone).
 */
export function issueLines(details: unknown, label: (path: string) => string): string[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i): i is { path: string; message: string } => typeof i?.message === 'string')
    .map((i) => {
      const name = typeof i.path === 'string' ? label(i.path) : '';
      return name ? `${name}：${i.message}` : i.message;
    });
}
