import type { Executor } from './audit.js';

// An exclusive lease across processes (any number of app servers share the database): taken
// with one statement, released by its holder, and free again at its expiry if the holder died.

/** Takes the lease for `ttlMs`; when someone else holds it, returns when they took it. */
export async function takeLease(
  db: Executor,
  name: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<{ taken: true } | { taken: false; since: Date }> {
  const taken = await db
    .insertInto('leases')
    .values({ name, holder, taken_at: now, expires_at: new Date(now.getTime() + ttlMs) })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          taken_at: eb.ref('excluded.taken_at'),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where('leases.expires_at', '<=', now),
    )
    .returning('holder')
    .executeTakeFirst();
  if (taken?.holder === holder) return { taken: true };
  const current = await db.selectFrom('leases').select('taken_at').where('name', '=', name).executeTakeFirst();
  return { taken: false, since: new Date(current?.taken_at ?? now) };
}

/** True while `holder` still holds the lease; locks its row until the caller's transaction ends. */
export async function stillHolds(trx: Executor, name: string, holder: string): Promise<boolean> {
  const row = await trx
    .selectFrom('leases')
    .select('holder')
    .where('name', '=', name)
    .where('holder', '=', holder)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseLease(db: Executor, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
