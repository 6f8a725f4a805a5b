// Start-up as a person sees it (issue 18), from spawning `linli start` (bin/linli.mjs, the compiled server):
//   first start — an empty data folder: the database made (from `linli prepare`'s migrated copy when
//   there is one) and the demo seeded; time to the port answering ("starting") and to /healthz 200;
//   cold start — the same data again (stopped in between), BENCH_RUNS times; time to /healthz 200.
// Each figure with the process's CPU time (from /proc; steadier than wall time on a busy machine) and
// when each step finished, as the server logs it ("started": ms since the process began; the seed's
// parts from "demo data seeded"), so it shows where the time goes.
//   BENCH_RUNS (default 5) cold starts; BENCH_DEMO_CASES cases in the demo (default: the server's,
//   10,000); BENCH_DATA_DIR: skip the first start, cold-start a copy of that (stopped) data folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fmt, machine } from './lib.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
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
  LOG_LEVEL: 'info',
  ...(process.env.BENCH_DEMO_CASES ? { DEMO_CASES: process.env.BENCH_DEMO_CASES } : {}),
});

/** CPU seconds (user + system) the process has used so far, or NaN where /proc is missing. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

interface Start {
  /** Seconds to the first answer from /healthz (200, or 503 "starting" while the demo is seeded). */
  answering: number;
  healthy: number;
  cpu: number;
  /** Seconds since the process began at which each step finished (the server's "started" line). */
  steps: Record<string, number>;
  /** Seconds each part of the demo seed took, on a first start. */
  seed: Record<string, number>;
}

/** A JSON log line's field, or {} when the line is not there. */
function logged(out: string, msg: string, field: string): Record<string, number> {
  for (const line of out.split('\n')) {
    if (!line.includes(`"msg":"${msg}"`)) continue;
    const value = (JSON.parse(line) as Record<string, Record<string, number>>)[field];
    return Object.fromEntries(Object.entries(value).map(([k, ms]) => [k, ms / 1000]));
  }
  return {};
}

async function startOnce(dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.resolve('bin/linli.mjs'), 'start'], {
    env: env(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const since = () => (performance.now() - started) / 1000;
  let answering = NaN;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`linli start exited early:\n${out}`);
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status,
        () => 0,
      );
      if (status !== 0 && Number.isNaN(answering)) answering = since();
      if (status === 200) {
        const healthy = since();
        const cpu = cpuSeconds(child.pid!);
        // The "started" line comes right after the gate opens; wait for it a moment.
        for (let i = 0; i < 100 && !out.includes('"msg":"started"'); i++) await new Promise((r) => setTimeout(r, 20));
        return {
          answering,
          healthy,
          cpu,
          steps: logged(out, 'started', 'ms'),
          seed: logged(out, 'demo data seeded', 'phases'),
        };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited; // the data folder's lock is released before the next start
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (v: number) => `${fmt(v, 2)} s`;
const stepLine = (steps: Record<string, number>) =>
  Object.entries(steps)
    .map(([name, at]) => `${name} ${fmt(at, 2)}`)
    .join(' · ');

console.log(
  `startup benchmark — linli start to /healthz — ${machine()} — ${os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ')} load`,
);
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-startup-')), 'data');
try {
  const compile = performance.now();
  const build = spawnSync(process.execPath, ['scripts/ensure-server.mjs', '--force'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('compiling the server failed');
  const prepare = spawnSync(process.execPath, ['bin/linli.mjs', 'prepare'], { stdio: 'inherit' });
  if (prepare.status !== 0) throw new Error('linli prepare failed');
  console.log(
    `compiling the server and linli prepare (npm install does both): ${seconds((performance.now() - compile) / 1000)}`,
  );

  if (process.env.BENCH_DATA_DIR) {
    fs.cpSync(process.env.BENCH_DATA_DIR, dataDir, { recursive: true });
  } else {
    const first = await startOnce(dataDir);
    console.log(
      `first start: answering ("starting") ${seconds(first.answering)} · healthy ${seconds(first.healthy)} · CPU ${seconds(first.cpu)}`,
    );
    console.log(`  steps done at (s): ${stepLine(first.steps)}`);
    const slowest = Object.entries(first.seed)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8);
    console.log(`  seed parts (s): ${slowest.map(([name, s]) => `${name} ${fmt(s, 2)}`).join(' · ')}`);
  }
  await startOnce(dataDir); // not counted: the operating system's file cache warm
  const cold: Start[] = [];
  for (let i = 0; i < runs; i++) cold.push(await startOnce(dataDir));
  const healthy = cold.map((s) => s.healthy);
  console.log(
    `cold start on existing data, ${runs} runs: healthy p50 ${seconds(median(healthy))} (min ${seconds(Math.min(...healthy))}) · CPU p50 ${seconds(median(cold.map((s) => s.cpu)))}`,
  );
  const stepNames = Object.keys(cold[0].steps);
  console.log(
    `  steps done at p50 (s): ${stepLine(Object.fromEntries(stepNames.map((n) => [n, median(cold.map((s) => s.steps[n] ?? NaN))])))}`,
  );
} finally {
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
