import { hash, verify, type Options } from '@node-rs/argon2';
import { textLength } from '../../../shared/text.js';

// argon2id with OWASP's parameters (the library's defaults: 19 MiB, 2 passes; about 70 ms a hash here).
// (`algorithm` left out: argon2id is the library's default; its enum is a const enum we cannot import.)
export const strongHashOptions: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
// The API tests hash and verify thousands of passwords: the cheapest argon2id (PASSWORD_HASH_COST=test, which
// the configuration refuses in production) saves minutes of the suite. Verifying reads the cost from the hash.
const testHashOptions: Options = { memoryCost: 64, timeCost: 1, parallelism: 1 };

let hashOptions = strongHashOptions;
/** Set once from the configuration when the app is built. */
export function usePasswordHashCost(cost: 'strong' | 'test') {
  hashOptions = cost === 'test' ? testHashOptions : strongHashOptions;
}

export const hashPassword = (password: string): Promise<string> => hash(password, hashOptions);

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
  decoyHash ??= hash('linli-decoy-password', hashOptions);
  await verifyPassword(await decoyHash, password);
}

/** At least 8 characters, with letters and digits. */
export const isStrongPassword = (password: string): boolean =>
  textLength(password) >= 8 && textLength(password) <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
