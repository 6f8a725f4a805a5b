import type { SqlSamples } from '../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const questionId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a90';
const scope = { paths: ['/61/6108/610899/610899001/610899001001/'], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  adviserIdsOf: (db) => repo.adviserIdsOf(db, '019a7f3e-0000-7000-8000-000000000001'),
  insertQuestion: (db) =>
    repo.insertQuestion(db, {
      id: questionId,
      tenant_id: '610899',
      community_id: '019a7f3e-0000-7000-8000-000000000001',
      place_path: '/61/6108/610899/610899001/610899001001/',
      asker_id: '019a7f3e-0000-7000-8000-000000000002',
      asker_name: '陈阿姨',
      question: '邻居家漏水把我家淹了，对方拒绝赔偿，我该怎么办？',
      text_tokens: ['邻居', '漏水', '赔偿'],
      is_public: true,
      due_at: new Date('2026-11-25T01:00:00Z'),
      created_at: new Date('2026-11-24T01:00:00Z'),
    }),
  lockQuestion: (db) => repo.lockQuestion(db, questionId),
  setSlaLevel: (db) => repo.setSlaLevel(db, questionId, 'yellow'),
  markAnswered: (db) =>
    repo.markAnswered(db, questionId, {
      answer: '可先申请社区人民调解。',
      answered_by: '孙律师',
      answered_at: new Date('2026-11-24T05:00:00Z'),
    }),
  listQuestions: (db) => repo.listQuestions(db, { scope }),
  publicAnswers: (db) => repo.publicAnswers(db, ['漏水', '赔偿']),
};
