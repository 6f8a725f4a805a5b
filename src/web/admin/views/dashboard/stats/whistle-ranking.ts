// 吹哨报到 · 部门排名 on the dashboard: the departments that ignore whistles first, not last.
import type { WhistleRankingRow } from '../../../../common/api/whistles';
import { compareNullable } from './data';

/** An on-time rate below this is shown in red, below `warnBelow` in orange. */
export const rateThresholds = { badBelow: 0.6, warnBelow: 0.8 } as const;
/**
 * A department ignores whistles when it left one unanswered, or let more than this share of its
 * summonses go red. (Any overdue count is still shown in red; the whole row only past this.)
 */
export const overdueShareNeglect = 0.2;

export interface WhistleRankView {
  key: string;
  name: string;
  kind: 'department' | 'adviser';
  summonses: number;
  ackOnTimeRate: number | null;
  arriveOnTimeRate: number | null;
  averageScore: number | null;
  scored: number;
  /** null while the server does not count them yet */
  overdue: number | null;
  unanswered: number | null;
  /** left a summons unanswered, or let many go red (see overdueShareNeglect) */
  neglects: boolean;
}

/** A row as it may come from a server that does not count overdue and unanswered summonses yet. */
export type RankingInput = Omit<WhistleRankingRow, 'department' | 'overdue' | 'unanswered'> & {
  department: { code: string; name: string; kind?: 'department' | 'adviser' };
  overdue?: number;
  unanswered?: number;
};

export function toRankView(row: RankingInput): WhistleRankView {
  const overdue = typeof row.overdue === 'number' ? row.overdue : null;
  const unanswered = typeof row.unanswered === 'number' ? row.unanswered : null;
  return {
    key: row.department.code,
    name: row.department.name,
    kind: row.department.kind ?? 'department',
    summonses: row.summonses,
    ackOnTimeRate: row.ackOnTimeRate,
    arriveOnTimeRate: row.arriveOnTimeRate,
    averageScore: row.averageScore,
    scored: row.scored,
    overdue,
    unanswered,
    neglects: (unanswered ?? 0) > 0 || (row.summonses > 0 && (overdue ?? 0) / row.summonses > overdueShareNeglect),
  };
}

/**
 * Worst first: most summonses never answered, then most gone red, then the lowest on-time
 * acknowledgement and arrival, then the lowest score (unscored after scored), then the busiest.
 */
export function worstFirst(rows: RankingInput[]): WhistleRankView[] {
  return rows
    .map(toRankView)
    .sort(
      (a, b) =>
        (b.unanswered ?? 0) - (a.unanswered ?? 0) ||
        (b.overdue ?? 0) - (a.overdue ?? 0) ||
        compareNullable(a.ackOnTimeRate, b.ackOnTimeRate, 'ascending') ||
        compareNullable(a.arriveOnTimeRate, b.arriveOnTimeRate, 'ascending') ||
        compareNullable(a.averageScore, b.averageScore, 'ascending') ||
        b.summonses - a.summonses ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}

export type RateLevel = 'bad' | 'warn' | 'ok' | 'none';
export function rateLevel(rate: number | null): RateLevel {
  if (rate === null) return 'none';
  if (rate < rateThresholds.badBelow) return 'bad';
  if (rate < rateThresholds.warnBelow) return 'warn';
  return 'ok';
}
