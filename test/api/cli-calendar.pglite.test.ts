import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `linli calendar import` on the embedded database, as an operator runs it once a year.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cli-calendar-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function linli(...args: string[]) {
  const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PII_KEY: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

// A notice in the State Council's form; the dates here are an example, not the real 2027 arrangement.
const notice = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。`;

describe('linli calendar', () => {
  it('refuses a notice it cannot read fully, and imports one it can', () => {
    const bad = path.join(dataDir, 'bad.txt');
    fs.writeFileSync(bad, `${notice}\n三、清明节：4月31日（周五）放假。`);
    const refused = linli('calendar', 'import', '--year', '2027', '--file', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('4月31日');

    const file = path.join(dataDir, 'notice.txt');
    fs.writeFileSync(file, notice);
    const dry = linli('calendar', 'import', '--year', '2027', '--file', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('2027-02-20  上班  春节调休');

    const shownBefore = linli('calendar', 'show', '--year', '2027');
    expect(shownBefore.out).toContain('（暂定或未录入）');
    const done = linli('calendar', 'import', '--year', '2027', '--file', file, '--source', '国办发明电〔2026〕X号');
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('2027 年：放假 10 天，调休上班 1 天（已确认）');
    // The provisional fixed-date rows of 2027 (劳动节, 国庆节) were replaced by the notice's days.
    expect(linli('calendar', 'show', '--year', '2027').out).not.toContain('国庆节');
  }, 300_000);
});
