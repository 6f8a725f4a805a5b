import type { TopicParty } from '../../../../shared/decide.js';
import type { HomeCommunity } from '../../../platform/community/person.js';
import { can, type Actor } from '../../../platform/policy.js';
import { scopeOf, type Scope } from '../../../platform/scope.js';

// Who may, for 议题. The community (deliberation:manage over the topic's place) screens; staff who
// read community life there (community:read) see the topics; whoever raised a topic sees it and may
// withdraw it; the residents of its community (their home community) see its public topics and
// second them. Anything else reads as not found.

const staffPermissions = ['deliberation:manage', 'community:read'] as const;

export const mayManage = (actor: Actor, path: string): boolean => can(actor, 'deliberation:manage', path);
export const isStaffOver = (actor: Actor, path: string): boolean => staffPermissions.some((p) => can(actor, p, path));

/** The console's list: every place membership granting one of the staff permissions. */
export function topicsScopeOf(actor: Actor): Scope {
  const base = scopeOf(actor, 'community:read', { placesOnly: true });
  if (base.all) return base;
  const paths = new Set(staffPermissions.flatMap((p) => scopeOf(actor, p, { placesOnly: true }).paths));
  return { ...base, paths: [...paths] };
}

export interface TopicAccess {
  community_id: string;
  place_path: string;
  raised_by: string;
  is_public: boolean;
}

/** A resident of the topic's community, who did not raise it. */
const isNeighbour = (actor: Actor, t: TopicAccess, home: HomeCommunity | null) =>
  actor.userId !== null && home !== null && home.id === t.community_id && t.raised_by !== actor.userId;

export function sees(actor: Actor, t: TopicAccess, home: HomeCommunity | null): boolean {
  if (actor.kind === 'system' || isStaffOver(actor, t.place_path)) return true;
  if (actor.userId !== null && t.raised_by === actor.userId) return true;
  return t.is_public && isNeighbour(actor, t, home);
}

/** The parties of the transition table the actor is, for one topic. */
export function partiesOf(actor: Actor, t: TopicAccess, home: HomeCommunity | null): TopicParty[] {
  if (actor.kind === 'system') return ['system'];
  const parties: TopicParty[] = [];
  if (mayManage(actor, t.place_path)) parties.push('community');
  if (actor.userId !== null && t.raised_by === actor.userId) parties.push('raiser');
  if (t.is_public && isNeighbour(actor, t, home)) parties.push('resident');
  return parties;
}
