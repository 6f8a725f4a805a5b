import type { Actor } from '../../platform/policy.js';
import type { DisputesDeps } from './deps.js';
import { getDispute, listDisputes } from './read.js';
import { recordDispute } from './record.js';
import { agreement, analysis } from './reports.js';
import type { DisputeInputT, DisputeQueryT, DisputeWhistleInputT, HandoverTarget, MediationInputT } from './schemas.js';
import { blowWhistle } from './whistle.js';
import { close, followup, handover, mediate } from './workflow.js';

// 矛盾纠纷 (the dispute ledger): each operation lives in the file of its kind (record, read,
// workflow, whistle, reports); this factory hands them their dependencies (deps.ts).

export function createDisputesService(deps: DisputesDeps) {
  return {
    record: (actor: Actor, input: DisputeInputT) => recordDispute(deps, actor, input),
    list: (actor: Actor, q: DisputeQueryT) => listDisputes(deps, actor, q),
    get: (actor: Actor, id: string) => getDispute(deps, actor, id),
    mediate: (actor: Actor, id: string, input: MediationInputT) => mediate(deps, actor, id, input),
    followup: (actor: Actor, id: string, note: string) => followup(deps, actor, id, note),
    handover: (actor: Actor, id: string, to: HandoverTarget, note: string) => handover(deps, actor, id, to, note),
    close: (actor: Actor, id: string, note: string) => close(deps, actor, id, note),
    blowWhistle: (actor: Actor, id: string, input: DisputeWhistleInputT) => blowWhistle(deps, actor, id, input),
    agreement: (actor: Actor, id: string) => agreement(deps, actor, id),
    analysis: (actor: Actor, under: string, month: string) => analysis(deps, actor, under, month),
  };
}

export type DisputesService = ReturnType<typeof createDisputesService>;
