import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { Database } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy.js';
import type { CasesService } from '../../cases/index.js';
import type { WhistleInputT } from '../../whistle/index.js';

/** What the meetings' operations are given: the cases feature's intake and actions, the whistle's blow. */
export interface MeetingsDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  fileCase: CasesService['intake'];
  caseAction: CasesService['actions']['act'];
  blowWhistle: (trx: Transaction<Database>, actor: Actor, input: WhistleInputT) => Promise<{ id: string }>;
}
