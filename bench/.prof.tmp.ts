import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { GridLocator } from '../src/server/features/places/locator.js';
import { systemClock } from '../src/server/platform/clock.js';
import { JobRunner } from '../src/server/platform/jobs.js';
import { PiiCipher } from '../src/server/platform/pii.js';
import { LocalFolderStorage } from '../src/server/platform/storage.js';
import { migrateToLatest } from '../src/server/platform/db/migrate.js';
let logging = false;
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/linli_inbox_explain', max: 10 });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (logging) console.log(e.queryDurationMillis.toFixed(2), e.query.sql.slice(0, 140).replace(/\s+/g, ' ')); } });
await migrateToLatest(db);
const deps: any = { db, engine: 'postgres', clock: systemClock, jobs: new JobRunner(db, systemClock), locator: new GridLocator(db),
  config: loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error', PASSWORD_HASH_COST: 'test' }), pii: new PiiCipher(randomBytes(32)), storage: new LocalFolderStorage('/tmp/x') };
const app = buildApp(deps);
const res = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: process.argv[2] ?? 'admin', password: 'Passw0rd!' }) });
const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
for (let i = 0; i < 20; i++) await app.request('/api/v1/cases?state=open&page=1&pageSize=20', { headers: { cookie } });
logging = true;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await app.request('/api/v1/cases?state=open&page=1&pageSize=20', { headers: { cookie } });
  const body = await r.text();
  console.log('total', (performance.now() - t).toFixed(2), r.status, body.length);
}
logging = false;
let t = performance.now();
for (let i = 0; i < 100; i++) await (await app.request('/api/v1/cases?state=open&page=1&pageSize=20', { headers: { cookie } })).text();
console.log('100 sequential', ((performance.now() - t) / 100).toFixed(2), 'ms each');
await db.destroy();
process.exit(0);
