import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppDeps } from '../../src/server/deps.js';
import { GridLocator } from '../../src/server/features/places/locator.js';
import { ManualClock } from '../../src/server/platform/clock.js';
import type { DatabaseHandle } from '../../src/server/platform/db/database.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { PiiCipher } from '../../src/server/platform/pii.js';
import { LocalFolderStorage } from '../../src/server/platform/storage.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from './db.js';

export interface TestContext {
  app: ReturnType<typeof buildApp>;
  deps: AppDeps;
  clock: ManualClock;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The real app on a fresh test database, with a clock that moves only when told. */
export async function createTestApp(): Promise<TestContext> {
  const handle = await createTestDatabase();
  const clock = new ManualClock('2026-11-24T01:00:00Z');
  // A data folder of its own: the console SMS provider's simulated handset lives there.
  const config = loadConfig({
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'linli-data-')),
    DEMO_SEED: 'false',
    LOG_LEVEL: 'error',
    // The cheapest argon2id: thousands of users and logins across the files (passwords.test.ts checks the strong one).
    PASSWORD_HASH_COST: 'test',
  });
  const deps: AppDeps = {
    db: handle.db,
    engine: handle.engine,
    clock,
    config,
    jobs: new JobRunner(handle.db, clock),
    locator: new GridLocator(handle.db, 0),
    pii: new PiiCipher(randomBytes(32)),
    storage: new LocalFolderStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-files-'))),
  };
  return { app: buildApp(deps), deps, clock, handle, close: () => handle.close() };
}

/** A logged-in user agent: keeps the session cookie and sends the CSRF token on writes; `ip` is the address it calls from. */
export class Session {
  private cookie = '';
  private csrf = '';
  constructor(
    private readonly ctx: TestContext,
    private readonly ip?: string,
  ) {}

  async login(username: string, password = 'Passw0rd!') {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const isForm = body instanceof FormData;
    const res = await this.ctx.app.request(
      path,
      {
        method,
        headers: {
          ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
          ...headers,
        },
        body:
          body === undefined
            ? undefined
            : isForm || typeof body === 'string'
              ? (body as BodyInit)
              : JSON.stringify(body),
      },
      this.ip ? { incoming: { socket: { remoteAddress: this.ip } } } : undefined,
    );
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json') && !type.startsWith('text/')) {
      return {
        status: res.status,
        body: Buffer.from(await res.arrayBuffer()) as any,
        headers: res.headers,
        ...this.cookieUpdate(res),
      };
    }
    this.cookieUpdate(res);
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  private cookieUpdate(res: Response) {
    const setCookies = res.headers.getSetCookie();
    if (setCookies.length) {
      const jar = new Map(
        this.cookie
          .split('; ')
          .filter(Boolean)
          .map((c) => c.split('=') as [string, string]),
      );
      for (const c of setCookies) {
        const [pair] = c.split(';');
        const [name, value] = pair.split('=');
        if (value && !/Max-Age=0/i.test(c)) jar.set(name, value);
        else jar.delete(name);
        if (name === 'linli_csrf') this.csrf = value;
      }
      this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    return {};
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);

  /** Drops the CSRF token, to prove writes need it. */
  forgetCsrf() {
    this.csrf = '';
  }
}
