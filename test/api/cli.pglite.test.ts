import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';

// The `linli` command on the embedded database, run as a user would run it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function linli(...args: string[]) {
  const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', DEMO_CASES: '300' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

async function usernames(): Promise<string[]> {
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
  try {
    return (await handle.db.selectFrom('users').select('username').orderBy('username').execute()).map((u) => u.username);
  } finally {
    await handle.close();
  }
}

// Each test spawns the CLI (and the demo seed) in fresh processes: slow on a busy machine.
describe('linli CLI', { timeout: 300_000 }, () => {
  it('explains wrong arguments with exit code 2', () => {
    const unknown = linli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command: frobnicate');
    expect(unknown.err).toContain('linli user create');
    const missing = linli('user', 'create', '--username', 'x');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('needs --password');
    const badFlag = linli('seed', '--demo', '--colour');
    expect(badFlag.code).toBe(2);
  });

  it('rejects bad configuration before touching anything', () => {
    const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), 'migrate'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: 'eighty' }, encoding: 'utf8',
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('PORT');
  });

  it('migrates, seeds the demo once, and creates users with checked role and scope', async () => {
    expect(linli('migrate').code).toBe(0);
    const seeded = linli('seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.out.trim().split('\n').at(-1)!).households).toBeGreaterThanOrEqual(2000);
    expect(linli('seed', '--demo').out).toContain('already there');

    const created = linli('user', 'create', '--username', 'wangwg', '--password', 'Grid2026ok', '--role', 'grid_worker', '--scope', '610899001001003', '--name', '王网格');
    expect(created.code).toBe(0);
    const badRole = linli('user', 'create', '--username', 'x1', '--password', 'Grid2026ok', '--role', 'emperor', '--scope', '610899001001003');
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('ROLE_UNKNOWN');
    const badScope = linli('user', 'create', '--username', 'x2', '--password', 'Grid2026ok', '--role', 'grid_worker', '--scope', '999999999999999');
    expect(badScope.err).toContain('SCOPE_UNKNOWN');
    const deptRoleOnPlace = linli('user', 'create', '--username', 'x3', '--password', 'Grid2026ok', '--role', 'department_receiver', '--scope', '610899001');
    expect(deptRoleOnPlace.err).toContain('SCOPE_UNKNOWN');
    const duplicate = linli('user', 'create', '--username', 'wangwg', '--password', 'Grid2026ok', '--role', 'grid_worker', '--scope', '610899001001003');
    expect(duplicate.err).toContain('CONFLICT');
    const names = await usernames();
    expect(names).toContain('wangwg');
    expect(names.filter((n) => n.startsWith('x'))).toEqual([]);
  });

  it('keeps its own personal-data key and refuses to start when the key no longer opens the data', () => {
    const keyFile = path.join(dataDir, 'secret.key');
    const original = fs.readFileSync(keyFile, 'utf8');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    fs.writeFileSync(keyFile, Buffer.alloc(32, 7).toString('base64'));
    try {
      const refused = linli('migrate');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('拒绝启动');
    } finally {
      fs.writeFileSync(keyFile, original);
    }
    expect(linli('migrate').code).toBe(0);
  });

  it('backs up and restores the embedded database', async () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const backup = linli('backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    expect(linli('user', 'create', '--username', 'afterbackup', '--password', 'Later2026ok', '--role', 'admin', '--scope', '610899').code).toBe(0);
    expect(await usernames()).toContain('afterbackup');
    const restore = linli('restore', file);
    expect(restore.code).toBe(0);
    const names = await usernames();
    expect(names).toContain('wangwg');
    expect(names).not.toContain('afterbackup');
    expect(linli('restore', path.join(dataDir, 'missing.tar.gz')).code).toBe(2);
  });
});
