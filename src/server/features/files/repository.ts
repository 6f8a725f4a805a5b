import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { FilesTable } from '../../platform/db/schema.js';

export function findFile(db: Executor, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findFiles(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
}

export async function insertFile(db: Executor, row: Insertable<FilesTable>) {
  await db.insertInto('files').values(row).execute();
}

/** Paths of the households whose visit logs show this photo. */
export async function visitPathsShowing(db: Executor, fileId: string) {
  const rows = await db
    .selectFrom('visit_logs')
    .innerJoin('places', 'places.id', 'visit_logs.household_id')
    .select('places.path')
    .where((eb) => eb(eb.val(fileId), '=', eb.fn.any('visit_logs.photo_ids')))
    .execute();
  return rows.map((r) => r.path);
}
