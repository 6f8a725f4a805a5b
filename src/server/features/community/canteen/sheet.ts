import ExcelJS from 'exceljs';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import type { presentMeal } from './present.js';

// 月度助餐补贴结算表: sheet 明细 has one row per meal (diner masked, the rule and the subsidy); sheet 汇总
// the month's totals and the subsidy per rule. Money in yuan with two decimals, from fen.

const mealLabels = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' } as const;
const yuan = (fen: number) => Math.round(fen) / 100;

export interface Statement {
  canteen: string;
  community: string;
  month: string;
  meals: ReturnType<typeof presentMeal>[];
}

export async function statementSheet(s: Statement): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const detail = book.addWorksheet('明细');
  detail.columns = [
    { header: '日期', key: 'day', width: 12 },
    { header: '餐次', key: 'meal', width: 8 },
    { header: '就餐人', key: 'diner', width: 10 },
    { header: '年龄', key: 'age', width: 8 },
    { header: '菜品', key: 'dishes', width: 30 },
    { header: '金额(元)', key: 'price', width: 10 },
    { header: '补贴规则', key: 'rule', width: 18 },
    { header: '补贴(元)', key: 'subsidy', width: 10 },
    { header: '实付(元)', key: 'pay', width: 10 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const m of s.meals)
    detail.addRow(
      escapeFormulas({
        day: m.day,
        meal: mealLabels[m.meal],
        diner: m.diner,
        age: m.age ?? '',
        dishes: m.dishes,
        price: yuan(m.priceFen),
        rule: m.rule || '—',
        subsidy: yuan(m.subsidyFen),
        pay: yuan(m.payFen),
      }),
    );

  const summary = book.addWorksheet('汇总');
  summary.columns = [
    { header: '项目', key: 'label', width: 24 },
    { header: '餐数', key: 'count', width: 10 },
    { header: '金额(元)', key: 'amount', width: 12 },
  ];
  summary.getRow(1).font = { bold: true };
  const sum = (f: (m: Statement['meals'][number]) => number) => s.meals.reduce((a, m) => a + f(m), 0);
  const subsidised = s.meals.filter((m) => m.subsidyFen > 0);
  const rows: { label: string; count: number | string; amount: number | string }[] = [
    { label: `${s.community} ${s.canteen}`, count: '', amount: '' },
    { label: `结算月份 ${s.month}`, count: '', amount: '' },
    { label: '就餐合计', count: s.meals.length, amount: yuan(sum((m) => m.priceFen)) },
    { label: '享受补贴', count: subsidised.length, amount: yuan(sum((m) => m.subsidyFen)) },
    { label: '实收合计', count: s.meals.length, amount: yuan(sum((m) => m.payFen)) },
  ];
  const perRule = new Map<string, { count: number; fen: number }>();
  for (const m of subsidised) {
    const r = perRule.get(m.rule) ?? { count: 0, fen: 0 };
    perRule.set(m.rule, { count: r.count + 1, fen: r.fen + m.subsidyFen });
  }
  for (const [rule, r] of [...perRule].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN')))
    rows.push({ label: `补贴：${rule}`, count: r.count, amount: yuan(r.fen) });
  for (const row of rows) summary.addRow(escapeFormulas(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}
