import type { Selectable } from 'kysely';
import type { CommunityWishesTable } from '../../../platform/db/schema-wishes.js';
import type { Actor } from '../../../platform/policy.js';
import { wishActionsFor } from './lifecycle.js';
import { isStaffOver, partiesOf } from './policy.js';
import { maskName } from '../../../../shared/identity.js';

// What a wish looks like to one actor: the beneficiary's name in full only to staff of the place,
// the poster and the beneficiary (黄*兰 to everyone else); the actions this actor may take.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export type WishRow = Selectable<CommunityWishesTable> & {
  community_name: string;
  claimer_name: string | null;
  claimer_organisation_name: string | null;
};

export function presentWish(w: WishRow, actor: Actor, seesWall: boolean, pointsCredited: number | null = null) {
  const me = actor.userId;
  const staff = isStaffOver(actor, w.place_path);
  const own = me !== null && (w.posted_by === me || w.beneficiary_user_id === me);
  const claimedByMe = me !== null && w.claimed_by === me;
  const claimerName =
    w.claimer_organisation_name ??
    (w.claimer_name === null ? null : staff || claimedByMe ? w.claimer_name : maskName(w.claimer_name));
  return {
    id: w.id,
    communityName: w.community_name,
    category: w.category,
    content: w.content,
    photoIds: w.photo_ids,
    beneficiaryName: staff || own ? w.beneficiary_name : maskName(w.beneficiary_name),
    postedForResident: w.beneficiary_resident_id !== null,
    mine: own,
    state: w.state,
    rejectReason: w.reject_reason,
    claimerName,
    claimedByUnit: w.claimer_organisation_id !== null,
    claimedByMe,
    claimedAt: iso(w.claimed_at),
    fulfilDueAt: iso(w.fulfil_due_at),
    fulfilPhotoIds: w.fulfil_photo_ids,
    fulfilNote: w.fulfil_note,
    fulfilledAt: iso(w.fulfilled_at),
    thanksMessage: w.thanks_message,
    thankedAt: iso(w.thanked_at),
    createdAt: iso(w.created_at)!,
    actions: wishActionsFor(w.state, partiesOf(actor, w, seesWall)),
    pointsCredited,
  };
}
