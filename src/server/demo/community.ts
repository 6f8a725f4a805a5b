import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { Random } from './random.js';
import type { CommunityDemoContext } from './community-context.js';
import { seedDemoVolunteers } from './community-volunteers.js';
import { seedDemoWishes } from './community-wishes.js';
import { seedDemoShop } from './community-shop.js';
import { seedDemoRooms } from './community-rooms.js';
import { seedDemoStewards } from './community-stewards.js';
import { seedDemoUnits } from './community-units.js';
import { seedDemoCanteen } from './community-canteen.js';

// 邻里生活 (issue 16): the demo county's community life, area by area, each from its own seed.

export async function seedDemoCommunityLife(
  trx: Transaction<Database>,
  base: Omit<CommunityDemoContext, 'random'>,
  seed: number,
) {
  // Units first (others credit them), then the people's areas, the shop last (it spends what they earned).
  const steps = [
    seedDemoUnits,
    seedDemoVolunteers,
    seedDemoStewards,
    seedDemoWishes,
    seedDemoRooms,
    seedDemoCanteen,
    seedDemoShop,
  ];
  const stats: Record<string, number> = {};
  for (const [i, step] of steps.entries())
    Object.assign(stats, await step(trx, { ...base, random: new Random(seed + 100 + i) }));
  return stats;
}
