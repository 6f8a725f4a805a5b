import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const noticeId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7c10';
const communityId = '019a7f3e-0000-7000-8000-000000000001';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const fileId = '019a7f3e-0000-7000-8000-000000000004';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';

export const samples: SqlSamples<typeof repo> = {
  insertNotice: (db) =>
    repo.insertNotice(db, {
      id: noticeId,
      tenant_id: '610899',
      community_id: communityId,
      place_id: communityId,
      place_path: path,
      kind: 'finance',
      title: '2026年第三季度社区收支公开',
      body: '现将本季度收支情况公开如下。',
      attachment_ids: [fileId],
      finance_lines: JSON.stringify([{ direction: 'income', item: '上级拨款', amountFen: 1000000 }]),
      income_fen: 1000000,
      expense_fen: 0,
      balance_fen: 1000000,
      state: 'draft',
      author_id: userId,
      last_edited_by: userId,
      created_at: now,
      updated_at: now,
    }),
  updateNotice: (db) => repo.updateNotice(db, noticeId, { state: 'pending', submitted_at: now, updated_at: now }),
  lockNotice: (db) => repo.lockNotice(db, noticeId),
  findNotice: (db) => repo.findNotice(db, noticeId),
  listNotices: (db) =>
    repo.listNotices(db, {
      paths: [path],
      states: ['published', 'withdrawn'],
      kind: 'finance',
      year: 2026,
      under: `${path}610899001001001/`,
      limit: 500,
    }),
  archiveCounts: (db) => repo.archiveCounts(db, [path]),
  feedNotices: (db) => repo.feedNotices(db, communityId, [path, `${path}610899001001001/`], userId, 200),
  publicNotices: (db) => repo.publicNotices(db, { communityId, kind: 'party', year: 2026, limit: 200 }),
  activeCommunityByCode: (db) => repo.activeCommunityByCode(db, '610899001001'),
  targetPlaces: (db) => repo.targetPlaces(db, [path], 500),
  placeById: (db) => repo.placeById(db, communityId),
  communityHolding: (db) => repo.communityHolding(db, path),
  insertEvent: (db) =>
    repo.insertEvent(db, {
      id: noticeId,
      tenant_id: '610899',
      notice_id: noticeId,
      action: 'return',
      from_state: 'pending',
      to_state: 'returned',
      actor_id: userId,
      reason: '金额有误',
      at: now,
    }),
  eventsOf: (db) => repo.eventsOf(db, noticeId),
  insertRead: (db) => repo.insertRead(db, { notice_id: noticeId, user_id: userId, tenant_id: '610899', read_at: now }),
  addAnonymousView: (db) => repo.addAnonymousView(db, noticeId),
  audienceOf: (db) => repo.audienceOf(db, path),
  audiencesOf: (db) => repo.audiencesOf(db, [path]),
  filesByIds: (db) => repo.filesByIds(db, [fileId]),
  noticeNumbers: (db) =>
    repo.noticeNumbers(
      db,
      { paths: [path], departmentIds: [], userId: null, all: false },
      null,
      new Date('2025-12-31T16:00:00Z'),
      new Date('2026-12-31T16:00:00Z'),
    ),
};
