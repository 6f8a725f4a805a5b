import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { PiiCipher } from '../../platform/pii.js';
import type { Actor } from '../../platform/policy.js';
import type { FileStorage } from '../../platform/storage.js';
import type { WhistleInputT } from '../whistle/index.js';

/** Blows a whistle inside the caller's transaction (the whistle feature's blow). */
export type BlowWhistle = (trx: Transaction<Database>, actor: Actor, input: WhistleInputT) => Promise<{ id: string }>;

/** What the dispute ledger's operations are given when the service is built. */
export interface DisputesDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  storage: FileStorage;
  blowWhistle: BlowWhistle;
}
