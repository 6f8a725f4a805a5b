import type { PiiCipher } from '../platform/pii.js';
import type { Random } from './random.js';

// What every area's demo seeding gets (issue 16).
export interface CommunityDemoContext {
  random: Random;
  pii: PiiCipher;
  /** demo logins by username (demoUsers in seed.ts) */
  userIds: Map<string, string>;
  /** places by code */
  placeIds: Map<string, string>;
  tenantId: string;
  now: Date;
}
