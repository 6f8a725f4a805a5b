import ExcelJS from 'exceljs';
import {
  formDefinitionSchema,
  formFieldKindLabels,
  formFieldKinds,
  materialSchema,
  prefillKeys,
  prefillLabels,
  tableColumnKinds,
  type FormColumn,
  type FormField,
  type Material,
} from '../../../../shared/service-forms.js';
import {
  applyChannelLabels,
  applyChannels,
  handlerLevelLabels,
  handlerLevels,
  type ApplyChannel,
  type HandlerLevel,
} from '../../../../shared/services.js';
import { textLength, textProblem } from '../../../../shared/text.js';
import { escapeFormulas, unescapeFormula } from '../../../platform/sheet-cells.js';
import type { NamedSheet } from '../../../platform/sheet-reader.js';

// 服务事项目录 as one workbook: 类别, 事项, 表单字段 (one row per field; a table's columns are rows
// keyed `表格标识.列标识` right after it), 材料, 一件事, 一件事事项. What is exported imports again
// as it was; rows are matched by code. This file writes the workbook and reads an uploaded one into
// rows, telling each bad cell in Chinese; import.ts checks the rows against the county and saves.

export const sheetNames = {
  categories: '类别',
  items: '事项',
  fields: '表单字段',
  materials: '材料',
  bundles: '一件事',
  bundleItems: '一件事事项',
} as const;

const headers = {
  categories: ['编码', '名称', '排序', '在用'],
  items: [
    '编码',
    '名称',
    '类别编码',
    '摘要',
    '申请条件',
    '办理层级',
    '办理部门编码',
    '承诺时限（工作日）',
    '收费（元）',
    '收费说明',
    '设定依据',
    '办理渠道',
    '排序',
    '在用',
  ],
  fields: ['事项编码', '字段标识', '名称', '类型', '必填', '选项', '预填', '规则', '说明'],
  materials: ['事项编码', '材料标识', '名称', '必需', '原件', '份数', '说明', '样表文件编号'],
  bundles: ['编码', '名称', '分类编码', '分类名称', '摘要', '排序', '在用'],
  bundleItems: ['一件事编码', '事项编码', '排序'],
} as const;

const widths: Record<string, number> = {
  编码: 14,
  名称: 28,
  摘要: 40,
  申请条件: 40,
  设定依据: 40,
  规则: 36,
  选项: 30,
  说明: 30,
  事项编码: 14,
  一件事编码: 14,
};

// ── what a workbook holds ────────────────────────────────────────────────────────────────────
export interface CategoryRow {
  row: number;
  code: string;
  name: string;
  sort: number;
  active: boolean;
}
export interface ItemRow {
  row: number;
  code: string;
  name: string;
  categoryCode: string;
  summary: string;
  eligibility: string;
  handlerLevel: HandlerLevel;
  departmentCode: string | null;
  timeLimitDays: number;
  feeFen: number;
  feeNote: string;
  legalBasis: string;
  channel: ApplyChannel;
  sort: number;
  active: boolean;
}
export interface FieldRow {
  row: number;
  itemCode: string;
  key: string;
  field: Record<string, unknown>;
}
export interface MaterialRow {
  row: number;
  itemCode: string;
  material: Record<string, unknown>;
}
export interface BundleRow {
  row: number;
  code: string;
  name: string;
  classCode: string;
  className: string;
  summary: string;
  sort: number;
  active: boolean;
}
export interface BundleItemRow {
  row: number;
  bundleCode: string;
  itemCode: string;
  sort: number;
}
export interface SheetProblem {
  sheet: string;
  row: number;
  message: string;
}

export interface CatalogueBook {
  categories: { code: string; name: string; sort: number; active: boolean }[];
  items: (Omit<ItemRow, 'row'> & { form: { fields: FormField[] }; materials: Material[] })[];
  bundleClasses: { code: string; name: string; sort: number }[];
  bundles: (Omit<BundleRow, 'row' | 'className'> & { itemCodes: string[] })[];
}

// ── rules of a field, as one cell ────────────────────────────────────────────────────────────
const ruleWords = {
  minLength: '最少字数',
  maxLength: '最多字数',
  min: '最小值',
  max: '最大值',
  maxFiles: '最多附件',
  minRows: '最少行数',
  maxRows: '最多行数',
} as const;
const flagWords = { integer: '整数', multiple: '多选' } as const;

function rulesText(f: Partial<FormField>): string {
  const parts: string[] = [];
  for (const [key, word] of Object.entries(ruleWords)) {
    const value = (f as Record<string, unknown>)[key];
    if (typeof value === 'number') parts.push(`${word}=${value}`);
  }
  for (const [key, word] of Object.entries(flagWords)) if ((f as Record<string, unknown>)[key]) parts.push(word);
  return parts.join('；');
}

function parseRules(text: string): { rules: Record<string, number | boolean>; problem: string | null } {
  const rules: Record<string, number | boolean> = {};
  for (const part of text
    .split(/[；;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const flag = Object.entries(flagWords).find(([, word]) => word === part);
    if (flag) {
      rules[flag[0]] = true;
      continue;
    }
    const [word, value] = part.split(/[=＝]/).map((p) => p?.trim());
    const rule = Object.entries(ruleWords).find(([, w]) => w === word);
    const number = Number(value);
    if (!rule || value === undefined || value === '' || !Number.isFinite(number))
      return {
        rules,
        problem: `规则“${part}”看不懂（可写：${[...Object.values(ruleWords).map((w) => `${w}=数字`), ...Object.values(flagWords)].join('、')}，用“；”分隔）`,
      };
    rules[rule[0]] = number;
  }
  return { rules, problem: null };
}

const yes = (v: boolean) => (v ? '是' : '否');
const joinOptions = (options: string[] | undefined) => (options ?? []).join('|');
const fenToYuan = (fen: number) => (fen / 100).toFixed(2);

// ── writing ──────────────────────────────────────────────────────────────────────────────────
type AddRow = (s: ExcelJS.Worksheet, values: Record<string, string | number>) => void;
const addRow: AddRow = (s, values) => void s.addRow(escapeFormulas(values));

function writeItem(
  item: CatalogueBook['items'][number],
  items: ExcelJS.Worksheet,
  fields: ExcelJS.Worksheet,
  materials: ExcelJS.Worksheet,
) {
  addRow(items, {
    编码: item.code,
    名称: item.name,
    类别编码: item.categoryCode,
    摘要: item.summary,
    申请条件: item.eligibility,
    办理层级: handlerLevelLabels[item.handlerLevel],
    办理部门编码: item.departmentCode ?? '',
    '承诺时限（工作日）': item.timeLimitDays,
    '收费（元）': fenToYuan(item.feeFen),
    收费说明: item.feeNote,
    设定依据: item.legalBasis,
    办理渠道: applyChannelLabels[item.channel],
    排序: item.sort,
    在用: yes(item.active),
  });
  const fieldRow = (key: string, f: FormColumn | FormField, prefill: string, help: string) =>
    addRow(fields, {
      事项编码: item.code,
      字段标识: key,
      名称: f.label,
      类型: formFieldKindLabels[f.kind],
      必填: yes(f.required),
      选项: joinOptions(f.options),
      预填: prefill,
      规则: rulesText(f),
      说明: help,
    });
  for (const f of item.form.fields) {
    fieldRow(f.key, f, f.prefill ? prefillLabels[f.prefill] : '', f.help ?? '');
    for (const c of f.columns ?? []) fieldRow(`${f.key}.${c.key}`, c, '', '');
  }
  for (const m of item.materials)
    addRow(materials, {
      事项编码: item.code,
      材料标识: m.key,
      名称: m.name,
      必需: yes(m.required),
      原件: yes(m.original),
      份数: m.copies,
      说明: m.note ?? '',
      样表文件编号: m.sampleFileId ?? '',
    });
}

export async function writeCatalogueBook(book: CatalogueBook) {
  const workbook = new ExcelJS.Workbook();
  const sheet = (key: keyof typeof headers) => {
    const s = workbook.addWorksheet(sheetNames[key]);
    s.columns = headers[key].map((h) => ({ header: h, key: h, width: widths[h] ?? 12 }));
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
    return s;
  };
  const categories = sheet('categories');
  for (const c of book.categories)
    addRow(categories, { 编码: c.code, 名称: c.name, 排序: c.sort, 在用: yes(c.active) });
  const [items, fields, materials] = [sheet('items'), sheet('fields'), sheet('materials')];
  for (const i of book.items) writeItem(i, items, fields, materials);
  const [bundles, bundleItems] = [sheet('bundles'), sheet('bundleItems')];
  for (const b of book.bundles) {
    const cls = book.bundleClasses.find((c) => c.code === b.classCode);
    addRow(bundles, {
      编码: b.code,
      名称: b.name,
      分类编码: b.classCode,
      分类名称: cls?.name ?? '',
      摘要: b.summary,
      排序: b.sort,
      在用: yes(b.active),
    });
    b.itemCodes.forEach((itemCode, n) => addRow(bundleItems, { 一件事编码: b.code, 事项编码: itemCode, 排序: n + 1 }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────
const codePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const keyPattern = /^[a-z][a-z0-9_]{0,39}$/;
const kindByLabel = new Map(formFieldKinds.map((k) => [formFieldKindLabels[k], k]));
const prefillByLabel = new Map(prefillKeys.map((k) => [prefillLabels[k], k]));
const levelByLabel = new Map(handlerLevels.map((l) => [handlerLevelLabels[l], l]));
const channelByLabel = new Map(applyChannels.map((c) => [applyChannelLabels[c], c]));

type Cell = (header: string) => string;

/** A sheet's rows as cell getters by header; the header must hold every column named. */
function rowsOf(sheets: NamedSheet[], key: keyof typeof headers, problems: SheetProblem[], required: boolean) {
  const name = sheetNames[key];
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) {
    if (required) problems.push({ sheet: name, row: 1, message: `缺少工作表“${name}”` });
    return [];
  }
  const columnOf = new Map(sheet.header.map((c) => [c.text, c.column]));
  const missing = headers[key].filter((h) => !columnOf.has(h));
  if (missing.length) {
    problems.push({ sheet: name, row: 1, message: `表头缺少：${missing.join('、')}` });
    return [];
  }
  return sheet.rows.map((line) => {
    const formula = line.cells.some((c) => c.formula);
    if (formula) problems.push({ sheet: name, row: line.row, message: '单元格不能是公式' });
    const cell: Cell = (header) =>
      unescapeFormula(line.cells.find((c) => c.column === columnOf.get(header))?.text ?? '');
    return { row: line.row, cell };
  });
}

function reader(sheet: string, row: number, problems: SheetProblem[]) {
  const fail = (message: string) => problems.push({ sheet, row, message });
  const textCell = (cell: Cell, header: string, max: number, options: { min?: number; multiline?: boolean } = {}) => {
    const value = cell(header);
    if (textProblem(value, { multiline: options.multiline ?? false }))
      fail(`“${header}”含有不能保存的字符${options.multiline ? '' : '或换行'}`);
    else if (textLength(value) < (options.min ?? 0)) fail(`“${header}”必填`);
    else if (textLength(value) > max) fail(`“${header}”最多 ${max} 个字`);
    return value;
  };
  const codeCell = (cell: Cell, header: string) => {
    const value = cell(header);
    if (!codePattern.test(value)) fail(`“${header}”须为 1–40 个字母、数字、_ 或 -，以字母或数字开头`);
    return value;
  };
  const intCell = (cell: Cell, header: string, min: number, max: number, fallback: number) => {
    const value = cell(header);
    if (value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      fail(`“${header}”须为 ${min} 到 ${max} 的整数`);
      return fallback;
    }
    return n;
  };
  const yesNo = (cell: Cell, header: string, fallback: boolean) => {
    const value = cell(header);
    if (value === '') return fallback;
    if (value === '是') return true;
    if (value === '否') return false;
    fail(`“${header}”请填“是”或“否”`);
    return fallback;
  };
  return { fail, textCell, codeCell, intCell, yesNo };
}

type Rows = ReturnType<typeof rowsOf>;
type Reader = ReturnType<typeof reader>;
const each = <T>(
  rows: Rows,
  sheet: string,
  problems: SheetProblem[],
  read: (cell: Cell, r: Reader, row: number) => T,
) => rows.map(({ row, cell }) => ({ row, ...read(cell, reader(sheet, row, problems), row) }));

const labelled = <T extends string>(byLabel: Map<string, T>, values: readonly T[], text: string) =>
  byLabel.get(text) ?? values.find((v) => v === text);

/** 收费（元） as fen; a bad amount is told and read as 0. */
function feeOf(text: string, r: Reader) {
  const fee = text === '' ? 0 : Number(text);
  const fen = Math.round(fee * 100);
  if (!Number.isFinite(fee) || fee < 0 || fee > 1_000_000 || Math.abs(fen - fee * 100) > 1e-6) {
    r.fail('“收费（元）”须为不小于 0 的金额，最多两位小数');
    return 0;
  }
  return fen;
}

function readItem(cell: Cell, r: Reader): Omit<ItemRow, 'row'> {
  const level = labelled(levelByLabel, handlerLevels, cell('办理层级'));
  if (!level) r.fail(`“办理层级”请填：${Object.values(handlerLevelLabels).join('、')}`);
  const channel = labelled(channelByLabel, applyChannels, cell('办理渠道'));
  if (!channel) r.fail(`“办理渠道”请填：${Object.values(applyChannelLabels).join('、')}`);
  return {
    code: r.codeCell(cell, '编码'),
    name: r.textCell(cell, '名称', 60, { min: 1 }),
    categoryCode: cell('类别编码'),
    summary: r.textCell(cell, '摘要', 500, { multiline: true }),
    eligibility: r.textCell(cell, '申请条件', 1000, { multiline: true }),
    handlerLevel: level ?? 'community',
    departmentCode: cell('办理部门编码') || null,
    timeLimitDays: r.intCell(cell, '承诺时限（工作日）', 0, 365, 0),
    feeFen: feeOf(cell('收费（元）'), r),
    feeNote: r.textCell(cell, '收费说明', 200),
    legalBasis: r.textCell(cell, '设定依据', 2000, { multiline: true }),
    channel: channel ?? 'both',
    sort: r.intCell(cell, '排序', 0, 9999, 0),
    active: r.yesNo(cell, '在用', true),
  };
}

/** The field's key (`表格.列` for a table's column) and kind, told when wrong. */
function keyAndKind(cell: Cell, r: Reader) {
  const key = cell('字段标识');
  const [own = '', column, extra] = key.split('.');
  const keyOk = keyPattern.test(own) && (column === undefined || keyPattern.test(column)) && extra === undefined;
  if (!keyOk) r.fail('“字段标识”须为小写字母开头的小写字母、数字或 _（表格的列写作 表格标识.列标识）');
  const allowed: readonly string[] = column !== undefined ? tableColumnKinds : formFieldKinds;
  const kind = labelled(kindByLabel, formFieldKinds, cell('类型'));
  if (!kind || !allowed.includes(kind))
    r.fail(`“类型”请填：${allowed.map((k) => formFieldKindLabels[k as FormField['kind']]).join('、')}`);
  return { key, own, column, kind };
}

/** 选项, separated by |; each a line of text of at most 40 characters. */
function optionsOf(cell: Cell, r: Reader) {
  const options = cell('选项')
    .split('|')
    .map((o) => o.trim())
    .filter(Boolean);
  if (options.some((o) => textProblem(o, { multiline: false }) || textLength(o) > 40))
    r.fail('“选项”每项最多 40 个字，不能含控制字符或换行');
  return options;
}

function readField(cell: Cell, r: Reader): Omit<FieldRow, 'row'> {
  const { key, own, column, kind } = keyAndKind(cell, r);
  const isColumn = column !== undefined;
  const prefillText = cell('预填');
  const prefill = prefillText ? (prefillByLabel.get(prefillText) ?? null) : undefined;
  if (prefill === null) r.fail(`“预填”请填：${Object.values(prefillLabels).join('、')}，或留空`);
  const { rules, problem } = parseRules(cell('规则'));
  if (problem) r.fail(problem);
  const options = optionsOf(cell, r);
  const help = r.textCell(cell, '说明', 200);
  return {
    itemCode: cell('事项编码'),
    key,
    field: {
      key: column ?? own,
      label: r.textCell(cell, '名称', 40, { min: 1 }),
      kind,
      required: r.yesNo(cell, '必填', false),
      ...(options.length ? { options } : {}),
      ...(prefill ? { prefill } : {}),
      ...(help && !isColumn ? { help } : {}),
      ...rules,
    },
  };
}

function readMaterial(cell: Cell, r: Reader): Omit<MaterialRow, 'row'> {
  const note = r.textCell(cell, '说明', 200);
  const sample = cell('样表文件编号');
  return {
    itemCode: cell('事项编码'),
    material: {
      key: cell('材料标识'),
      name: r.textCell(cell, '名称', 60, { min: 1 }),
      required: r.yesNo(cell, '必需', true),
      original: r.yesNo(cell, '原件', false),
      copies: r.intCell(cell, '份数', 0, 10, 1),
      ...(note ? { note } : {}),
      ...(sample ? { sampleFileId: sample } : {}),
    },
  };
}

/** The workbook's rows, each checked alone; cross-row and county checks are import.ts's. */
export function readCatalogueBook(sheets: NamedSheet[]) {
  const problems: SheetProblem[] = [];
  const rows = (key: keyof typeof headers, required = false) => rowsOf(sheets, key, problems, required);
  const categories: CategoryRow[] = each(rows('categories', true), sheetNames.categories, problems, (cell, r) => ({
    code: r.codeCell(cell, '编码'),
    name: r.textCell(cell, '名称', 20, { min: 1 }),
    sort: r.intCell(cell, '排序', 0, 9999, 0),
    active: r.yesNo(cell, '在用', true),
  }));
  const items: ItemRow[] = each(rows('items', true), sheetNames.items, problems, readItem);
  const fields: FieldRow[] = each(rows('fields'), sheetNames.fields, problems, readField);
  const materials: MaterialRow[] = each(rows('materials'), sheetNames.materials, problems, readMaterial);
  const bundles: BundleRow[] = each(rows('bundles'), sheetNames.bundles, problems, (cell, r) => ({
    code: r.codeCell(cell, '编码'),
    name: r.textCell(cell, '名称', 60, { min: 1 }),
    classCode: r.codeCell(cell, '分类编码'),
    className: r.textCell(cell, '分类名称', 20),
    summary: r.textCell(cell, '摘要', 500, { multiline: true }),
    sort: r.intCell(cell, '排序', 0, 9999, 0),
    active: r.yesNo(cell, '在用', true),
  }));
  const bundleItems: BundleItemRow[] = each(rows('bundleItems'), sheetNames.bundleItems, problems, (cell, r) => ({
    bundleCode: cell('一件事编码'),
    itemCode: cell('事项编码'),
    sort: r.intCell(cell, '排序', 0, 9999, 0),
  }));
  return { categories, items, fields, materials, bundles, bundleItems, problems };
}
export type ReadBook = ReturnType<typeof readCatalogueBook>;

/** Each item's fields from the 表单字段 rows (a table's columns join their table), with each key's row. */
function collectForms(book: ReadBook, problems: SheetProblem[]) {
  const forms = new Map<string, FormField[]>();
  const rowOf = new Map<string, number>();
  const itemCodes = new Set(book.items.map((i) => i.code));
  for (const f of book.fields) {
    const fail = (message: string) => problems.push({ sheet: sheetNames.fields, row: f.row, message });
    if (!itemCodes.has(f.itemCode)) {
      fail(`事项编码 ${f.itemCode} 不在“事项”表中`);
      continue;
    }
    const list = forms.get(f.itemCode) ?? [];
    forms.set(f.itemCode, list);
    const [own, column] = f.key.split('.');
    if (column === undefined) {
      list.push(f.field as FormField);
      rowOf.set(`${f.itemCode}/${own}`, f.row);
      continue;
    }
    const table = list.find((g) => g.key === own);
    if (table?.kind === 'table') table.columns = [...(table.columns ?? []), f.field as FormColumn];
    else fail(`列 ${f.key} 之前没有表格字段 ${own}`);
  }
  return { forms, rowOf };
}

const materialProblem = (path: unknown) =>
  path === 'key'
    ? '“材料标识”须为小写字母开头的小写字母、数字或 _'
    : path === 'sampleFileId'
      ? '“样表文件编号”格式不正确'
      : '材料填写有误';

/** Each item's materials from the 材料 rows, checked as the API checks them. */
function collectMaterials(book: ReadBook, problems: SheetProblem[]) {
  const materials = new Map<string, Material[]>();
  const itemCodes = new Set(book.items.map((i) => i.code));
  for (const m of book.materials) {
    const fail = (message: string) => problems.push({ sheet: sheetNames.materials, row: m.row, message });
    if (!itemCodes.has(m.itemCode)) {
      fail(`事项编码 ${m.itemCode} 不在“事项”表中`);
      continue;
    }
    const parsed = materialSchema.safeParse(m.material);
    if (!parsed.success) {
      fail(materialProblem(parsed.error.issues[0]?.path[0]));
      continue;
    }
    const list = materials.get(m.itemCode) ?? [];
    if (list.some((o) => o.key === parsed.data.key)) fail(`材料标识 ${parsed.data.key} 在该事项中重复`);
    list.push(parsed.data);
    materials.set(m.itemCode, list);
  }
  return materials;
}

type Issue = { path: PropertyKey[]; params?: unknown };

/** A problem of an item's form, told on the row of the field it names. */
function formProblem(item: ItemRow, fields: FormField[], issue: Issue, rowOf: Map<string, number>): SheetProblem {
  const at = issue.path[1];
  const key = typeof at === 'number' ? (fields[at]?.key ?? '') : String(at ?? '');
  const zh = (issue.params as { messages?: { 'zh-CN'?: string } } | undefined)?.messages?.['zh-CN'];
  return {
    sheet: sheetNames.fields,
    row: rowOf.get(`${item.code}/${key}`) ?? item.row,
    message: `事项 ${item.code} 的字段 ${key || '？'}：${zh ?? '填写有误（检查名称、选项和规则）'}`,
  };
}

/** Assembles each item's form and materials from their rows, and checks them as the API does. */
export function assembleItems(book: ReadBook) {
  const problems: SheetProblem[] = [];
  const { forms, rowOf } = collectForms(book, problems);
  const materials = collectMaterials(book, problems);
  const items = book.items.map((item) => {
    const fields = forms.get(item.code) ?? [];
    const parsed = formDefinitionSchema.safeParse({ fields });
    for (const issue of (parsed.error?.issues ?? []) as Issue[]) problems.push(formProblem(item, fields, issue, rowOf));
    return { ...item, form: parsed.data ?? { fields: [] }, materials: materials.get(item.code) ?? [] };
  });
  return { items, problems };
}
