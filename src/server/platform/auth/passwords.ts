import { hash, verify } from '@node-rs/argon2';
import { textLength } from '../../../shared/text.js';

// argon2id with the library's defaults (about 70 ms a hash here).
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hash('linli-decoy-password');
  await verifyPassword(await decoyHash, password);
}

/** At least 8 characters, with letters and digits. */
export const isStrongPassword = (password: string): boolean =>
  textLength(password) >= 8 && textLength(password) <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
