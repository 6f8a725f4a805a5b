import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';

// `linli categories import-standard` as an administrator runs it: adds the standard's classes once.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-categories-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function linli(...args: string[]) {
  const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', DEMO_SEED: 'false' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('linli categories import-standard', { timeout: 300_000 }, () => {
  it('adds the standard’s classes, then nothing on a second run, audited once; a wrong subcommand is exit 2', async () => {
    expect(linli('migrate').code).toBe(0);
    const first = linli('categories', 'import-standard');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/已导入国标分类 [1-9]\d* 项，已有 0 项保持不变/);
    const second = linli('categories', 'import-standard');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/已导入国标分类 0 项/);
    expect(linli('categories', 'import').code).toBe(2);

    const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
    try {
      const emergency = await handle.db
        .selectFrom('case_categories')
        .select(['name_zh', 'urgent', 'first_contact_minutes'])
        .where('code', '=', 'E04')
        .executeTakeFirstOrThrow();
      expect(emergency).toEqual({ name_zh: '突发事件', urgent: true, first_contact_minutes: 10 });
      const audits = await handle.db
        .selectFrom('audit_log')
        .select('actor_name')
        .where('action', '=', 'category.import')
        .execute();
      expect(audits).toEqual([{ actor_name: 'system' }]);
    } finally {
      await handle.close();
    }
  });
});
