import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from './audit.js';

// Personal information (PIPL): ID numbers and phones are stored encrypted (AES-256-GCM) with a
// keyed hash (HMAC-SHA256) beside them for exact lookup. Both keys derive from one master key.

export class PiiKeyError extends Error {}

export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new PiiKeyError('the personal-data key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-encryption', 32));
    this.lookupKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-lookup', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1.')) throw new PiiKeyError('unknown ciphertext format');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash of a normalized value: the same input always finds the same row. */
  lookupHash(normalized: string): string {
    return createHmac('sha256', this.lookupKey).update(normalized).digest('hex');
  }
}

/** The master key: PII_KEY (base64) when given; otherwise the embedded mode's key file, made once. */
export function loadMasterKey(options: { piiKey?: string; dataDir: string; embedded: boolean }): Buffer {
  if (!options.piiKey && !options.embedded)
    throw new PiiKeyError('PII_KEY is required with DATABASE_URL (generate one: openssl rand -base64 32)');
  const file = keyFile(options.dataDir);
  if (!options.piiKey && !fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return existingMasterKey(options)!.key;
}

export const keyFile = (dataDir: string): string => path.join(dataDir, 'secret.key');

/** The key this installation runs with (PII_KEY, else DATA_DIR/secret.key) and where it comes from; null when there is none yet. */
export function existingMasterKey(options: {
  piiKey?: string;
  dataDir: string;
}): { key: Buffer; source: string } | null {
  if (options.piiKey) {
    const key = Buffer.from(options.piiKey, 'base64');
    if (key.length !== 32) throw new PiiKeyError('PII_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return { key, source: 'PII_KEY' };
  }
  const file = keyFile(options.dataDir);
  if (!fs.existsSync(file)) return null;
  const key = parseKeyFile(fs.readFileSync(file, 'utf8'));
  if (!key) throw new PiiKeyError(`${file} does not hold a 32-byte key`);
  return { key, source: file };
}

/** The key in the key file's form (base64 text), or null when the text is not one. */
export function parseKeyFile(text: string): Buffer | null {
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === 32 ? key : null;
}

/**
 * Names a key without revealing it: a value derived from it under its own label, so it says
 * nothing about the encryption or lookup keys. Backups record it; restore compares it.
 */
export function keyFingerprint(masterKey: Buffer): string {
  const hex = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-key-fingerprint', 8)).toString('hex');
  return hex.match(/.{4}/g)!.join('-');
}

const CHECK_NAME = 'pii-key';
const CHECK_TEXT = 'linli-key-check';

/**
 * Makes sure the key opens the data: the first start stores a sealed marker, every later start
 * must open it. A wrong key stops the program instead of writing rows nobody can read.
 */
export async function verifyKeyOpensData(db: Executor, cipher: PiiCipher): Promise<void> {
  const row = await db.selectFrom('key_checks').select('ciphertext').where('name', '=', CHECK_NAME).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('key_checks')
      .values({ name: CHECK_NAME, ciphertext: cipher.encrypt(CHECK_TEXT) })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  let opened = '';
  try {
    opened = cipher.decrypt(row.ciphertext);
  } catch {
    opened = '';
  }
  if (opened !== CHECK_TEXT) {
    throw new PiiKeyError(
      'The personal-data key does not open this database (PII_KEY or DATA_DIR/secret.key changed). Refusing to start. 个人信息密钥与数据库不匹配，拒绝启动。',
    );
  }
}
