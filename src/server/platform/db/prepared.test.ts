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
