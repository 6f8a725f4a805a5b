import { describe, expect, it } from 'vitest';
import { preparedName } from './prepared.js';

describe('names of prepared statements', () => {
  it('names only marked statements, one name per text', () => {
    const a = 'select /* prepared */ "id" from "sessions" where "id" = $1';
    const b = 'select /* prepared */ "id" from "users" where "id" = $1';
    expect(preparedName('select "id" from "sessions" where "id" = $1')).toBeNull();
    expect(preparedName(a)).toMatch(/^linli_[0-9a-f]{24}$/);
    expect(preparedName(a)).toBe(preparedName(a));
    expect(preparedName(b)).not.toBe(preparedName(a));
  });
});

describe('the bound on prepared texts', () => {
  it('names at most twenty texts; later ones run unnamed', () => {
    const texts = Array.from({ length: 25 }, (_, i) => `select /* prepared */ ${i} as "n"`);
    const named = texts.map(preparedName);
    expect(named.filter((n) => n !== null).length).toBeLessThanOrEqual(20);
    expect(named.at(-1)).toBeNull();
    // A text named before keeps its name.
    expect(preparedName(texts[0])).toBe(named[0]);
  });
});
