import ExcelJS from 'exceljs';
import { isRole, roleLabels, roles, type Role } from '../../../shared/roles.js';
import { textProblem } from '../../../shared/text.js';
import { AppError } from '../../platform/errors.js';
import { unescapeFormula } from '../../platform/sheet-cells.js';
import { MAX_IMPORT_ROWS, readFirstSheet } from '../../platform/sheet-reader.js';

// Staff accounts as a sheet (人员账号导入): one row per role; rows with the same username make one
// user with several roles. The template's columns, its example row, and the reading of a filled one.

export const columns = [
  { key: 'username', header: '用户名', width: 16 },
  { key: 'displayName', header: '姓名', width: 12 },
  { key: 'role', header: '角色', width: 14 },
  { key: 'scope', header: '管辖范围编码', width: 18 },
  { key: 'password', header: '初始密码', width: 16 },
] as const;

const required = columns.slice(0, 4);
const roleByLabel = new Map<string, Role>(roles.map((r) => [roleLabels[r]['zh-CN'], r]));

export interface StaffRow {
  row: number;
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  password: string | null;
}

export interface RowProblem {
  row: number;
  message: string;
}

/** The template: the header, a note row on what goes where, and no data. */
export async function writeTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员账号');
  sheet.columns = columns.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  const notes = book.addWorksheet('填写说明');
  notes.columns = [{ header: '说明', key: 'note', width: 90 }];
  for (const note of [
    '用户名：3–32 个字母、数字或 _ . -，登录时使用，不能与已有账号重复。',
    '姓名：必填，最多 40 个字。',
    `角色：填写以下之一：${roles
      .filter((r) => r !== 'resident')
      .map((r) => roleLabels[r]['zh-CN'])
      .join('、')}。`,
    '管辖范围编码：社区、街道、网格的编码；接哨员、部门经办人填写部门编码。',
    '初始密码：可不填，系统会生成并在导入后显示一次；填写时至少 8 位，须包含字母和数字。',
    '同一人有多个角色时，写多行，用户名和姓名相同。本人首次登录时须修改密码。',
    '只要有一行有错误，整张表都不会导入；请按提示改正后重新上传。',
  ])
    notes.addRow({ note });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const usernamePattern = /^[A-Za-z0-9_.-]{3,32}$/;

function roleOf(text: string): Role | null {
  return roleByLabel.get(text) ?? (isRole(text) ? text : null);
}

/** Problems of one row's cells alone; the row when they are fine. */
function readRow(row: number, cell: (header: string) => string): StaffRow | RowProblem[] {
  const problems: RowProblem[] = [];
  const username = cell('用户名');
  const displayName = cell('姓名');
  const role = roleOf(cell('角色'));
  const scope = cell('管辖范围编码');
  const password = cell('初始密码') || null;
  if (!usernamePattern.test(username)) problems.push({ row, message: '用户名须为 3–32 个字母、数字或 _ . -' });
  if (!displayName || [...displayName].length > 40) problems.push({ row, message: '姓名必填，最多 40 个字' });
  if (!role || role === 'resident') problems.push({ row, message: `角色“${cell('角色')}”不存在` });
  if (!scope) problems.push({ row, message: '管辖范围编码必填' });
  if (password !== null && [...password].length > 128) problems.push({ row, message: '初始密码太长' });
  if (problems.length || !role) return problems;
  return { row, username, displayName, role, scope, password };
}

export interface StaffSheet {
  rows: StaffRow[];
  /** Rows whose cells alone are wrong; the service adds what it finds against the database. */
  problems: RowProblem[];
}

/** The rows of a filled template and the rows that cannot be read; 400 when it is no template. */
export async function readStaffSheet(bytes: Buffer): Promise<StaffSheet> {
  const sheet = await readFirstSheet(bytes, { maxRows: MAX_IMPORT_ROWS });
  const headers = new Map(sheet.header.map((c) => [c.text.trim(), c.column]));
  const missing = required.filter((c) => !headers.has(c.header)).map((c) => c.header);
  if (missing.length) throw new AppError('IMPORT_FILE_INVALID', { missingColumns: missing });
  const rows: StaffRow[] = [];
  const problems: RowProblem[] = [];
  for (const line of sheet.rows) {
    const byColumn = new Map(line.cells.map((c) => [c.column, c]));
    const cellOf = (header: string) => (headers.has(header) ? byColumn.get(headers.get(header)!) : undefined);
    const cell = (header: string) => unescapeFormula((cellOf(header)?.text ?? '').trim());
    if (columns.every((c) => !cell(c.header))) continue;
    const formulas = columns.filter((c) => cellOf(c.header)?.formula).map((c) => c.header);
    if (formulas.length) {
      problems.push({ row: line.row, message: `${formulas.join('、')} 是公式，请改为直接填写内容` });
      continue;
    }
    const unstorable = columns.filter((c) => textProblem(cell(c.header), { multiline: false }));
    if (unstorable.length) {
      problems.push({
        row: line.row,
        message: `${unstorable.map((c) => c.header).join('、')}含有控制字符、换行或残缺的字符`,
      });
      continue;
    }
    const read = readRow(line.row, cell);
    if (Array.isArray(read)) problems.push(...read);
    else rows.push(read);
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 2, message: '表格中没有人员' });
  return { rows, problems };
}
