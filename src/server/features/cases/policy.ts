import { isAssignee, isVerifier, type CaseAccessFields } from '../../platform/case-access.js';
import { can, type Actor } from '../../platform/policy.js';
import type { Party } from './lifecycle.js';

// Who the actor is to this case, in the words of the lifecycle table. A dispatcher holds
// cases:dispatch over its place; the assignee is whoever the case was sent to.

export function partiesOf(actor: Actor, c: CaseAccessFields, enteredBy: string | null = null): Party[] {
  if (actor.kind === 'system') return ['system'];
  const parties: Party[] = [];
  if (can(actor, 'cases:dispatch', c.place_path)) parties.push('dispatcher');
  if (isAssignee(actor, c)) parties.push('assignee');
  if (isReporterWorker(actor, enteredBy)) parties.push('reporterWorker');
  if (isVerifier(actor, c)) parties.push('verifier');
  return parties;
}

/** The staff member who entered the case for a resident (hotline, patrol: `enteredBy`, the intake's actor) and still may. */
export const isReporterWorker = (actor: Actor, enteredBy: string | null): boolean =>
  enteredBy !== null && enteredBy === actor.userId && can(actor, 'cases:intake');
