import type { AppDeps } from '../../../deps.js';
import { can, type Actor } from '../../../platform/policy.js';
import { chinaDay } from '../../../../shared/hall.js';
import { createBookingService } from '../rooms/index.js';
import { createGoodsService } from '../shop/index.js';
import { createStewardsService } from '../stewards/index.js';
import { createUnitsService } from '../units/index.js';
import { createPostService } from '../volunteers/index.js';
import { createWishReads } from '../wishes/index.js';
import type { TodoKind, TodoT } from './schemas.js';

// 待办 for the console's workbench: what waits for the user in community life, counted with each area's
// own list (its scope, and the actions it says the user may take); a kind shows only to those who may act.

const PAGE = 100;

export function createTodoService(deps: AppDeps) {
  const wishes = createWishReads(deps);
  const units = createUnitsService(deps);
  const goods = createGoodsService(deps);
  const stewards = createStewardsService(deps);
  const bookings = createBookingService(deps);
  const posts = createPostService(deps);

  /** Placed redemptions the user may hand over, page by page (the list is paged). */
  async function redemptionsToHandOver(actor: Actor) {
    let n = 0;
    for (let page = 1; page <= 50; page += 1) {
      const rows = await goods.listRedemptions(actor, { state: 'placed', page, pageSize: PAGE });
      n += rows.filter((r) => r.actions.includes('hand_over')).length;
      if (rows.length < PAGE) break;
    }
    return n;
  }

  async function todo(actor: Actor): Promise<TodoT> {
    const day = chinaDay(deps.clock.now());
    const items: TodoT['items'] = [];
    const add = (kind: TodoKind, count: number) => items.push({ kind, count });
    // Reading community life is the door; acting needs community:manage somewhere in scope.
    if (!can(actor, 'community:read') || !can(actor, 'community:manage')) return { day, items };

    const submitted = await wishes.list(actor, { state: 'submitted' });
    add('wishesToReview', submitted.filter((w) => w.actions.includes('approve')).length);
    const entries = await units.pending(actor, undefined);
    add('entriesToConfirm', entries.filter((e) => e.actions.includes('confirm')).length);
    add('redemptionsToHandOver', await redemptionsToHandOver(actor));
    const buildings = await stewards.buildings(actor, undefined);
    add('stewardNominations', buildings.filter((b) => b.standingNominations > 0).length);
    add('stewardVotes', buildings.filter((b) => b.openVoteId !== null).length);
    const today = await bookings.list(actor, { from: day, to: day });
    add('bookingsToday', today.filter((b) => b.actions.includes('check-in') || b.actions.includes('complete')).length);
    const records = await posts.records(actor, undefined);
    add('postRecordsToConfirm', records.filter((r) => !r.confirmed).length);
    return { day, items };
  }

  return { todo };
}

export type TodoService = ReturnType<typeof createTodoService>;
