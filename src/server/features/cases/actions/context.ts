import { createHash } from 'node:crypto';
import type { Transaction, Updateable } from 'kysely';
import type { CaseCategory, CaseRow, CasesTable, Database } from '../../../platform/db/schema.js';
import type { WorkdayCalendar } from '../../../platform/deadlines.js';
import type { Actor } from '../../../platform/policy.js';
import type { CaseState, Clock, Party } from '../lifecycle.js';
import type { ActionInputT } from '../schemas.js';
import type { CasesDeps } from '../deps.js';

// What an action handler is given and what it gives back. The lifecycle row has already decided
// that the action is allowed and which clocks stop; the handler adds what is particular to it.

export type Trx = Transaction<Database>;

export interface Performer {
  actor: Actor;
  parties: Party[];
  name: string;
}

export interface ActionContext {
  trx: Trx;
  deps: CasesDeps;
  c: CaseRow;
  state: CaseState;
  input: ActionInputT;
  who: Performer;
  now: Date;
  category: CaseCategory | undefined;
  calendar: WorkdayCalendar;
}

export interface ActionEffect {
  /** Columns to set beside the new state. */
  changes?: Updateable<CasesTable>;
  /** Shown on the timeline event and in the audit row. */
  data?: Record<string, unknown>;
  /** Deadlines of the clocks this action starts or moves, in the order they are watched. */
  starts?: [Clock, Date][];
  /** The rating token of the SMS link, given once to the caller. */
  token?: string;
  /** Runs after the case, its event and its clocks are written: the notices of the action. */
  after?: (updated: CaseRow) => Promise<void>;
}

export type ActionHandler = (ctx: ActionContext) => ActionEffect | Promise<ActionEffect>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
