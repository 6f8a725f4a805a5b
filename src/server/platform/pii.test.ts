import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from './pii.js';

describe('PiiCipher', () => {
  const cipher = new PiiCipher(randomBytes(32));

  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1101051949');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
  });

  it('finds equal values by hash, and another key neither opens nor matches them', () => {
    expect(cipher.lookupHash('13800138000')).toBe(cipher.lookupHash('13800138000'));
    const other = new PiiCipher(randomBytes(32));
    expect(other.lookupHash('13800138000')).not.toBe(cipher.lookupHash('13800138000'));
    expect(() => other.decrypt(cipher.encrypt('13800138000'))).toThrow();
  });

  it('detects tampering', () => {
    const sealed = cipher.encrypt('13800138000');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1.${raw.toString('base64')}`)).toThrow();
  });
});
