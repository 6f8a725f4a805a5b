import type { Transaction } from 'kysely';
import { taskVerdict } from '../features/duties/verdict.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { Random } from './random.js';
import { isUnder } from '../platform/scope.js';

// Three months of work departments handed down to communities (部门派单), each checked against the
// street's list exactly as the service checks it: most asked for an admitted item, some for a
// cancelled one (refused, and counted against the department).

const senders = ['D61089905', 'D61089906', 'D61089907', 'D61089908', 'D61089901'];

export async function seedDemoDutyTasks(trx: Transaction<Database>, random: Random, now: Date) {
  const departments = await trx.selectFrom('departments').select(['id', 'code']).where('code', 'in', senders).execute();
  const communities = await trx
    .selectFrom('places')
    .select(['id', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .execute();
  const lists = await trx
    .selectFrom('duty_lists as l')
    .innerJoin('places as s', 's.id', 'l.street_id')
    .select(['l.id', 'l.title', 's.path'])
    .execute();
  const rows = [];
  for (let n = 0; n < 40; n++) {
    const community = random.pick(communities);
    const list = lists.find((l) => isUnder(community.path, l.path));
    if (!list) continue;
    const items = await trx
      .selectFrom('duty_items')
      .select(['ref', 'kind', 'item_name', 'keywords'])
      .where('list_id', '=', list.id)
      .where('kind', 'in', ['admitted', 'cancelled'])
      .execute();
    const kind = random.next() < 0.75 ? 'admitted' : 'cancelled';
    const wanted = random.pick(items.filter((i) => i.kind === kind));
    const task = {
      title: `请社区协助${wanted.item_name}`,
      description: '按要求于本月底前完成并报送',
      itemRef: wanted.kind === 'admitted' && random.next() < 0.5 ? wanted.ref : undefined,
    };
    const verdict = taskVerdict(list, items, task);
    rows.push({
      id: newId(),
      tenant_id: community.tenant_id!,
      department_id: random.pick(departments).id,
      community_id: community.id,
      title: task.title,
      description: task.description,
      item_ref: verdict.ref,
      status: verdict.status,
      reason: verdict.reason,
      created_by: null,
      created_at: new Date(now.getTime() - random.int(1, 90) * 86_400_000),
    });
  }
  if (rows.length) await trx.insertInto('duty_tasks').values(rows).execute();
  return { dutyTasks: rows.length, refused: rows.filter((r) => r.status === 'refused').length };
}
