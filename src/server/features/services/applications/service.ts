import type { Actor } from '../../../platform/policy.js';
import { actOnApplication } from './act.js';
import { submitApplication } from './apply.js';
import type { ApplicationsDeps } from './deps.js';
import type { RequestedApplicationAction, RequestedPartAction } from './lifecycle.js';
import { actOnPart } from './part-act.js';
import { prefillFor, publicCommunities } from './prefill.js';
import { applicationFormPdf, listMine, listQueue, listReview, readApplication } from './read.js';
import { revealAnswers } from './reveal.js';
import type { ApplicationActionInputT, ApplyInputT, PartActionInputT } from './schemas.js';

// 办件: the applications area's operations, each in its own file; this factory hands them their deps.
// The deadline alarms are in jobs.ts (applicationsJobs), registered with the other jobs.

export type { ApplicationsDeps };

export function createApplicationsService(deps: ApplicationsDeps) {
  return {
    apply: (actor: Actor, input: ApplyInputT) => submitApplication(deps, actor, input),
    get: (actor: Actor, id: string) => readApplication(deps, actor, id),
    reveal: (actor: Actor, id: string, reason: string) => revealAnswers(deps, actor, id, reason),
    formPdf: (actor: Actor, id: string) => applicationFormPdf(deps, actor, id),
    queue: (actor: Actor, q: Parameters<typeof listQueue>[2]) => listQueue(deps, actor, q),
    mine: (actor: Actor) => listMine(deps, actor),
    act: (actor: Actor, id: string, action: RequestedApplicationAction, input: ApplicationActionInputT) =>
      actOnApplication(deps, actor, id, action, input),
    parts: (actor: Actor, q: { state: string }) => listReview(deps, actor, q),
    prefill: (actor: Actor, idNumber: string) => prefillFor(deps, actor, idNumber),
    communities: () => publicCommunities(deps),
    actOnPart: (actor: Actor, id: string, action: RequestedPartAction, input: PartActionInputT) =>
      actOnPart(deps, actor, id, action, input),
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
