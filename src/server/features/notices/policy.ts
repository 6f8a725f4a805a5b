import { AppError } from '../../platform/errors.js';
import { can, placeScopePaths, type Actor } from '../../platform/policy.js';
import { isUnder } from '../../platform/scope.js';
import type { NoticeParty } from './lifecycle.js';

// Who may, for 五公开. Staff see the notices of the places where they hold notices:write or
// notices:approve (every membership); they write where they hold notices:write and approve where
// they hold notices:approve — never a notice they drafted or last edited (four eyes). Residents see
// the published notices of their home community that target it, their grid or their building.

/** The places whose notices a staff list shows: every place membership granting either permission. */
export function noticeStaffPaths(actor: Actor): string[] {
  const paths = [...placeScopePaths(actor, 'notices:write'), ...placeScopePaths(actor, 'notices:approve')];
  return [...new Set(paths)].filter((p, _i, all) => !all.some((q) => q !== p && isUnder(p, q)));
}

export const isNoticeStaff = (actor: Actor, path: string): boolean =>
  can(actor, 'notices:write', path) || can(actor, 'notices:approve', path);

export interface NoticeParties {
  place_path: string;
  author_id: string;
  last_edited_by: string;
}

/** Drafted or last edited by this actor: they may not approve it. */
export const wroteIt = (actor: Actor, n: NoticeParties): boolean =>
  actor.userId !== null && (n.author_id === actor.userId || n.last_edited_by === actor.userId);

export function partiesOf(actor: Actor, n: NoticeParties): NoticeParty[] {
  const parties: NoticeParty[] = [];
  if (can(actor, 'notices:write', n.place_path)) parties.push('writer');
  if (can(actor, 'notices:approve', n.place_path) && !wroteIt(actor, n)) parties.push('approver');
  return parties;
}

/** Out of sight reads as not found, so notice ids cannot be probed. */
export function assertSees(sees: boolean): void {
  if (!sees) throw new AppError('NOT_FOUND');
}
