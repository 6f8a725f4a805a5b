import path from 'node:path';
import { z } from 'zod';
import { tileSource } from './platform/security-headers.js';

// Environment → typed configuration, read once. Documented in docs/configuration.md.
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Row-level security by county on a PostgreSQL server (platform/db/tenant-guard.ts, docs/scale-out.md).
  TENANT_GUARD: booleanish.default(false),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: booleanish.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MAP_TILE_URL: z
    .string()
    .default('')
    .refine(
      (url) => tileSource(url) !== undefined,
      'an http(s) URL whose host may hold {s} only in its first label, or a path on this server',
    ),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  // What {s} in MAP_TILE_URL stands for, one per request in turn: 天地图's t0…t7 are `01234567` (or
  // `0,1,…,7`); empty keeps Leaflet's a, b, c.
  MAP_TILE_SUBDOMAINS: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => /^([a-z0-9-]+(,[a-z0-9-]+)*)?$/i.test(v), 'letters or digits, e.g. 01234567 or a,b,c')
    .transform((v) => (!v ? [] : v.includes(',') ? v.split(',') : [...v])),
  // A GeoJSON file of the area's roads and buildings, drawn under the grids (no internet needed).
  MAP_BASE_FILE: z.string().default(''),
  JOBS_ENABLED: booleanish.default(true),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  DEMO_SEED: booleanish.default(true),
  DEMO_CASES: z.coerce.number().int().min(0).max(2_000_000).default(10_000),
  PII_KEY: z.string().optional(),
  TRACKING_PREFIX: z
    .string()
    .regex(/^[A-Z]{1,4}$/, '1–4 capital letters')
    .default('LL'),
  SMS_PROVIDER: z.enum(['console', 'http']).default('console'),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  SMS_TEMPLATE_IDS: z.string().default('{}'),
  SMS_SIGN: z.string().default('邻里'),
  PUBLIC_RATE_PER_PHONE_HOUR: z.coerce.number().int().min(1).default(5),
  PUBLIC_RATE_PER_IP_HOUR: z.coerce.number().int().min(1).default(30),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(10_000).default(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(50),
  TRUSTED_PROXIES: z.string().default(''),
  // argon2id's cost: `test` is the cheapest one, for the API tests only (refused when NODE_ENV=production).
  PASSWORD_HASH_COST: z.enum(['strong', 'test']).default('strong'),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means the embedded database).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration 配置有误:\n${lines.join('\n')}`);
  }
  if (parsed.data.PASSWORD_HASH_COST === 'test' && env.NODE_ENV === 'production')
    throw new ConfigError('Invalid configuration 配置有误:\n  PASSWORD_HASH_COST: `test` is for the test suite only');
  if (parsed.data.TENANT_GUARD && !parsed.data.DATABASE_URL)
    throw new ConfigError(
      'Invalid configuration 配置有误:\n  TENANT_GUARD: row-level security needs a PostgreSQL server (DATABASE_URL)',
    );
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

export class ConfigError extends Error {}
