import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/database.js';

// The `linli` command on the embedded database, run as a user would run it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cliEnv = (dir: string) => ({
  ...process.env,
  DATA_DIR: dir,
  DATABASE_URL: '',
  PII_KEY: '',
  LOG_LEVEL: 'warn',
  DEMO_CASES: '300',
});

/** `linli …` on DATA_DIR=dir; killed (code null) if it hangs. */
function linliIn(dir: string, ...args: (string | { timeout: number })[]) {
  const timeout = args.find((a): a is { timeout: number } => typeof a === 'object')?.timeout ?? 120_000;
  const res = spawnSync(
    process.execPath,
    [path.resolve('bin/linli.mjs'), ...args.filter((a): a is string => typeof a === 'string')],
    { env: cliEnv(dir), encoding: 'utf8', timeout },
  );
  return { code: res.status, out: res.stdout, err: res.stderr };
}
const linli = (...args: string[]) => linliIn(dataDir, ...args);

/** The entries of a backup, in order, with their text. */
async function archiveEntries(file: string): Promise<{ name: string; text: string }[]> {
  const entries: { name: string; text: string }[] = [];
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      entries.push({ name: header.name, text: Buffer.concat(chunks).toString('latin1') });
      next();
    });
  });
  await pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  return entries;
}

async function usernames(): Promise<string[]> {
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
  try {
    return (await handle.db.selectFrom('users').select('username').orderBy('username').execute()).map(
      (u) => u.username,
    );
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
      env: { ...process.env, DATA_DIR: dataDir, PORT: 'eighty' },
      encoding: 'utf8',
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

    const created = linli(
      'user',
      'create',
      '--username',
      'wangwg',
      '--password',
      'Grid2026ok',
      '--role',
      'grid_worker',
      '--scope',
      '610899001001003',
      '--name',
      '王网格',
    );
    expect(created.code).toBe(0);
    const badRole = linli(
      'user',
      'create',
      '--username',
      'x1',
      '--password',
      'Grid2026ok',
      '--role',
      'emperor',
      '--scope',
      '610899001001003',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('ROLE_UNKNOWN');
    const badScope = linli(
      'user',
      'create',
      '--username',
      'x2',
      '--password',
      'Grid2026ok',
      '--role',
      'grid_worker',
      '--scope',
      '999999999999999',
    );
    expect(badScope.err).toContain('SCOPE_UNKNOWN');
    const deptRoleOnPlace = linli(
      'user',
      'create',
      '--username',
      'x3',
      '--password',
      'Grid2026ok',
      '--role',
      'department_receiver',
      '--scope',
      '610899001',
    );
    expect(deptRoleOnPlace.err).toContain('SCOPE_UNKNOWN');
    const duplicate = linli(
      'user',
      'create',
      '--username',
      'wangwg',
      '--password',
      'Grid2026ok',
      '--role',
      'grid_worker',
      '--scope',
      '610899001001003',
    );
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

  it('backs up the database, the uploaded files and a manifest with the key fingerprint, and restores them all', async () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const photo = path.join(dataDir, 'files', 'cases', '2026', 'photo-1');
    fs.mkdirSync(path.dirname(photo), { recursive: true });
    fs.writeFileSync(photo, 'the photo before');
    const backup = linli('backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('fingerprint');

    const entries = await archiveEntries(file);
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'database.tar.gz', 'files/cases/2026/photo-1']);
    const manifest = JSON.parse(entries[0].text);
    const key = fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim();
    expect(manifest).toMatchObject({
      format: 'linli-backup',
      appVersion: '0.1.0',
      key: { included: false },
      files: { count: 1 },
    });
    expect(manifest.lastMigration).toMatch(/^\d{4}_/);
    expect(manifest.key.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(Date.parse(manifest.createdAt)).not.toBeNaN();
    expect(entries.some((e) => e.text.includes(key))).toBe(false); // the key stays out of the archive
    expect(backup.out).toContain(manifest.key.fingerprint);

    expect(
      linli(
        'user',
        'create',
        '--username',
        'afterbackup',
        '--password',
        'Later2026ok',
        '--role',
        'admin',
        '--scope',
        '610899',
      ).code,
    ).toBe(0);
    fs.writeFileSync(photo, 'the photo after');
    fs.writeFileSync(path.join(dataDir, 'files', 'cases', '2026', 'photo-2'), 'a later photo');
    const restore = linli('restore', file);
    expect(restore.code).toBe(0);
    const names = await usernames();
    expect(names).toContain('wangwg');
    expect(names).not.toContain('afterbackup');
    expect(fs.readFileSync(photo, 'utf8')).toBe('the photo before');
    expect(fs.existsSync(path.join(dataDir, 'files', 'cases', '2026', 'photo-2'))).toBe(false);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('files.before-restore-'))).toHaveLength(1);
    expect(linli('restore', path.join(dataDir, 'missing.tar.gz')).code).toBe(2);
    expect(linli('migrate').code).toBe(0); // the restored database opens with this key
  });

  it('says a damaged or truncated backup is damaged and changes nothing', async () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const whole = fs.readFileSync(file);
    const truncated = path.join(dataDir, 'truncated.tar.gz');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const corrupt = path.join(dataDir, 'corrupt.tar.gz');
    const flipped = Buffer.from(whole);
    for (let i = Math.floor(flipped.length / 2); i < flipped.length / 2 + 64; i++) flipped[i] ^= 0x5a;
    fs.writeFileSync(corrupt, flipped);
    expect(
      linli(
        'user',
        'create',
        '--username',
        'keepme',
        '--password',
        'Keep2026ok',
        '--role',
        'admin',
        '--scope',
        '610899',
      ).code,
    ).toBe(0);
    const before = fs.readdirSync(dataDir).sort();
    for (const bad of [truncated, corrupt]) {
      const res = linli('restore', bad);
      expect(res.code).toBe(1);
      expect(res.err.trim().split('\n')).toHaveLength(1);
      expect(res.err).toContain('备份文件已损坏，未做任何更改');
      expect(res.err).toContain('The backup is damaged, nothing changed');
    }
    expect(fs.readdirSync(dataDir).sort()).toEqual(before); // no staging folder left, nothing moved aside
    expect(await usernames()).toContain('keepme');
  });

  it('restores into a new data folder only with the key the backup was made with, and says how to get it', async () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const fingerprint = JSON.parse((await archiveEntries(file))[0].text).key.fingerprint;
    const fresh = path.join(os.tmpdir(), `linli-restore-${process.pid}`, 'data');
    const inFresh = (...args: string[]) => linliIn(fresh, ...args);
    try {
      const noKey = inFresh('restore', file); // the folder does not even exist yet
      expect(noKey.code).toBe(1);
      expect(noKey.err).toContain(fingerprint);
      expect(noKey.err).toContain(path.join(fresh, 'secret.key'));
      expect(fs.existsSync(path.join(fresh, 'pg'))).toBe(false);

      fs.writeFileSync(path.join(fresh, 'secret.key'), Buffer.alloc(32, 9).toString('base64'));
      const wrongKey = inFresh('restore', file);
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.err).toContain('Key mismatch, nothing changed');
      expect(wrongKey.err).toContain(fingerprint);
      expect(wrongKey.err.trim().split('\n')).toHaveLength(1);
      expect(fs.readdirSync(fresh)).toEqual(['secret.key']);

      fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(fresh, 'secret.key'));
      expect(inFresh('restore', file).code).toBe(0);
      expect(fs.readFileSync(path.join(fresh, 'files', 'cases', '2026', 'photo-1'), 'utf8')).toBe('the photo before');
      expect(inFresh('migrate').code).toBe(0);
    } finally {
      fs.rmSync(path.dirname(fresh), { recursive: true, force: true });
    }
  });

  it('carries the key only when asked to (--include-key), and then restores on a bare machine', async () => {
    const file = path.join(dataDir, 'with-key.tar.gz');
    const withKey = linli('backup', '--out', file, '--include-key');
    expect(withKey.code).toBe(0);
    expect(withKey.out).toContain('IN this backup');
    expect((await archiveEntries(file)).map((e) => e.name)).toContain('secret.key');
    const fresh = path.join(os.tmpdir(), `linli-bare-${process.pid}`);
    try {
      expect(linliIn(fresh, 'restore', file).code).toBe(0);
      expect(fs.readFileSync(path.join(fresh, 'secret.key'), 'utf8')).toBe(
        fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8'),
      );
      expect(fs.statSync(path.join(fresh, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(linliIn(fresh, 'migrate').code).toBe(0);
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('holds the data folder while a server runs: restore, backup and a second start refuse with one line naming the folder and PID', async () => {
    const server = spawn(process.execPath, [path.resolve('bin/linli.mjs'), 'start'], {
      env: { ...cliEnv(dataDir), PORT: '0', DEMO_SEED: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (d) => {
          out += d;
          if (out.includes('Linli is running')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`server ended (${code}) before it ran`)));
      });
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'linli.lock'), 'utf8')).pid).toBe(server.pid);
      for (const args of [
        ['restore', path.join(dataDir, 'backup.tar.gz')],
        ['backup', '--out', path.join(dataDir, 'while-running.tar.gz')],
        ['start'],
        ['migrate'],
      ]) {
        const res = linli(...args);
        expect(res.code, args.join(' ')).toBe(1);
        const lines = res.err.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(dataDir);
        expect(lines[0]).toContain(`PID ${server.pid}`);
        expect(lines[0]).toContain('is in use by another linli process');
      }
      expect(fs.existsSync(path.join(dataDir, 'while-running.tar.gz'))).toBe(false);
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    expect(fs.existsSync(path.join(dataDir, 'linli.lock'))).toBe(false); // released on exit
    expect(await usernames()).toContain('keepme');

    // A lock left by a process that died is taken over.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(
      path.join(dataDir, 'linli.lock'),
      JSON.stringify({ pid: dead, host: os.hostname(), since: new Date().toISOString() }),
    );
    expect(linli('migrate').code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'linli.lock'))).toBe(false);
  });

  it('explains start-up problems in one line: a taken port, a DATA_DIR that is no folder or cannot be written', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as net.AddressInfo).port);
    try {
      const res = spawnSync(process.execPath, [path.resolve('bin/linli.mjs'), 'start'], {
        env: { ...cliEnv(dataDir), PORT: port, HOST: '127.0.0.1', DEMO_SEED: 'false' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(res.status).toBe(2);
      // (Hono warns of a missing web build when the pages were not built; that is not our line.)
      const lines = res.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('serveStatic:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port} is already in use`);
    } finally {
      taken.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'linli.lock'))).toBe(false);

    const aFile = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(aFile, '');
    for (const bad of ['/proc/linli-data', aFile]) {
      const res = linliIn(bad, 'start', { timeout: 60_000 });
      expect(res.code, bad).toBe(2);
      const lines = res.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`DATA_DIR=${bad}`);
    }
  });
});
