import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

// One sample call per query (src/server/queries/duties.sql is compiled from these).

const street = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d30';
const list = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d31';
const department = '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d32';
const communityPlaces: Scope = {
  all: false,
  paths: ['/61/6108/610899/610899001/610899001001/'],
  departmentIds: [],
  userId: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d37',
};
const doors = { departmentIds: [department], places: communityPlaces, underPath: '/61/6108/610899/610899001/' };

export const samples: SqlSamples<typeof repo> = {
  effectiveList: (db) => repo.effectiveList(db, '610899001', '2026-11-24'),
  listItems: (db) => repo.listItems(db, list),
  listsOfStreet: (db) => repo.listsOfStreet(db, street),
  itemCounts: (db) => repo.itemCounts(db, [list]),
  findListWithStreet: (db) => repo.findListWithStreet(db, list),
  latestListVersion: (db) => repo.latestListVersion(db, street),
  endOpenLists: (db) => repo.endOpenLists(db, street, '2026-11-30'),
  insertList: (db) =>
    repo.insertList(db, {
      id: list,
      tenant_id: '610899',
      street_id: street,
      version: 2,
      title: '城关街道社区权责清单（2026 版）',
      effective_from: '2026-12-01',
      effective_to: null,
      created_at: new Date('2026-11-24T10:00:00+08:00'),
    }),
  insertItems: (db) =>
    repo.insertItems(db, [
      {
        id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d33',
        tenant_id: '610899',
        list_id: list,
        kind: 'admitted',
        ref: 'Z-03',
        class_name: '民政',
        item_name: '高龄津贴申请初审',
        sub_item_name: '',
        legal_basis: '《陕西省老年人权益保障条例》',
        department_kind: 'civil_affairs',
        category_codes: ['elderly'],
        keywords: ['高龄津贴'],
        sort: 0,
      },
    ]),
  findCase: (db) => repo.findCase(db, '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d34'),
  departmentsOfKind: (db) => repo.departmentsOfKind(db, '610899', 'city_management'),
  categoryDepartmentKind: (db) => repo.categoryDepartmentKind(db, 'garbage'),
  insertTask: (db) =>
    repo.insertTask(db, {
      id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d35',
      tenant_id: '610899',
      department_id: department,
      community_id: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d36',
      title: '统计辖区高龄老人名单',
      description: '请于本周五前报送',
      item_ref: 'Z-03',
      status: 'accepted',
      reason: '准入事项（城关街道社区权责清单（2026 版） Z-03：高龄津贴申请初审）',
      created_by: '01935f6e-7c2a-7d41-9a55-3f0c2b7e8d37',
      created_at: new Date('2026-11-24T10:05:00+08:00'),
    }),
  listTasks: (db) => repo.listTasks(db, { ...doors, status: 'refused' }, { offset: 0, limit: 20 }),
  taskStats: (db) => repo.taskStats(db, doors),
};
