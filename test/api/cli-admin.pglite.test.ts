import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { newId } from '../../src/server/platform/ids.js';

// The administrators' one-off `linli` commands on the embedded database, as they run them:
// `apikey create`, `categories import-standard`, `calendar import` and `basemap import` (no database;
// one process). One data folder for them all:
// each command touches its own tables, and a new folder costs every file an initdb in WebAssembly
// (the first `linli` command on a new folder, tested in cli.pglite.test.ts).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cli-admin-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function linli(...args: string[]) {
  const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), ...args], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PII_KEY: '',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'false',
    },
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

// `linli apikey create`: an Open311 key belongs to one named county.
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

// `linli categories import-standard`: adds the standard's classes once.
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

// `linli calendar import`, as an operator runs it once a year.
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

// `linli basemap import`: a county's roads and blocks, checked and put in the data folder for the
// maps (the checks on bad files are in features/base-map/service.test.ts; one process here).
describe('linli basemap import', () => {
  it('checks the GeoJSON file and keeps what the maps draw in the data folder, where the server reads it', () => {
    const file = path.join(dataDir, 'roads.geojson');
    const road = [
      [108.78, 37.58],
      [108.79, 37.58],
    ];
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'main_road', name: '人民路' },
            geometry: { type: 'LineString', coordinates: road },
          },
          {
            type: 'Feature',
            properties: { highway: 'residential' },
            geometry: { type: 'LineString', coordinates: road },
          },
        ],
      }),
    );
    const done = linli('basemap', 'import', '--file', file);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('已导入底图 Imported the base map: 2 features (main_road 1, road 1)');
    expect(done.out).toContain('经度 108.7800–108.7900，纬度 37.5800–37.5800');
    const kept = JSON.parse(fs.readFileSync(path.join(dataDir, 'base-map.geojson'), 'utf8'));
    expect(kept.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { kind: 'main_road' },
      { kind: 'road' },
    ]);
  });
});
