import { describe, expect, it } from 'vitest';
import {
  cardDefs,
  cardLink,
  changeOf,
  classColor,
  compareNullable,
  fillTrend,
  gridRanking,
  periodDates,
  periodKeysOf,
  periodRange,
  readQuery,
  satisfactionClasses,
  shanghaiToday,
  volumeClasses,
  writeQuery,
} from './data';

const def = (key: string) => cardDefs.find((d) => d.key === key)!;

describe('dashboard periods', () => {
  it('counts days in Beijing time', () => {
    expect(shanghaiToday(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(shanghaiToday(new Date('2026-03-31T15:59:00Z'))).toBe('2026-03-31');
  });

  it('names the periods officers pick', () => {
    expect(periodRange('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(periodRange('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodRange('last30', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(periodRange('thisYear', '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(periodRange('custom', '2026-03-15', { from: '2026-01-05', to: '2026-02-01' })).toEqual({
      from: '2026-01-05',
      to: '2026-02-01',
    });
    // a broken or reversed custom range falls back to the last 30 days
    expect(periodRange('custom', '2026-03-15', { from: '2026-02-01', to: '2026-01-05' })).toEqual({
      from: '2026-02-14',
      to: '2026-03-15',
    });
  });

  it('fills the periods without cases and cuts a period to the range', () => {
    const range = { from: '2026-03-04', to: '2026-03-17' };
    expect(periodKeysOf(range, 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(periodKeysOf({ from: '2025-11-20', to: '2026-02-03' }, 'month')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    const filled = fillTrend([{ period: '2026-03-09', ...emptyWith(5) }], range, 'week');
    expect(filled.map((p) => p.received)).toEqual([0, 5, 0]);
    expect(filled[0].satisfactionRate).toBeNull();
    expect(periodDates('2026-03-02', 'week', range)).toEqual({ from: '2026-03-04', to: '2026-03-08' });
    expect(periodDates('2026-03', 'month', range)).toEqual({ from: '2026-03-04', to: '2026-03-17' });
  });

  it('keeps the filters in the address bar', () => {
    const state = readQuery(
      {
        under: '610899001',
        period: 'custom',
        from: '2026-01-01',
        to: '2026-01-31',
        channel: 'hotline',
        category: 'x;drop',
      },
      '2026-03-15',
    );
    expect(state).toMatchObject({
      under: '610899001',
      period: 'custom',
      range: { from: '2026-01-01', to: '2026-01-31' },
      channel: 'hotline',
      category: '',
    });
    expect(writeQuery(state)).toEqual({
      under: '610899001',
      period: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      channel: 'hotline',
    });
    expect(writeQuery(readQuery({}, '2026-03-15'))).toEqual({ under: undefined, period: undefined });
  });
});

describe('dashboard numbers', () => {
  it('compares with the previous period the way each number is read', () => {
    expect(changeOf(def('received'), 150, 100)).toEqual({ direction: 'up', amount: 0.5, tone: 'neutral' });
    expect(changeOf(def('received'), 10, 0)).toBeNull();
    expect(changeOf(def('satisfactionRate'), 0.93, 0.95)).toEqual({ direction: 'down', amount: 2, tone: 'bad' });
    expect(changeOf(def('onTimeRate'), 0.9, 0.9)).toEqual({ direction: 'flat', amount: 0, tone: 'neutral' });
    expect(changeOf(def('avgContact'), 25, 30)).toEqual({ direction: 'down', amount: 5, tone: 'good' });
    expect(changeOf(def('responseRate'), null, 0.8)).toBeNull();
    expect(changeOf(def('overdue'), 3, 2)).toBeNull();
  });

  it('links every card to the cases it counts', () => {
    const filters = {
      under: '610899001',
      from: '2026-03-01',
      to: '2026-03-31',
      category: 'facilities',
      channel: '' as const,
    };
    expect(cardLink('received', filters)).toEqual({
      path: '/cases',
      query: { under: '610899001', from: '2026-03-01', to: '2026-03-31', category: 'facilities', state: 'all' },
    });
    expect(cardLink('closureRate', filters).query.state).toBe('closed');
    // overdue is live and over the place only
    expect(cardLink('overdue', filters)).toEqual({
      path: '/cases',
      query: { under: '610899001', overdue: 'true', state: 'open' },
    });
  });

  it('ranks grids, keeping those without cases, and sorts "no data" last', () => {
    const rows = gridRanking(
      [{ key: 'g2', name: 'G2', ...emptyWith(4) }],
      [
        { code: 'g1', name: 'G1', community: { name: 'C' } },
        { code: 'g2', name: 'G2', community: { name: 'C' } },
      ],
    );
    expect(rows.map((r) => [r.key, r.received, r.parentName])).toEqual([
      ['g2', 4, 'C'],
      ['g1', 0, 'C'],
    ]);
    expect([0.5, null, 0.9].sort((a, b) => compareNullable(a, b, 'descending'))).toEqual([0.9, 0.5, null]);
    expect([0.5, null, 0.9].sort((a, b) => compareNullable(a, b, 'ascending'))).toEqual([0.5, 0.9, null]);
  });

  it('colours the heat map by round classes', () => {
    const classes = volumeClasses([39, 105, 70]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [20, 40],
      [40, 60],
      [60, 80],
      [80, 100],
      [100, 120],
    ]);
    expect(classColor(classes, 105)).toBe(classes[4].color);
    expect(classColor(classes, 39)).toBe(classes[0].color);
    expect(volumeClasses([79])[3]).toMatchObject({ min: 60, max: 80 });
    expect(classColor(satisfactionClasses, 1)).toBe(satisfactionClasses[4].color);
    expect(classColor(satisfactionClasses, null)).not.toBe(satisfactionClasses[0].color);
  });
});

function emptyWith(received: number) {
  return {
    received,
    valid: received,
    responseRate: null,
    resolutionRate: null,
    satisfactionRate: null,
    closureRate: null,
    onTimeRate: null,
    reopenRate: null,
    avgContactMinutes: null,
    avgResolveHours: null,
  };
}
