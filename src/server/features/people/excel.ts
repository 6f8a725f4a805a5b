import ExcelJS from 'exceljs';
import { genderLabels, relationLabels, residenceLabels, residentStatusLabels } from '../../../shared/people-labels.js';
import { AppError } from '../../platform/errors.js';
import { escapeFormulas, unescapeFormula } from '../../platform/sheet-cells.js';
import { MAX_IMPORT_ROWS, readFirstSheet } from '../../platform/sheet-reader.js';

// The resident sheet: one template for import, the same columns (plus derived ones) for export.

export const importColumns = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'idNumber', header: '身份证号', required: false, width: 22 },
  { key: 'phone', header: '手机号', required: false, width: 15 },
  { key: 'building', header: '楼栋号', required: true, width: 8 },
  { key: 'unit', header: '单元号', required: true, width: 8 },
  { key: 'room', header: '房号', required: true, width: 8 },
  { key: 'relation', header: '与户主关系', required: false, width: 12 },
  { key: 'residence', header: '居住类型', required: false, width: 10 },
  { key: 'tags', header: '标签', required: false, width: 24 },
  { key: 'notes', header: '备注', required: false, width: 30 },
] as const;

export type ImportColumn = (typeof importColumns)[number]['key'];
// A formula cell is listed in `formulas` (its value is left empty): we import what people typed, not
// what a formula last computed.
export type SheetRow = { row: number; values: Record<ImportColumn, string>; formulas: ImportColumn[] };

function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function templateWorkbook(tagLabels: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民');
  sheet.columns = importColumns.map((c) => ({
    header: c.header + (c.required ? '*' : ''),
    key: c.key,
    width: c.width,
  }));
  styleHeader(sheet);
  sheet.addRow({
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    building: '1',
    unit: '1',
    room: '101',
    relation: '户主',
    residence: '户籍',
    tags: '独居老人',
    notes: '示例行，导入前请删除',
  });
  const help = book.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 14 },
    { header: '说明', key: 'text', width: 80 },
  ];
  styleHeader(help);
  help.addRows([
    { col: '姓名*', text: '必填' },
    { col: '身份证号', text: '18 位，末位可为 X；出生日期和性别由身份证号自动得出' },
    { col: '手机号', text: '11 位手机号或带区号的固定电话' },
    { col: '楼栋号/单元号/房号*', text: '必填；须是本社区已登记的楼栋、单元和房间，例如 3 / 2 / 501' },
    { col: '与户主关系', text: Object.values(relationLabels).join('、') },
    { col: '居住类型', text: Object.values(residenceLabels).join('、') + '（不填为户籍）' },
    { col: '标签', text: `多个用顿号分隔：${tagLabels.join('、')}` },
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function readResidentSheet(bytes: Buffer): Promise<SheetRow[]> {
  const sheet = await readFirstSheet(bytes, { maxRows: MAX_IMPORT_ROWS });
  const positions = new Map<ImportColumn, number>();
  for (const cell of sheet.header) {
    const text = cell.text.replace(/[*＊\s]/g, '');
    const column = importColumns.find((c) => c.header === text);
    if (column) positions.set(column.key, cell.column);
  }
  const missing = importColumns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (missing.length) throw new AppError('IMPORT_FILE_INVALID', { missingColumns: missing });
  const rows: SheetRow[] = [];
  for (const line of sheet.rows) {
    const byColumn = new Map(line.cells.map((c) => [c.column, c]));
    const cellOf = (key: ImportColumn) => (positions.has(key) ? byColumn.get(positions.get(key)!) : undefined);
    const values = Object.fromEntries(
      importColumns.map((c) => [c.key, unescapeFormula((cellOf(c.key)?.text ?? '').trim())]),
    ) as Record<ImportColumn, string>;
    const formulas = importColumns.filter((c) => cellOf(c.key)?.formula).map((c) => c.key);
    if (formulas.length === 0 && Object.values(values).every((v) => v === '')) continue;
    rows.push({ row: line.row, values, formulas });
  }
  return rows;
}

export interface ExportRow {
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string;
  grid: string;
  relation: keyof typeof relationLabels;
  residence: keyof typeof residenceLabels;
  tags: string;
  status: keyof typeof residentStatusLabels;
}

export async function exportWorkbook(batches: AsyncIterable<ExportRow[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '手机号', key: 'phone', width: 15 },
    { header: '地址', key: 'address', width: 44 },
    { header: '网格', key: 'grid', width: 20 },
    { header: '与户主关系', key: 'relation', width: 10 },
    { header: '居住类型', key: 'residence', width: 10 },
    { header: '标签', key: 'tags', width: 24 },
    { header: '状态', key: 'status', width: 8 },
  ];
  styleHeader(sheet);
  for await (const batch of batches) {
    for (const r of batch) {
      sheet.addRow(
        escapeFormulas({
          ...r,
          gender: r.gender ? genderLabels[r.gender] : '',
          relation: relationLabels[r.relation] ?? r.relation,
          residence: residenceLabels[r.residence] ?? r.residence,
          status: residentStatusLabels[r.status] ?? r.status,
        }),
      );
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
