import { describe, expect, it } from 'vitest';
import { rateLevel, worstFirst, type RankingInput } from './whistle-ranking';

const row = (code: string, patch: Partial<RankingInput> = {}): RankingInput => ({
  department: { code, name: code, kind: 'department' },
  summonses: 10,
  ackOnTimeRate: 0.9,
  arriveOnTimeRate: 0.9,
  averageScore: 4.5,
  scored: 5,
  ...patch,
});

describe('whistle ranking on the dashboard', () => {
  it('puts the departments that never answered or let summonses go red first, however well the others score', () => {
    const rows = [
      row('good'),
      row('late', { ackOnTimeRate: 0.5 }),
      row('red', { overdue: 3, unanswered: 0 }),
      row('silent', { overdue: 1, unanswered: 3, averageScore: 5 }),
    ];
    expect(worstFirst(rows).map((r) => r.key)).toEqual(['silent', 'red', 'late', 'good']);
    expect(worstFirst(rows).map((r) => r.neglects)).toEqual([true, true, false, false]);
  });

  it('flags the whole row only for an unanswered summons or more than a fifth gone red', () => {
    const view = worstFirst([
      row('few', { overdue: 2, unanswered: 0 }),
      row('many', { overdue: 3, unanswered: 0 }),
      row('one', { summonses: 1, overdue: 0, unanswered: 1 }),
    ]);
    expect(view.map((r) => [r.key, r.neglects])).toEqual([
      ['one', true],
      ['many', true],
      ['few', false],
    ]);
  });

  it('marks the legal advisers summoned in person', () => {
    expect(
      worstFirst([
        row('A1', { department: { code: 'A1', name: '孙律师', kind: 'adviser' }, overdue: 0, unanswered: 0 }),
      ])[0],
    ).toMatchObject({ kind: 'adviser', neglects: false, overdue: 0 });
  });

  it('works with a server that does not count overdue and unanswered yet: the slowest first', () => {
    const rows = [
      row('a', { ackOnTimeRate: 1 }),
      row('b', { ackOnTimeRate: 0.2 }),
      row('c', {
        department: { code: 'c', name: 'c' },
        ackOnTimeRate: null,
        arriveOnTimeRate: null,
        averageScore: null,
      }),
    ];
    const view = worstFirst(rows);
    expect(view.map((r) => r.key)).toEqual(['b', 'a', 'c']);
    expect(view[0]).toMatchObject({ overdue: null, unanswered: null, neglects: false, kind: 'department' });
  });

  it('colours on-time rates', () => {
    expect([null, 0.3, 0.7, 0.95].map(rateLevel)).toEqual(['none', 'bad', 'warn', 'ok']);
  });
});
