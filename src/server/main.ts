import { baseMapSource, importBaseMap, readBaseMapFile } from './features/base-map/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { buildApp } from './app.js';
import { startGate } from './start-gate.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { demoCommunity, demoUsers, DEMO_PASSWORD, isSeeded, seedDemo } from './demo/seed.js';
import { DEMO_KIOSK_TOKEN, DEMO_SCREEN_TOKEN } from './demo/hall.js';
import { createAccountService } from './features/account/service.js';
import { AppError, errorTable } from './platform/errors.js';
import { existingMasterKey, PiiKeyError } from './platform/pii.js';
import { DataDirInUseError, lockDataDir, prepareDataDir } from './platform/data-dir.js';
import { BackupError, backupEmbedded, restoreEmbedded } from './platform/db/backup.js';
import { importRegions, provinceRegions } from './features/places/regions.js';
import { openRuntime, embeddedDir } from './runtime.js';
import { registerJobs } from './jobs.js';
import { rebuildRollups } from './features/stats/rollup.js';
import { createApiKeys } from './features/open311/apikeys-service.js';
import { systemActor } from './platform/policy.js';
import { createCalendarService } from './features/calendar/index.js';
import { parseHolidayNotice } from '../shared/calendar.js';
import { importStandard } from './features/categories/index.js';
import { trainFromCli } from './features/dispatch/index.js';
import { DispatchCommandError, dispatchEvaluateCommand } from './features/dispatch/evaluate-command.js';
import { ensureTemplate, templateFile } from './platform/db/template.js';
import { log } from './platform/logger.js';

const usage = `linli — 邻里 community governance platform

Usage:
  linli start                    start the server (migrates; seeds the demo on first start)
  linli migrate                  apply database migrations
  linli prepare                  make the migrated embedded database a first start copies instead of
                                 creating one (dist/pglite/; npm install runs it)
  linli seed --demo              generate the demo county (once)
  linli regions --province 61    import a province's division codes down to streets
  linli user create --username U --password P --role R --scope CODE [--name 姓名]
  linli apikey create --name N --tenant CODE     issue an Open311 API key for one county (printed once)
  linli stats rebuild            rebuild the dashboard rollups from the raw cases
  linli categories import-standard
                                 add the urban-grid standard's case classes (GB/T 30428) that are
                                 missing; classes already there are left as they are
  linli jobs run                 run the background jobs that are due (deadline alarms, SMS, reports)
                                 once, without the web server, and exit
  linli backup --out FILE [--include-key]
                                 back up the embedded database and the uploaded files to a .tar.gz
                                 file (the key stays out unless --include-key; server must be stopped)
  linli restore FILE             restore a backup after checking it and the key (server must be stopped)
  linli calendar import --year 2027 --file FILE [--source 文号] [--dry-run]
                                 replace a year's holidays and 调休 working days with those of the State
                                 Council notice (its text, or lines "2027-02-05 放假 春节" from a sheet)
  linli calendar show --year 2027
                                 list a year's holidays and 调休 working days
  linli basemap import --file FILE
                                 check a GeoJSON file of the county's roads and building blocks and
                                 put it in the data folder as the maps' offline base map (底图,
                                 docs/maps.md); restart the server to use it
  linli dispatch train [--tenant CODE]
                                 智能派单: train the category and handler models now (one county, or
                                 every county with closed cases or imported history)
  linli dispatch evaluate --file history.xlsx [--folds 5] [--seed 42]
                                 cross-validate smart dispatch (智能派单) on a labelled sheet (主题, 详情,
                                 一级分类; optional 部门): top-1/top-3/macro-F1 beside naive Bayes

Environment: see docs/configuration.md (PORT, DATABASE_URL, DATA_DIR, …).`;

class UsageError extends Error {}

type Command = (config: Config, rest: string[]) => Promise<void>;

// One function per command of the CLI; `usage` above lists them.
const commands: Record<string, Command> = {
  start: (config) => start(config),
  migrate: migrateCommand,
  prepare: prepareCommand,
  seed: seedCommand,
  regions: regionsCommand,
  user: userCommand,
  apikey: apikeyCommand,
  stats: statsCommand,
  jobs: jobsCommand,
  categories: categoriesCommand,
  backup: backupCommand,
  restore: restoreCommand,
  calendar: calendarCommand,
  basemap: basemapCommand,
  dispatch: dispatchCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  if (!Object.hasOwn(commands, command)) throw new UsageError(`unknown command: ${command}`);
  return commands[command](config, rest);
}

async function migrateCommand(config: Config): Promise<void> {
  const { handle } = await openRuntime(config);
  await handle.close();
  console.log('数据库已是最新 Database is up to date.');
}

async function prepareCommand(): Promise<void> {
  const made = await ensureTemplate();
  console.log(
    `${made ? '已生成' : '已是最新'} ${made ? 'Made' : 'Up to date:'} ${path.relative(process.cwd(), templateFile())}`,
  );
}

async function seedCommand(config: Config, rest: string[]): Promise<void> {
  const { values } = parse(rest, { demo: { type: 'boolean' } });
  if (!values.demo) throw new UsageError('seed needs --demo');
  const { deps, handle } = await openRuntime(config);
  try {
    if (await isSeeded(deps.db)) console.log('演示数据已存在 The demo data is already there.');
    else console.log(JSON.stringify(await seedDemo(deps.db, deps.pii, deps.clock.now(), config.DEMO_CASES)));
  } finally {
    await handle.close();
  }
}

async function regionsCommand(config: Config, rest: string[]): Promise<void> {
  const { values } = parse(rest, { province: { type: 'string' } });
  if (!values.province || !/^\d{2}$/.test(values.province))
    throw new UsageError('regions needs --province with a 2-digit code, e.g. 61');
  const { deps, handle } = await openRuntime(config);
  try {
    const added = await importRegions(deps.db, provinceRegions(values.province), deps.clock.now());
    console.log(`已导入 ${added} 个行政区划 Imported ${added} regions.`);
  } finally {
    await handle.close();
  }
}

async function userCommand(config: Config, rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  if (sub !== 'create') throw new UsageError('user takes the subcommand create');
  const { values } = parse(args, {
    username: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string' },
    name: { type: 'string' },
  });
  for (const key of ['username', 'password', 'role', 'scope'] as const) {
    if (!values[key]) throw new UsageError(`user create needs --${key}`);
  }
  const { deps, handle } = await openRuntime(config);
  try {
    const user = await createAccountService(deps).createUser({
      username: values.username!,
      password: values.password!,
      role: values.role!,
      scope: values.scope!,
      displayName: values.name,
    });
    console.log(`已创建用户 Created user ${user.username} (${values.role} @ ${values.scope}).`);
  } finally {
    await handle.close();
  }
}

async function apikeyCommand(config: Config, rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  if (sub !== 'create') throw new UsageError('apikey takes the subcommand create');
  const { values } = parse(args, { name: { type: 'string' }, tenant: { type: 'string' } });
  if (!values.name) throw new UsageError('apikey create needs --name');
  // Named, never guessed: the key may file cases only in this county (checked to exist).
  const tenant = values.tenant;
  if (!tenant || !/^\d{6}$/.test(tenant))
    throw new UsageError('apikey create needs --tenant with the 6-digit code of the county');
  const { deps, handle } = await openRuntime(config);
  try {
    const key = await createApiKeys(deps).create(systemActor(), { name: values.name, tenantId: tenant });
    console.log(`Open311 API key for ${tenant} (shown once, keep it safe):\n${key.key}`);
  } finally {
    await handle.close();
  }
}

async function statsCommand(config: Config, rest: string[]): Promise<void> {
  if (rest[0] !== 'rebuild') throw new UsageError('stats takes the subcommand rebuild');
  const { deps, handle } = await openRuntime(config);
  try {
    await deps.db.transaction().execute((trx) => rebuildRollups(trx));
    console.log('统计汇总已重建 Rollups rebuilt.');
  } finally {
    await handle.close();
  }
}

/** 导入国标分类: the same import as the console's button, audited as the system. */
async function categoriesCommand(config: Config, rest: string[]): Promise<void> {
  if (rest[0] !== 'import-standard') throw new UsageError('categories takes the subcommand import-standard');
  const { deps, handle } = await openRuntime(config);
  try {
    const { added, kept } = await importStandard(deps, systemActor());
    console.log(`已导入国标分类 ${added} 项，已有 ${kept} 项保持不变 Added ${added} standard classes, kept ${kept}.`);
  } finally {
    await handle.close();
  }
}

/** 智能派单 `train`: now, what the nightly job trains. */
async function dispatchTrainCommand(config: Config, rest: string[]): Promise<void> {
  const { values } = parse(rest, { tenant: { type: 'string' } });
  const { deps, handle } = await openRuntime(config);
  try {
    for (const line of await trainFromCli(deps, values.tenant)) console.log(line);
  } finally {
    await handle.close();
  }
}

/** The jobs that are due, run once without the HTTP server: the same registry the server's worker uses. */
async function jobsCommand(config: Config, rest: string[]): Promise<void> {
  if (rest[0] !== 'run') throw new UsageError('jobs takes the subcommand run');
  const { deps, handle } = await openRuntime(config);
  try {
    registerJobs(deps);
    const ran = await deps.jobs.drain();
    console.log(`已运行 ${ran} 项到期任务 Ran ${ran} due jobs.`);
  } finally {
    await handle.close();
  }
}

async function backupCommand(config: Config, rest: string[]): Promise<void> {
  const { values } = parse(rest, { out: { type: 'string' }, 'include-key': { type: 'boolean' } });
  if (!values.out) throw new UsageError('backup needs --out FILE');
  embeddedOnly(config);
  prepareDataDir(config.dataDir);
  const lock = lockDataDir(config.dataDir);
  try {
    const includeKey = values['include-key'] === true;
    const masterKey = existingMasterKey({ piiKey: config.PII_KEY, dataDir: config.dataDir });
    if (!masterKey)
      throw new BackupError(`没有可备份的数据库 There is no embedded database in ${config.dataDir} to back up.`);
    const manifest = await backupEmbedded(config.dataDir, masterKey.key, path.resolve(values.out), {
      includeKey,
      now: new Date(),
    });
    const size = Math.round(fs.statSync(values.out).size / 1024);
    console.log(
      `已备份 Backed up to ${values.out} (${size} KiB: the database and ${manifest.files.count} uploaded file${manifest.files.count === 1 ? '' : 's'}; checked).`,
    );
    console.log(
      includeKey
        ? `密钥（指纹 ${manifest.key.fingerprint}）在备份中：请像保管密钥一样保管此文件。The key (fingerprint ${manifest.key.fingerprint}) is IN this backup: keep the file as safe as the key.`
        : `密钥不在备份中（指纹 ${manifest.key.fingerprint}）：请另行保管 ${masterKey.source}。The key is not in the backup (fingerprint ${manifest.key.fingerprint}): keep ${masterKey.source} separately, see docs/operations.md.`,
    );
  } finally {
    lock.release();
  }
}

async function restoreCommand(config: Config, rest: string[]): Promise<void> {
  const { positionals } = parse(rest, {}, true);
  if (positionals.length !== 1) throw new UsageError('restore needs one FILE');
  embeddedOnly(config);
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${positionals[0]}`);
  prepareDataDir(config.dataDir);
  const lock = lockDataDir(config.dataDir);
  try {
    const runKey = existingMasterKey({ piiKey: config.PII_KEY, dataDir: config.dataDir });
    const { manifest, keptAs } = await restoreEmbedded(config.dataDir, file, runKey, new Date());
    console.log(
      `已恢复 Restored from ${positionals[0]} (made ${manifest.createdAt} by Linli ${manifest.appVersion}; ${manifest.files.count} uploaded file${manifest.files.count === 1 ? '' : 's'}; key ${manifest.key.fingerprint}).${keptAs.length ? ` The previous data was kept in ${keptAs.join(', ')}.` : ''}`,
    );
  } finally {
    lock.release();
  }
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function embeddedOnly(config: Config): void {
  if (config.DATABASE_URL)
    throw new UsageError(
      'backup and restore are for the embedded database; for a PostgreSQL server use pg_dump / pg_restore',
    );
}

/** Listens on PORT, or refuses with one line naming the port (taken, or not ours to take). */
async function listen(app: Pick<ReturnType<typeof buildApp>, 'fetch'>, config: Config): Promise<ServerType> {
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    const where = `${config.HOST}:${config.PORT}`;
    if (error.code === 'EADDRINUSE')
      throw new ConfigError(
        `端口 ${config.PORT} 已被占用（${where}），请停止占用它的程序或设置 PORT 为空闲端口。Port ${config.PORT} is already in use (${where}); stop the program using it or set PORT to a free port.`,
      );
    if (error.code === 'EACCES')
      throw new ConfigError(
        `没有权限监听端口 ${config.PORT}（${where}），请设置 PORT 为 1024 以上的端口。No permission to listen on port ${config.PORT} (${where}); set PORT to a port above 1024.`,
      );
    throw new ConfigError(
      `无法监听 ${where}（${error.code ?? error.message}）。Cannot listen on ${where} (${error.code ?? error.message}); check HOST and PORT.`,
    );
  });
  return server;
}

/** The address people open: PUBLIC_URL, or localhost on the port listened on. */
function startUrl(server: ServerType, config: Config): string {
  const address = server.address();
  return config.PUBLIC_URL ?? `http://localhost:${typeof address === 'object' && address ? address.port : config.PORT}`;
}

async function start(config: Config): Promise<void> {
  performance.mark('code loaded');
  // A bad base map file stops the start with one line naming it, not a failing map later.
  const baseMap = baseMapSource(config);
  if (baseMap) readBaseMapFile(baseMap);
  const { deps, handle } = await openRuntime(config);
  let seededNow = false;
  // The port first: a process that cannot serve must not seed or start working the job queue. Until
  // the demo data is there, the port answers "starting" (start-gate.ts).
  let gate: ReturnType<typeof startGate>;
  let server: ServerType;
  try {
    gate = startGate(buildApp(deps));
    server = await listen(gate, config);
    performance.mark('listening');
  } catch (error) {
    await handle.close();
    throw error;
  }
  try {
    if (config.DEMO_SEED && !(await isSeeded(deps.db))) {
      console.log(
        `首次启动，正在生成演示数据（约半分钟），完成前页面显示“正在启动”… First start: generating the demo data (about half a minute); ${startUrl(server, config)}/ says "starting" until it is done…`,
      );
      await seedDemo(deps.db, deps.pii, deps.clock.now(), config.DEMO_CASES);
      seededNow = true;
      performance.mark('demo seeded');
    }
    gate.open();
  } catch (error) {
    server.close();
    await handle.close();
    throw error;
  }
  if (config.JOBS_ENABLED) {
    await deps.jobs.ensureRecurring();
    deps.jobs.start(config.JOBS_POLL_MS);
  }
  const url = startUrl(server, config);
  const lines = [
    '',
    `邻里 Linli is running on ${deps.engine === 'pglite' ? `the embedded database (${embeddedDir(config)})` : 'PostgreSQL'}.`,
    `  管理后台 Console:     ${url}/`,
    `  手机端 Phone pages:   ${url}/m/`,
    `  接口文档 API docs:    ${url}/api/docs`,
  ];
  if (config.DEMO_SEED) {
    // The resident's QR report page of the demo community (README promises it here).
    lines.push(
      `  扫码上报 QR report:   ${url}/r/${demoCommunity.code}   (${demoCommunity.name} resident's report page)`,
    );
    lines.push('', `演示账号 Demo logins (password / 密码: ${DEMO_PASSWORD})${seededNow ? '' : ''}:`);
    for (const u of demoUsers) lines.push(`  ${u.username.padEnd(11)} ${u.label}`);
    lines.push(
      '',
      `演示大厅 Demo hall (城关街道便民服务中心):`,
      `  自助终端 Kiosk:       ${url}/kiosk   终端凭证 token: ${DEMO_KIOSK_TOKEN}`,
      `  叫号屏 Call screen:   ${url}/kiosk/screen/${DEMO_SCREEN_TOKEN}`,
    );
  }
  console.log(lines.join('\n') + '\n');
  // Milliseconds from the process's start to each step (bench/startup.ts prints them).
  log.info('started', {
    ms: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
  });
  const shutdown = async () => {
    server.close();
    await deps.jobs.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`错误 Error: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof PiiKeyError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DataDirInUseError || error instanceof BackupError) {
    console.error(`错误 Error: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof AppError) {
    const entry = errorTable[error.code];
    console.error(
      `错误 ${error.code}: ${entry['zh-CN']} / ${entry.en}${error.details ? ' ' + JSON.stringify(error.details) : ''}`,
    );
    process.exit(1);
  }
  console.error(`错误 Error: ${(error as Error).message}`);
  process.exit(1);
});

/** 智能派单: the learner's figures on a labelled file (no database needed). */
async function dispatchCommand(config: Config, rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  if (sub === 'evaluate') {
    await dispatchEvaluateCommand(args).catch((error: unknown) => {
      throw error instanceof DispatchCommandError && error.usage ? new UsageError(error.message) : error;
    });
    return;
  }
  if (sub === 'train') return dispatchTrainCommand(config, args);
  throw new UsageError('dispatch takes the subcommand evaluate or train');
}

function dayLine(d: { day: string; isWorkday: boolean; name: string }): string {
  return `${d.day}  ${d.isWorkday ? '上班' : '放假'}  ${d.name}`;
}

/** 节假日: a year from the State Council's notice, read the way the console reads it; or a year listed. */
async function calendarCommand(config: Config, rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  if (sub !== 'import' && sub !== 'show') throw new UsageError('calendar takes the subcommand import or show');
  const { values } = parse(args, {
    year: { type: 'string' },
    file: { type: 'string' },
    source: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const year = calendarYear(values.year);
  const parsed = sub === 'import' ? readNotice(year, values.file) : null;
  if (parsed && values['dry-run']) {
    for (const d of parsed.days) console.log(dayLine(d));
    return;
  }
  const { deps, handle } = await openRuntime(config);
  try {
    const service = createCalendarService(deps);
    const actor = systemActor();
    const shown = parsed
      ? await service.importYear(actor, year, { source: values.source ?? '', days: parsed.days })
      : await service.year(actor, year);
    for (const d of shown.days) console.log(dayLine(d));
    const { holidays, workdays, confirmed } = shown.year;
    console.log(
      `${year} 年：放假 ${holidays} 天，调休上班 ${workdays} 天${confirmed ? '（已确认）' : '（暂定或未录入）'}` +
        `${parsed ? ' Imported.' : ''}`,
    );
  } finally {
    await handle.close();
  }
}

function calendarYear(text: string | undefined): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text ?? '') || year < 2000 || year > 2100)
    throw new UsageError('calendar needs --year, e.g. --year 2027');
  return year;
}

function readNotice(year: number, file: string | undefined) {
  if (!file) throw new UsageError('calendar import needs --file with the notice or the lines of dates');
  const parsed = parseHolidayNotice(year, fs.readFileSync(file, 'utf8'));
  if (parsed.unread.length > 0)
    throw new UsageError(`these parts could not be read, fix them and try again:\n${parsed.unread.join('\n')}`);
  if (parsed.days.length === 0) throw new UsageError(`no ${year} dates found in ${file}`);
  return parsed;
}

/** 底图: a county's roads and blocks as GeoJSON, checked and kept in the data folder for the maps. */
async function basemapCommand(config: Config, rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  if (sub !== 'import') throw new UsageError('basemap takes the subcommand import');
  const { values } = parse(args, { file: { type: 'string' } });
  if (!values.file) throw new UsageError('basemap import needs --file with a GeoJSON FeatureCollection');
  let done;
  try {
    done = importBaseMap(values.file, config.dataDir);
  } catch (error) {
    // A bad file is the operator's to fix, not a setting: one line naming it, exit 1.
    if (error instanceof ConfigError) throw new Error(error.message);
    throw error;
  }
  const kinds = Object.entries(done.kinds)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const [w, s, e, n] = done.bounds.map((x) => x.toFixed(4));
  console.log(
    `已导入底图 Imported the base map: ${done.features} features (${kinds}), ${Math.ceil(done.bytes / 1024)} KiB, ` +
      `经度 ${w}–${e}，纬度 ${s}–${n} → ${done.file}`,
  );
  if (config.MAP_BASE_FILE)
    console.log(
      `注意：MAP_BASE_FILE=${config.MAP_BASE_FILE} 已设置，服务器仍用它。Note: MAP_BASE_FILE is set and wins; unset it to use this one.`,
    );
  console.log('重启服务后生效 Restart the server to use it.');
}
