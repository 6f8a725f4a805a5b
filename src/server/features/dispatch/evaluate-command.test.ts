import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAppeals } from '../../../../test/support/dispatch-data.js';
import { DispatchCommandError, dispatchEvaluateCommand } from './evaluate-command.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-dispatch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeSheet(name: string, header: string[], rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('历史工单');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

// Each test starts the sheet reader's worker thread, and the first cross-validates 300 messages twice
// (category and department): seconds on a quiet machine, more on a busy shared one.
describe('linli dispatch evaluate', { timeout: 120_000 }, () => {
  it('cross-validates a labelled sheet and beats naive Bayes where words decide the class', async () => {
    // A few hundred messages as in the issue: overlapping vocabulary, synonyms, typos, a second complaint.
    const appeals = generateAppeals(300, 2026);
    const file = await writeSheet(
      'history.xlsx',
      ['序号', '主题', '详情', '一级分类', '承办部门'],
      appeals.map((a, i) => [String(i + 1), a.subject, a.details, a.label, a.department]),
    );
    const lines: string[] = [];
    const { category, department } = await dispatchEvaluateCommand(
      ['--file', file, '--folds', '5', '--seed', '42'],
      (l) => lines.push(l),
    );
    expect(category.examples).toBe(300);
    expect(category.folds).toBe(5);
    expect(category.labels).toHaveLength(7);
    expect(category.top1).toBeGreaterThan(category.baseline.top1);
    expect(category.macroF1).toBeGreaterThan(category.baseline.macroF1);
    expect(category.top3).toBeGreaterThanOrEqual(category.top1);
    expect(department).not.toBeNull();
    expect(department!.labels.length).toBeGreaterThan(5);
    // The figures printed are the ones computed.
    const text = lines.join('\n');
    expect(text).toContain(category.top1.toFixed(3));
    expect(text).toContain(category.baseline.top1.toFixed(3));
    expect(text).toContain('混淆表 Confusion');
    expect(text).toContain(`ECE ${category.calibration.ece.toFixed(3)}`);
    expect(text).toContain(`p ≥ 0.90`);
    for (const label of category.labels) expect(text).toContain(label);
    const row = lines.find((l) => l.trim().startsWith('1 ') && l.endsWith(category.labels[0]))!;
    expect(row.trim().split(/\s+/).slice(1, 8).map(Number)).toEqual(category.confusion[0]);
  });

  it('refuses a sheet without the columns, in Chinese and English', async () => {
    const file = await writeSheet('wrong.xlsx', ['标题', '内容'], [['路灯坏了', '晚上很黑']]);
    const run = dispatchEvaluateCommand(['--file', file], () => {});
    await expect(run).rejects.toThrow(DispatchCommandError);
    await expect(run).rejects.toMatchObject({ usage: false });
    await expect(dispatchEvaluateCommand(['--file', file], () => {})).rejects.toThrow(
      /缺少列：一级分类[\s\S]*lacks the column\(s\) 一级分类/,
    );
  });

  it('refuses a missing file, bad arguments and too few rows', async () => {
    await expect(dispatchEvaluateCommand(['--file', path.join(dir, 'none.xlsx')], () => {})).rejects.toThrow(
      /无法读取文件 Cannot read the file/,
    );
    await expect(dispatchEvaluateCommand([], () => {})).rejects.toMatchObject({ usage: true, message: /--file/ });
    await expect(dispatchEvaluateCommand(['--file', 'x', '--folds', '1'], () => {})).rejects.toMatchObject({
      usage: true,
      message: /--folds/,
    });
    await expect(dispatchEvaluateCommand(['--file', 'x', '--bogus'], () => {})).rejects.toThrow(DispatchCommandError);
    const file = await writeSheet('small.xlsx', ['主题', '详情', '一级分类'], [['路灯', '坏了', '城乡建设']]);
    await expect(dispatchEvaluateCommand(['--file', file], () => {})).rejects.toThrow(/太少 .*|Too few labelled rows/);
  });
});
