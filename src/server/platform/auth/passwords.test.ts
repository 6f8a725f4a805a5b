import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { hashPassword, usePasswordHashCost, verifyPassword } from './passwords.js';

// The tests run with the cheapest argon2id (PASSWORD_HASH_COST=test); production must keep the strong one.
describe('password hashing cost', () => {
  afterEach(() => usePasswordHashCost('strong'));

  it('hashes with argon2id, 19 MiB and 2 passes unless configured otherwise', async () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe('strong');
    usePasswordHashCost(loadConfig({}).PASSWORD_HASH_COST);
    const stored = await hashPassword('Passw0rd!');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'Passw0rd!')).toBe(true);
    expect(await verifyPassword(stored, 'Passw0rd?')).toBe(false);
  });

  it('refuses the test cost in production', () => {
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'test', NODE_ENV: 'production' })).toThrow(/PASSWORD_HASH_COST/);
  });

  it('verifies a strong hash while the test cost is set (the cost is read from the hash)', async () => {
    const strong = await hashPassword('Passw0rd!');
    usePasswordHashCost('test');
    const cheap = await hashPassword('Passw0rd!');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await verifyPassword(strong, 'Passw0rd!')).toBe(true);
    expect(await verifyPassword(cheap, 'Passw0rd!')).toBe(true);
  });
});
