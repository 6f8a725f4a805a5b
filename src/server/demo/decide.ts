import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { Random } from './random.js';
import type { CommunityDemoContext } from './community-context.js';
import { seedDemoTopics } from './decide-topics.js';
import { seedDemoMeetings } from './decide-meetings.js';
import { seedDemoVotes } from './decide-votes.js';
import { seedDemoSupervisors } from './decide-supervisors.js';
import { seedDemoNotices } from './decide-notices.js';
import { seedDemoHonours } from './decide-honours.js';
import { seedDemoPublicPage } from './decide-public-page.js';
import { seedDemoRegistryLogins } from './decide-residents.js';

// 居民议事 (issue 17): the demo county's deciding in public, area by area, each from its own seed.

export async function seedDemoDeciding(
  trx: Transaction<Database>,
  base: Omit<CommunityDemoContext, 'random'>,
  seed: number,
) {
  // Topics first (meetings put them on agendas, votes decide them), notices after (they publish results).
  const steps = [
    seedDemoTopics,
    seedDemoMeetings,
    seedDemoVotes,
    seedDemoSupervisors,
    seedDemoNotices,
    seedDemoHonours,
    seedDemoPublicPage,
  ];
  const stats: Record<string, number> = {
    registryLogins: await seedDemoRegistryLogins(trx, { ...base, random: new Random(seed) }),
  };
  for (const [i, step] of steps.entries())
    Object.assign(stats, await step(trx, { ...base, random: new Random(seed + 100 + i) }));
  return stats;
}
