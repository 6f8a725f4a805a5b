import type { Executor } from '../../platform/audit.js';
import { invalid } from '../../platform/errors.js';
import type { Open311Deps } from './deps.js';
import { refusal } from './format.js';
import * as repo from './repository.js';

// The jurisdictions (counties) and services (case categories) a client may file under.

export const notFound = (field: string) => refusal('NOT_FOUND', field, 'notFound');

/** The county asked for; without jurisdiction_id, the one county in use (several need the id). */
export async function jurisdiction(db: Executor, id: string | undefined): Promise<string> {
  if (id) {
    if (!(await repo.county(db, id))) throw notFound('jurisdiction_id');
    return id;
  }
  const inUse = await repo.countiesInUse(db, 2);
  if (inUse.length !== 1) throw invalid('jurisdiction_id', 'countyCodeRequired');
  return inUse[0];
}

export async function services({ db, cases }: Open311Deps, jurisdictionId?: string) {
  await jurisdiction(db, jurisdictionId);
  const categories = await cases.categories('zh-CN');
  const groups = new Map(categories.filter((k) => !k.parentCode).map((k) => [k.code, k.name]));
  return categories
    .filter((k) => k.parentCode)
    .map((k) => ({
      service_code: k.code,
      service_name: k.name,
      description: `${groups.get(k.parentCode!)} · ${k.name}（${k.resolveHours} 小时内办结）`,
      metadata: true,
      type: 'realtime',
      keywords: '',
      group: groups.get(k.parentCode!) ?? '',
    }));
}

export async function definition({ db, cases }: Open311Deps, code: string, jurisdictionId?: string) {
  const tenant = await jurisdiction(db, jurisdictionId);
  const service = (await cases.categories('zh-CN')).find((k) => k.code === code && k.parentCode);
  if (!service) throw notFound('service_code');
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'community',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '不提供经纬度时必填：问题所在社区',
        order: 1,
        description: '所在社区',
        values: (await repo.activeCommunities(db, tenant)).map((c) => ({ key: c.code, name: c.name })),
      },
      {
        variable: true,
        code: 'urgent',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '',
        order: 2,
        description: '是否紧急',
        values: [
          { key: 'no', name: '一般' },
          { key: 'yes', name: '紧急' },
        ],
      },
      {
        variable: true,
        code: 'public',
        datatype: 'singlevaluelist',
        required: false,
        order: 3,
        description: '是否公开',
        datatype_description: '反映人同意后才选“公开”：别人可以在公开列表里看到问题描述、位置和照片。默认不公开。',
        values: [
          { key: 'no', name: '不公开' },
          { key: 'yes', name: '公开' },
        ],
      },
    ],
  };
}
