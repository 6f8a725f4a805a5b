import type { Executor } from '../../platform/audit.js';
import type { Actor } from '../../platform/policy.js';
import { answerSummons } from './answer.js';
import type { WhistleDeps } from './deps.js';
import { advisersFor, blowWhistle } from './blow.js';
import type { SummonsAction } from './lifecycle.js';
import { listWhistles, rankSummoned } from './list.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { readWhistle } from './read.js';
import type { SummonsActionInputT, WhistleInputT } from './schemas.js';

// 吹哨报到: the whistle feature's operations, each in its own file; this factory hands them their deps.
// Background jobs are in jobs.ts (whistleJobs), not registered here.

export type { WhistleDeps };

export function createWhistleService(deps: WhistleDeps) {
  return {
    /**
     * 吹哨: on a case or on a place, summoning departments and the community's legal advisers.
     * `within`: the caller's transaction, when the whistle is part of a larger change (a dispute's).
     */
    blow: (actor: Actor, input: WhistleInputT, within?: Executor) =>
      within
        ? blowWhistle(within, deps, actor, input)
        : deps.db.transaction().execute((trx) => blowWhistle(trx, deps, actor, input)),
    advisers: (actor: Actor, q: { caseId?: string; placeCode?: string }) => advisersFor(deps, actor, q),
    act: (actor: Actor, summonsId: string, action: SummonsAction, input: SummonsActionInputT) =>
      answerSummons(deps, actor, summonsId, action, input),
    get: (actor: Actor, id: string, locale: Locale = 'zh-CN') => readWhistle(deps, actor, id, locale),
    list: (actor: Actor, q: { state?: 'open' | 'closed'; mine?: boolean }) => listWhistles(deps, actor, q),
    ranking: (actor: Actor, underCode?: string) => rankSummoned(deps, actor, underCode),
  };
}

export type WhistleService = ReturnType<typeof createWhistleService>;
