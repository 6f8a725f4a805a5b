// 五公开 (issue 17): the five kinds of public notice, their states and the money words, shared by the
// server and both web apps. Money is integer fen (分); pages show yuan with two decimals.

export const noticeKinds = ['party', 'finance', 'government', 'affairs', 'service'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** 党务 · 财务 · 政务 · 事务 · 服务公开 */
export const noticeKindLabels: Record<NoticeKind, { 'zh-CN': string; en: string }> = {
  party: { 'zh-CN': '党务公开', en: 'Party affairs' },
  finance: { 'zh-CN': '财务公开', en: 'Finance' },
  government: { 'zh-CN': '政务公开', en: 'Government affairs' },
  affairs: { 'zh-CN': '事务公开', en: 'Community affairs' },
  service: { 'zh-CN': '服务公开', en: 'Services' },
};

/** 草稿 → 待审核 → 已发布 | 已退回 → (修改) → 待审核 …; 已发布 → 已撤回. */
export const noticeStates = ['draft', 'pending', 'published', 'returned', 'withdrawn'] as const;
export type NoticeState = (typeof noticeStates)[number];

export const noticeActions = ['submit', 'approve', 'return', 'withdraw'] as const;
export type NoticeAction = (typeof noticeActions)[number];

/** 收入 / 支出 */
export const financeDirections = ['income', 'expense'] as const;
export type FinanceDirection = (typeof financeDirections)[number];

export interface FinanceLine {
  direction: FinanceDirection;
  item: string;
  amountFen: number;
}

export interface FinanceTotals {
  incomeFen: number;
  expenseFen: number;
  balanceFen: number;
}

/** The totals of a finance table, in integer fen: what the server stores and what pages show live. */
export function financeTotals(lines: readonly FinanceLine[]): FinanceTotals {
  let incomeFen = 0;
  let expenseFen = 0;
  for (const l of lines) {
    if (l.direction === 'income') incomeFen += l.amountFen;
    else expenseFen += l.amountFen;
  }
  return { incomeFen, expenseFen, balanceFen: incomeFen - expenseFen };
}

/** 1234567 分 → "12,345.67" (元, two decimals); integers only, no floating point. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.5" or "12.50" (元, as typed in a form) → 1250 分; null when not a sum of money with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,10})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Limits of a notice, by code points. */
export const noticeLimits = { title: 80, body: 10000, item: 60, reason: 500, lines: 100, attachments: 9 } as const;
/** One line's amount: at most 1 亿元 (10^10 分). */
export const maxLineFen = 10_000_000_000;
