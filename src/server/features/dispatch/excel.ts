import { textProblem } from '../../../shared/text.js';
import { AppError } from '../../platform/errors.js';
import { unescapeFormula } from '../../platform/sheet-cells.js';
import { MAX_IMPORT_ROWS, readFirstSheet } from '../../platform/sheet-reader.js';

// 历史工单导入: a hotline's records as a sheet — 主题, 详情, 一级分类 (二级分类, 三级分类), 部门, 日期.
// Any taxonomy: the category names are matched to Linli's tree (or added) by the import, not here.

export const historyColumns = ['主题', '详情', '一级分类', '二级分类', '三级分类', '部门', '日期'] as const;
const required = ['详情', '一级分类'] as const;
const MAX_TEXT = 4000;
const MAX_NAME = 60;

export interface HistoryRow {
  row: number;
  subject: string;
  body: string;
  /** 一级, 二级, 三级 category names, as many as the row has. */
  categoryPath: string[];
  department: string;
  /** YYYY-MM-DD, or null when the cell is empty or not a date. */
  date: string | null;
}

/** 2024-3-5, 2024/03/05, 2024.3.5 and 2024年3月5日, optionally followed by a time. */
function dayOf(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type Cell = { text: string; formula: boolean } | undefined;

function rowProblem(cell: (h: string) => string, categoryPath: string[], gap: boolean, date: string): string | null {
  if (!cell('详情')) return '详情必填';
  if (categoryPath.length === 0) return '一级分类必填';
  if (gap) return '分类应从一级起逐级填写';
  if ([...categoryPath, cell('部门')].some((n) => [...n].length > MAX_NAME)) return `分类和部门名称最多 ${MAX_NAME} 字`;
  if ([...cell('详情')].length > MAX_TEXT || [...cell('主题')].length > MAX_TEXT)
    return `主题和详情最多 ${MAX_TEXT} 字`;
  if (date && !dayOf(date)) return '日期应为 2024-03-05 的格式';
  return null;
}

/** What is wrong with one row (empty when nothing), or the row read. */
function readRow(row: number, cellOf: (h: string) => Cell): { problem: string } | HistoryRow | null {
  const cell = (h: string) => unescapeFormula((cellOf(h)?.text ?? '').trim());
  if (historyColumns.every((h) => !cell(h) && !cellOf(h)?.formula)) return null;
  const formulas = historyColumns.filter((h) => cellOf(h)?.formula);
  if (formulas.length) return { problem: `${formulas.join('、')} 是公式，请改为直接填写内容` };
  const bad = historyColumns.filter((h) => textProblem(cell(h), { multiline: h === '详情' || h === '主题' }));
  if (bad.length) return { problem: `${bad.join('、')}含有控制字符或残缺的字符` };
  const path = ['一级分类', '二级分类', '三级分类'].map(cell);
  const cut = path.indexOf('');
  const categoryPath = cut === -1 ? path : path.slice(0, cut);
  const date = cell('日期');
  const problem = rowProblem(cell, categoryPath, cut !== -1 && path.slice(cut).some(Boolean), date);
  if (problem) return { problem };
  return {
    row,
    subject: cell('主题'),
    body: cell('详情'),
    categoryPath,
    department: cell('部门'),
    date: date ? dayOf(date) : null,
  };
}

export async function readHistorySheet(bytes: Buffer): Promise<HistoryRow[]> {
  const sheet = await readFirstSheet(bytes, { maxRows: MAX_IMPORT_ROWS });
  const headers = new Map(sheet.header.map((c) => [c.text.trim(), c.column]));
  const missing = required.filter((h) => !headers.has(h));
  if (missing.length) throw new AppError('IMPORT_FILE_INVALID', { missingColumns: missing });
  const rows: HistoryRow[] = [];
  const problems: { row: number; message: string }[] = [];
  for (const line of sheet.rows) {
    const byColumn = new Map(line.cells.map((c) => [c.column, c]));
    const read = readRow(line.row, (h) => (headers.has(h) ? byColumn.get(headers.get(h)!) : undefined));
    if (read && 'problem' in read) problems.push({ row: line.row, message: read.problem });
    else if (read) rows.push(read);
  }
  if (problems.length) throw new AppError('IMPORT_HAS_ERRORS', { errors: problems.slice(0, 200) });
  if (rows.length === 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'noRows' });
  return rows;
}
