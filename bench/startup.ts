// Cold start on existing data: from spawning `linli start` to the first 200 from /healthz, on a data
// folder seeded beforehand. The compiled server (bin/linli.mjs → dist/server/linli.mjs) against the
// TypeScript sources loaded through tsx at run time (how `linli` started before issue 18), alternately,
// on the same data in the same run. Prints wall time and the process's CPU time (from /proc, steadier on
// a busy machine) and the ratio of the medians.
//   BENCH_RUNS (default 5) starts of each; BENCH_DEMO_CASES (default 2000) cases in the seeded data;
//   BENCH_DATA_DIR: start on a copy of that (stopped) data folder instead of seeding a new one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fmt, machine } from './lib.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const demoCases = process.env.BENCH_DEMO_CASES ?? '2000';
const ticksPerSecond = 100; // USER_HZ on Linux

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const env = (dataDir: string, port: number) => ({
  ...process.env,
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  PORT: String(port),
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  DEMO_CASES: demoCases,
});

const modes = {
  tsx: [process.execPath, '--import', 'tsx', path.resolve('src/server/main.ts')],
  compiled: [process.execPath, path.resolve('bin/linli.mjs')],
} as const;
type Mode = keyof typeof modes;

/** CPU seconds (user + system) the process has used so far, or NaN where /proc is missing. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

async function coldStart(mode: Mode, dataDir: string): Promise<{ wall: number; cpu: number }> {
  const port = await freePort();
  const [command, ...args] = modes[mode];
  const started = performance.now();
  const child = spawn(command, [...args, 'start'], { env: env(dataDir, port), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${mode} start exited early:\n${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return { wall: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid!) };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited; // the data folder's lock is released before the next start
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`startup benchmark — linli start to /healthz on existing data, ${runs} runs each — ${machine()}`);
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-startup-')), 'data');
try {
  const compile = performance.now();
  const build = spawnSync(process.execPath, ['scripts/ensure-server.mjs', '--force'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('compiling the server failed');
  console.log(`compiling the server (esbuild): ${fmt((performance.now() - compile) / 1000, 2)} s`);
  if (process.env.BENCH_DATA_DIR) {
    fs.cpSync(process.env.BENCH_DATA_DIR, dataDir, { recursive: true });
  } else {
    const seed = spawnSync(process.execPath, ['bin/linli.mjs', 'seed', '--demo'], {
      env: env(dataDir, 0),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (seed.status !== 0) throw new Error('seeding the demo data failed');
  }
  // One start of each first, not counted: the operating system's file cache warm for both.
  await coldStart('tsx', dataDir);
  await coldStart('compiled', dataDir);
  const results: Record<Mode, { wall: number[]; cpu: number[] }> = {
    tsx: { wall: [], cpu: [] },
    compiled: { wall: [], cpu: [] },
  };
  for (let i = 0; i < runs; i++) {
    for (const mode of ['tsx', 'compiled'] as const) {
      const { wall, cpu } = await coldStart(mode, dataDir);
      results[mode].wall.push(wall);
      results[mode].cpu.push(cpu);
    }
  }
  const line = (mode: Mode) =>
    `${mode.padEnd(8)} to healthy p50 ${fmt(median(results[mode].wall), 2)} s (min ${fmt(Math.min(...results[mode].wall), 2)} s) · CPU p50 ${fmt(median(results[mode].cpu), 2)} s`;
  console.log(line('tsx'));
  console.log(line('compiled'));
  console.log(
    `ratio: the compiled server is healthy ${fmt(median(results.tsx.wall) / median(results.compiled.wall))}× sooner` +
      ` and uses ${fmt(median(results.tsx.cpu) / median(results.compiled.cpu))}× less CPU than tsx`,
  );
} finally {
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
