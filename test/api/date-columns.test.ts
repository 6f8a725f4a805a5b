import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { buildResidentIn } from '../support/community-wishes.js';

// A `date` column reads as the 'YYYY-MM-DD' text schema.ts declares, on both drivers and in any time
// zone (their own Date was local midnight with pg and UTC midnight with PGlite: another day east of UTC).

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

describe(`date columns (${testEngine})`, () => {
  it('read a birth date back as the text it was written', async () => {
    const r = await buildResidentIn(ctx.deps, world.inA.households[0], { name: '黄玉兰', birthDate: '1941-03-02' });
    const row = await ctx.deps.db
      .selectFrom('residents')
      .select('birth_date')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.birth_date).toBe('1941-03-02');
  });
});
