import { sql, type Insertable } from 'kysely';
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

/** The cases that show this photo (reported, as a result or of the on-site check), with what decides who may read them. */
export function casePathsShowingFile(db: Executor, fileId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'place_path', 'assignee_user_id', 'assignee_department_id', 'assignee_team_id'])
    .where((eb) =>
      eb.or([
        eb(eb.val(fileId), '=', eb.fn.any('photo_ids')),
        eb(eb.val(fileId), '=', eb.fn.any('result_photo_ids')),
        eb(eb.val(fileId), '=', eb.fn.any('verify_photo_ids')),
      ]),
    )
    .execute();
}

/** Paths of the disputes whose mediation sessions carry this signature. */
export async function mediationPathsShowing(db: Executor, fileId: string) {
  const rows = await db
    .selectFrom('mediation_sessions as m')
    .innerJoin('disputes as d', 'd.id', 'm.dispute_id')
    .select('d.place_path')
    .where((eb) => eb(eb.val(fileId), '=', eb.fn.any('m.signature_file_ids')))
    .execute();
  return rows.map((r) => r.place_path);
}

/** 办件 (issue 15): applications attaching the file, with the parties of their parts (who may read it). */
export function applicationsShowingFile(db: Executor, fileId: string) {
  return db
    .selectFrom('service_applications as a')
    .leftJoin('service_application_parts as p', 'p.application_id', 'a.id')
    .select(['a.place_path', 'a.applicant_user_id', 'p.department_id', 'p.handler_path'])
    .where((eb) => eb(eb.val(fileId), '=', eb.fn.any('a.file_ids')))
    .execute();
}

/** The counties whose service items (any saved version) list this file as a material's sample (样表). */
export async function serviceSampleCounties(db: Executor, fileId: string) {
  const rows = await sql<{ tenant_id: string }>`
    SELECT DISTINCT v.tenant_id FROM service_item_versions v, jsonb_array_elements(v.materials) m
    WHERE m->>'sampleFileId' = ${fileId}`.execute(db);
  return rows.rows.map((r) => r.tenant_id);
}

/** 共驻共建 (issue 16): agreements and list entries showing the file, with the unit's place and whether the user acts for it. */
export function unitRecordsShowingFile(db: Executor, fileId: string, userId: string | null) {
  const liaison = (org: 'a.organisation_id' | 'e.organisation_id') =>
    sql<boolean>`EXISTS (SELECT 1 FROM organisation_liaisons l WHERE l.organisation_id = ${sql.ref(org)} AND l.user_id = ${userId})`;
  return db
    .selectFrom('unit_agreements as a')
    .select(['a.place_path', liaison('a.organisation_id').as('liaison')])
    .where('a.file_id', '=', fileId)
    .unionAll(
      db
        .selectFrom('unit_entries as e')
        .select(['e.place_path', liaison('e.organisation_id').as('liaison')])
        .where((eb) => eb(eb.val(fileId), '=', eb.fn.any('e.proof_file_ids'))),
    )
    .execute();
}

/**
 * 邻里生活 (issue 16): the places of the community records showing a file — wishes (photo and
 * fulfilment), micro-actions' proof, the shop's goods, stewards' opinions and checklist ticks.
 */
export function communityRecordPathsShowingFile(db: Executor, fileId: string) {
  const has = (column: 'w.photo_ids' | 'w.fulfil_photo_ids' | 'a.proof_photo_ids') =>
    sql<boolean>`${fileId}::uuid = ANY(${sql.ref(column)})`;
  return (
    db
      .selectFrom('community_wishes as w')
      .select('w.place_path')
      .where((eb) => eb.or([has('w.photo_ids'), has('w.fulfil_photo_ids')]))
      .unionAll(db.selectFrom('community_micro_actions as a').select('a.place_path').where(has('a.proof_photo_ids')))
      .unionAll(
        db.selectFrom('shop_goods as g').select('g.community_path as place_path').where('g.photo_file_id', '=', fileId),
      )
      .unionAll(
        db
          .selectFrom('steward_opinions as o')
          .select('o.building_path as place_path')
          .where('o.photo_file_id', '=', fileId),
      )
      .unionAll(
        db
          .selectFrom('steward_checklist_ticks as t')
          .innerJoin('steward_checklists as c', 'c.id', 't.checklist_id')
          .innerJoin('steward_terms as s', 's.id', 'c.term_id')
          .select('s.building_path as place_path')
          .where('t.photo_file_id', '=', fileId),
      )
      // 百姓监督员 (issue 17): inspection logs' and issues' photos, read by the project's place.
      .unionAll(
        db
          .selectFrom('supervision_logs as sl')
          .innerJoin('supervision_projects as sp', 'sp.id', 'sl.project_id')
          .select('sp.place_path')
          .where(sql<boolean>`${fileId}::uuid = ANY(sl.photo_ids)`),
      )
      .unionAll(
        db
          .selectFrom('supervision_issues as si')
          .innerJoin('supervision_projects as sp', 'sp.id', 'si.project_id')
          .select('sp.place_path')
          .where(sql<boolean>`${fileId}::uuid = ANY(si.photo_ids)`),
      )
      .execute()
  );
}

/**
 * Moves a file to another county when no row keeps it by its county (goods, agreements, reports):
 * true when moved. Under the tenant guard a file of no county cannot be changed, and stays.
 */
export async function moveUnshownFile(db: Executor, file: { id: string; tenant_id: string }, county: string) {
  const moved = await db
    .updateTable('files')
    .set({ tenant_id: county })
    .where('id', '=', file.id)
    .where('tenant_id', '=', file.tenant_id)
    .where(({ not, exists, selectFrom, or }) =>
      not(
        or([
          exists(selectFrom('shop_goods').select('id').whereRef('photo_file_id', '=', 'files.id')),
          exists(selectFrom('unit_agreements').select('id').whereRef('file_id', '=', 'files.id')),
          exists(selectFrom('monthly_reports').select('id').whereRef('file_id', '=', 'files.id')),
        ]),
      ),
    )
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) > 0;
}

export async function deleteFiles(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  await db.deleteFrom('files').where('id', 'in', ids).execute();
}

/**
 * Deletes up to `limit` files made before `createdBefore` that nothing shows, and returns their
 * storage keys. Every column that holds file ids must be listed here, or the sweep takes its files.
 */
export async function deleteOrphans(db: Executor, createdBefore: Date, limit: number) {
  const rows = await sql<{ storage_key: string }>`
    WITH attached AS (
      SELECT unnest(photo_ids) AS id FROM cases
      UNION ALL SELECT unnest(result_photo_ids) FROM cases
      UNION ALL SELECT unnest(verify_photo_ids) FROM cases
      UNION ALL SELECT unnest(photo_ids) FROM visit_logs
      UNION ALL SELECT unnest(signature_file_ids) FROM mediation_sessions
      UNION ALL SELECT file_id FROM monthly_reports
      UNION ALL SELECT unnest(file_ids) FROM service_applications
      UNION ALL SELECT unnest(result_file_ids) FROM service_application_parts
      UNION ALL SELECT unnest(photo_ids) FROM community_wishes
      UNION ALL SELECT unnest(fulfil_photo_ids) FROM community_wishes
      UNION ALL SELECT unnest(proof_photo_ids) FROM community_micro_actions
      UNION ALL SELECT file_id FROM unit_agreements WHERE file_id IS NOT NULL
      UNION ALL SELECT unnest(proof_file_ids) FROM unit_entries
      UNION ALL SELECT photo_file_id FROM shop_goods WHERE photo_file_id IS NOT NULL
      UNION ALL SELECT photo_file_id FROM steward_opinions WHERE photo_file_id IS NOT NULL
      UNION ALL SELECT photo_file_id FROM steward_checklist_ticks WHERE photo_file_id IS NOT NULL
      UNION ALL SELECT unnest(photo_ids) FROM supervision_logs
      UNION ALL SELECT unnest(photo_ids) FROM supervision_issues
      UNION ALL SELECT unnest(attachment_ids) FROM public_notices
      UNION ALL SELECT (m->>'sampleFileId')::uuid FROM service_item_versions v, jsonb_array_elements(v.materials) m
        WHERE m->>'sampleFileId' IS NOT NULL
    )
    DELETE FROM files WHERE id IN (
      SELECT f.id FROM files f
      WHERE f.created_at < ${createdBefore} AND NOT EXISTS (SELECT 1 FROM attached a WHERE a.id = f.id)
      ORDER BY f.created_at
      LIMIT ${limit}
    )
    RETURNING storage_key`.execute(db);
  return rows.rows.map((r) => r.storage_key);
}
