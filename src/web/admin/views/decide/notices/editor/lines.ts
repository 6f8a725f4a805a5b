import {
  formatYuan,
  parseYuan,
  type FinanceDirection,
  type FinanceLine,
} from '../../../../../../shared/decide-notices';

// The finance table as typed in the form: amounts as text in yuan, turned into integer fen (never a
// float) for the live totals and for the request. The server computes the totals again and stores its own.

export interface LineRow {
  direction: FinanceDirection;
  item: string;
  amount: string;
}

export const emptyLine = (): LineRow => ({ direction: 'expense', item: '', amount: '' });

export const toRow = (l: FinanceLine): LineRow => ({
  direction: l.direction,
  item: l.item,
  amount: formatYuan(l.amountFen).replace(/,/g, ''),
});

/** The lines in fen; null when an amount is not money with at most two decimals (or not above 0). */
export function toLines(rows: LineRow[]): FinanceLine[] | null {
  const lines: FinanceLine[] = [];
  for (const r of rows) {
    const fen = parseYuan(r.amount);
    if (fen === null || fen <= 0) return null;
    lines.push({ direction: r.direction, item: r.item.trim(), amountFen: fen });
  }
  return lines;
}
