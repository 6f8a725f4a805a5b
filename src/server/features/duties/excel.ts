import ExcelJS from 'exceljs';
import { textProblem } from '../../../shared/text.js';
import type { DutyKind } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { escapeFormulas, unescapeFormula } from '../../platform/sheet-cells.js';
import { MAX_IMPORT_ROWS, readFirstSheet } from '../../platform/sheet-reader.js';
import { dutyKindLabels } from '../../../shared/duties.js';

// The duty list as a sheet: the same columns for import and export.
export const kindLabels: Record<DutyKind, string> = dutyKindLabels;
const kindByLabel = new Map(Object.entries(kindLabels).map(([k, v]) => [v, k as DutyKind]));

export const columns = [
  { key: 'kind', header: '类型', width: 10 },
  { key: 'ref', header: '编号', width: 14 },
  { key: 'className', header: '大类', width: 18 },
  { key: 'itemName', header: '事项', width: 28 },
  { key: 'subItemName', header: '子项', width: 28 },
  { key: 'legalBasis', header: '法律依据', width: 30 },
  { key: 'departmentKind', header: '责任部门类型', width: 16 },
  { key: 'categoryCodes', header: '对应诉求类别', width: 22 },
  { key: 'keywords', header: '关键词', width: 22 },
] as const;

// Cells that may hold line breaks: the legal basis, and lists a line break may separate.
const multilineColumns = new Set<string>(['legalBasis', 'categoryCodes', 'keywords']);

export interface DutyItemRow {
  kind: DutyKind;
  ref: string;
  className: string;
  itemName: string;
  subItemName: string;
  legalBasis: string;
  departmentKind: string | null;
  categoryCodes: string[];
  keywords: string[];
}

export async function writeDutySheet(items: DutyItemRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('权责清单');
  sheet.columns = columns.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const i of items)
    sheet.addRow(
      escapeFormulas({
        ...i,
        kind: kindLabels[i.kind],
        departmentKind: i.departmentKind ?? '',
        categoryCodes: i.categoryCodes.join(','),
        keywords: i.keywords.join('、'),
      }),
    );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function readDutySheet(bytes: Buffer): Promise<DutyItemRow[]> {
  const sheet = await readFirstSheet(bytes, { maxRows: MAX_IMPORT_ROWS });
  const headers = new Map(sheet.header.map((c) => [c.text, c.column]));
  const missing = columns
    .slice(0, 4)
    .filter((c) => !headers.has(c.header))
    .map((c) => c.header);
  if (missing.length) throw new AppError('IMPORT_FILE_INVALID', { missingColumns: missing });
  const rows: DutyItemRow[] = [];
  const problems: { row: number; message: string }[] = [];
  const refs = new Set<string>();
  for (const line of sheet.rows) {
    const r = line.row;
    const byColumn = new Map(line.cells.map((c) => [c.column, c]));
    const cellOf = (header: string) => (headers.has(header) ? byColumn.get(headers.get(header)!) : undefined);
    const cell = (header: string) => unescapeFormula((cellOf(header)?.text ?? '').trim());
    const formulas = columns.filter((c) => cellOf(c.header)?.formula).map((c) => c.header);
    if (formulas.length) {
      problems.push({ row: r, message: `${formulas.join('、')} 是公式，请改为直接填写内容` });
      continue;
    }
    if (columns.every((c) => !cell(c.header))) continue;
    const unstorable = columns.filter((c) => textProblem(cell(c.header), { multiline: multilineColumns.has(c.key) }));
    if (unstorable.length) {
      problems.push({ row: r, message: `${unstorable.map((c) => c.header).join('、')}含有控制字符、换行或残缺的字符` });
      continue;
    }
    const kind = kindByLabel.get(cell('类型'));
    const ref = cell('编号');
    if (!kind) problems.push({ row: r, message: `类型应为：${Object.values(kindLabels).join('、')}` });
    if (!ref || !cell('事项')) problems.push({ row: r, message: '编号和事项必填' });
    if (ref && refs.has(ref)) problems.push({ row: r, message: `编号 ${ref} 重复` });
    refs.add(ref);
    if (!kind || !ref) continue;
    rows.push({
      kind,
      ref,
      className: cell('大类'),
      itemName: cell('事项'),
      subItemName: cell('子项'),
      legalBasis: cell('法律依据'),
      departmentKind: cell('责任部门类型') || null,
      categoryCodes: cell('对应诉求类别')
        .split(/[,，\s]+/)
        .filter(Boolean),
      keywords: cell('关键词')
        .split(/[、,，\s]+/)
        .filter(Boolean),
    });
  }
  if (problems.length) throw new AppError('IMPORT_HAS_ERRORS', { errors: problems });
  return rows;
}
