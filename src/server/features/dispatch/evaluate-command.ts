import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_IMPORT_ROWS, readFirstSheet, type Sheet } from '../../platform/sheet-reader.js';
import { crossValidate, type Evaluation, type LabelledText } from './learner/index.js';

// `linli dispatch evaluate --file history.xlsx --folds 5 --seed 42`: stratified k-fold cross-validation
// of the learner on a labelled sheet (主题, 详情, 一级分类; optional 部门/承办部门), beside naive Bayes.

/** A refusal the CLI prints as it is (Chinese and English), no stack trace: exit code 2 for wrong arguments (`usage`), 1 otherwise. */
export class DispatchCommandError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

export interface LabelledSheet {
  category: LabelledText[];
  /** Present when the sheet has a department column with at least two departments. */
  department: LabelledText[] | null;
  skipped: number;
}

const columnNames = {
  subject: ['主题', '标题'],
  details: ['详情', '内容', '诉求内容'],
  category: ['一级分类'],
  department: ['部门', '承办部门', '处理部门'],
} as const;

/** The labelled rows of a sheet: text = 主题 + 详情, rows without text or category skipped. */
export function labelledRows(sheet: Sheet): LabelledSheet {
  const found: Partial<Record<keyof typeof columnNames, number>> = {};
  for (const cell of sheet.header) {
    const name = cell.text.replace(/[*＊\s]/g, '');
    for (const [key, names] of Object.entries(columnNames) as [keyof typeof columnNames, readonly string[]][])
      if (found[key] === undefined && names.includes(name)) found[key] = cell.column;
  }
  const missing = (['subject', 'details', 'category'] as const).filter((k) => found[k] === undefined);
  if (missing.length > 0)
    throw new DispatchCommandError(
      `表格缺少列：${missing.map((k) => columnNames[k][0]).join('、')}（需要 主题、详情、一级分类，可选 部门/承办部门）\n` +
        `The sheet lacks the column(s) ${missing.map((k) => columnNames[k][0]).join(', ')} ` +
        '(needs 主题 subject, 详情 details, 一级分类 first-level category; optional 部门/承办部门 department).',
    );
  const category: LabelledText[] = [];
  const department: LabelledText[] = [];
  let skipped = 0;
  for (const line of sheet.rows) {
    const value = (column: number | undefined) =>
      column === undefined ? '' : (line.cells.find((c) => c.column === column && !c.formula)?.text ?? '').trim();
    const text = [value(found.subject), value(found.details)].filter((t) => t.length > 0).join('\n');
    const label = value(found.category);
    if (text.length === 0 || label.length === 0) {
      skipped++;
      continue;
    }
    category.push({ text, label });
    const dept = value(found.department);
    if (dept.length > 0) department.push({ text, label: dept });
  }
  const departments = new Set(department.map((d) => d.label)).size;
  return { category, department: departments >= 2 ? department : null, skipped };
}

export async function readLabelledFile(file: string): Promise<LabelledSheet> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new DispatchCommandError(`无法读取文件 Cannot read the file: ${file}`);
  }
  return labelledRows(await readFirstSheet(bytes, { maxRows: MAX_IMPORT_ROWS }));
}

const fixed = (v: number) => v.toFixed(3);

/** The report lines: figures beside the baseline, then the confusion table (rows true, columns predicted). */
export function formatEvaluation(title: string, e: Evaluation): string[] {
  const lines = [
    `${title}: ${e.examples} 条 examples, ${e.labels.length} 类 labels, ${e.folds} 折 folds`,
    `                          top-1   top-3   macro-F1`,
    `  学习器 learner           ${fixed(e.top1)}   ${fixed(e.top3)}   ${fixed(e.macroF1)}`,
    `  朴素贝叶斯 naive Bayes   ${fixed(e.baseline.top1)}   ${fixed(e.baseline.top3)}   ${fixed(e.baseline.macroF1)}`,
    `  混淆表 Confusion (行=实际 rows = true, 列=预测 columns = predicted):`,
  ];
  lines.push(
    `  概率校准 Calibration: 对数损失 log loss ${fixed(e.calibration.logLoss)}, ECE ${fixed(e.calibration.ece)}`,
    '  自动派单参考 For an auto-routing threshold (最高概率 ≥ p 的工单占比与其准确率 share of messages whose best label has p or more, and its top-1):',
    ...e.confidence.map(
      (c) => `    p ≥ ${c.atLeast.toFixed(2)}  ${(c.share * 100).toFixed(1).padStart(5)} %  top-1 ${fixed(c.top1)}`,
    ),
  );
  const width = Math.max(4, ...e.confusion.flat().map((n) => String(n).length + 1));
  const pad = (s: string) => s.padStart(width);
  lines.push('      ' + e.labels.map((_, i) => pad(String(i + 1))).join(''));
  e.confusion.forEach((row, i) =>
    lines.push(`  ${String(i + 1).padStart(3)} ${row.map((n) => pad(String(n))).join('')}   ${e.labels[i]}`),
  );
  return lines;
}

function integer(text: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || n < min || n > max)
    throw new DispatchCommandError(
      `--${name} 须为 ${min}–${max} 的整数 --${name} must be a whole number from ${min} to ${max}`,
      true,
    );
  return n;
}

export async function dispatchEvaluateCommand(
  args: string[],
  print: (line: string) => void = console.log,
): Promise<{ category: Evaluation; department: Evaluation | null }> {
  let values: { file?: string; folds?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { file: { type: 'string' }, folds: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new DispatchCommandError(`参数有误 Bad arguments: ${(error as Error).message}`, true);
  }
  if (!values.file)
    throw new DispatchCommandError('需要 --file 指定 Excel 文件 dispatch evaluate needs --file history.xlsx', true);
  const folds = integer(values.folds, 5, 'folds', 2, 20);
  const seed = integer(values.seed, 42, 'seed', 0, 2 ** 31 - 1);
  const sheet = await readLabelledFile(values.file);
  const labels = new Set(sheet.category.map((e) => e.label)).size;
  if (sheet.category.length < folds * 2 || labels < 2)
    throw new DispatchCommandError(
      `可用的带分类行太少（${sheet.category.length} 行，${labels} 类）：至少需要 ${folds * 2} 行、2 类\n` +
        `Too few labelled rows (${sheet.category.length} rows, ${labels} labels): needs at least ${folds * 2} rows and 2 labels.`,
    );
  const name = path.basename(values.file);
  print(
    `智能派单评估 Dispatch evaluation — ${name}, seed ${seed}${sheet.skipped ? `, 跳过 ${sheet.skipped} 行 skipped rows` : ''}`,
  );
  const started = performance.now();
  const category = crossValidate(sheet.category, { folds, seed });
  for (const line of formatEvaluation('一级分类 Category', category)) print(line);
  let department: Evaluation | null = null;
  if (sheet.department && sheet.department.length >= folds * 2) {
    department = crossValidate(sheet.department, { folds, seed });
    for (const line of formatEvaluation('部门 Department', department)) print(line);
  }
  print(`用时 Took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { category, department };
}
