import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { systemActor } from '../../platform/policy.js';
import { countyFor } from './policy.js';
import * as repo from './repository.js';
import { trainCounty, type TrainedModel } from './train.js';

// `linli dispatch train [--tenant CODE]`: the nightly training on demand, for one county or for every
// county that has closed cases or imported history. Returns the lines to print.

const kindNames = { category: '分类模型 category', department: '处置部门模型 handler' } as const;
const share = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function line(tenantId: string, kind: keyof typeof kindNames, m: TrainedModel | null): string {
  if (!m) return `${tenantId} ${kindNames[kind]}: 样本不足，未训练 too few examples, not trained`;
  return (
    `${tenantId} ${kindNames[kind]} v${m.version}: ${m.trainingSize} 条 examples, ${m.labels} 类 labels, ` +
    `交叉验证 cross-validated top-1 ${share(m.top1)} top-3 ${share(m.top3)}`
  );
}

export async function trainFromCli(deps: { db: Db; clock: Clock }, tenant?: string): Promise<string[]> {
  const actor = systemActor();
  const tenants = tenant ? [(await countyFor(deps.db, actor, tenant)).tenantId] : await repo.countiesWithData(deps.db);
  const lines: string[] = [];
  for (const tenantId of tenants) {
    const trained = await trainCounty(
      deps.db,
      (work) => deps.db.transaction().execute(work),
      tenantId,
      actor,
      deps.clock.now(),
    );
    lines.push(line(tenantId, 'category', trained.category), line(tenantId, 'department', trained.department));
  }
  if (lines.length === 0) lines.push('没有可供训练的已办结诉求或历史工单 Nothing to learn from yet.');
  return lines;
}
