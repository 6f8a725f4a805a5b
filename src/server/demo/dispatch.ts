import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { systemActor } from '../platform/policy.js';
import { trainCounty } from '../features/dispatch/index.js';

// 智能派单 in the demo: the county's models learn from its newest closed cases at first start, so the
// demo's new reports carry suggestions at once. A few hundred examples keep it to a second or two; the
// nightly job learns from all of them.
const DEMO_EXAMPLES = 400;

export async function seedDemoDispatch(trx: Transaction<Database>, tenantId: string, now: Date) {
  const trained = await trainCounty(trx, (work) => work(trx), tenantId, systemActor(), now, {
    maxExamples: DEMO_EXAMPLES,
  });
  return { dispatchModels: Number(trained.category !== null) + Number(trained.department !== null) };
}
