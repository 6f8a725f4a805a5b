import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { newId } from '../../src/server/platform/ids.js';

// `linli apikey create` as an administrator runs it: an Open311 key belongs to one named county.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-apikey-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function linli(...args: string[]) {
  const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', DEMO_SEED: 'false' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const keys = () => withDb((db) => db.selectFrom('api_keys').select(['tenant_id', 'key_hash']).execute());

describe('linli apikey create', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    expect(linli('migrate').code).toBe(0);
    // Two counties, so that "the first one" would be a guess.
    await withDb(async (db) => {
      const now = new Date();
      for (const code of ['610898', '610899']) {
        await db
          .insertInto('places')
          .values({
            id: newId(),
            tenant_id: code,
            code,
            name: `县 ${code}`,
            kind: 'county',
            parent_id: null,
            path: `/61/6108/${code}/`,
            status: 'active',
            created_at: now,
            updated_at: now,
            retired_at: null,
          })
          .execute();
      }
    });
  });

  it('needs --tenant naming a county that exists, and issues nothing otherwise', async () => {
    const missing = linli('apikey', 'create', '--name', '市民热线');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('needs --tenant');
    const malformed = linli('apikey', 'create', '--name', '市民热线', '--tenant', '6108');
    expect(malformed.code).toBe(2);
    const unknown = linli('apikey', 'create', '--name', '市民热线', '--tenant', '610897');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('SCOPE_UNKNOWN');
    expect(await keys()).toEqual([]);

    const issued = linli('apikey', 'create', '--name', '市民热线', '--tenant', '610898');
    expect(issued.code).toBe(0);
    const key = issued.out.trim().split('\n').at(-1)!;
    expect(await keys()).toEqual([{ tenant_id: '610898', key_hash: createHash('sha256').update(key).digest('hex') }]);
  });
});
