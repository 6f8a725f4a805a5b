import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import { assertInScope, systemActor } from '../../platform/policy.js';
import { pathUnder, resolveUnder } from '../../platform/scope.js';
import type { FileStorage } from '../../platform/storage.js';
import { text } from '../../platform/text-schema.js';
import { MonthlyReportSchema } from './schemas.js';
import type { StatsService } from './service.js';

// Monthly reports: printed on demand, and made by a job on the 1st of each month (02:00 Beijing
// time) for every street and community, kept for download.

const SHANGHAI = 8 * 3_600_000;
/** 02:00 Beijing time on the 1st of the month after `after`. */
export function nextMonthlyRun(after: Date): Date {
  const local = new Date(after.getTime() + SHANGHAI);
  const candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1, 2) - SHANGHAI;
  return new Date(candidate);
}
const previousMonth = (at: Date) =>
  new Date(
    Date.UTC(
      new Date(at.getTime() + SHANGHAI).getUTCFullYear(),
      new Date(at.getTime() + SHANGHAI).getUTCMonth() - 1,
      1,
    ),
  )
    .toISOString()
    .slice(0, 7);

// The job reads through its own transaction: on the embedded database a second connection would wait for it forever.
export function registerMonthlyReports(
  jobs: JobRunner,
  deps: { storage: FileStorage; statsOn: (db: Db) => StatsService },
) {
  jobs.registerRecurring({ kind: 'stats.monthlyReports', next: nextMonthlyRun }, async (trx, _job, { now }) => {
    const month = previousMonth(now);
    const places = await trx
      .selectFrom('places')
      .select(['id', 'code', 'tenant_id'])
      .where('kind', 'in', ['street', 'community'])
      .where('status', '=', 'active')
      .where('tenant_id', 'is not', null)
      .execute();
    for (const place of places) {
      const bytes = await deps.statsOn(trx).monthlyReport(systemActor(), place.code, month);
      const fileId = newId();
      const key = `reports/${month}/${fileId}`;
      await deps.storage.put(key, bytes);
      await trx
        .insertInto('files')
        .values({
          id: fileId,
          tenant_id: place.tenant_id,
          mime: 'application/pdf',
          size_bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storage_key: key,
          uploaded_by: null,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('monthly_reports')
        .values({
          id: newId(),
          tenant_id: place.tenant_id!,
          place_id: place.id,
          month,
          file_id: fileId,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['place_id', 'month']).doUpdateSet({ file_id: fileId, created_at: now }))
        .execute();
    }
  });
}

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const pdf = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
};
const onDemand = authRoute({
  method: 'get',
  path: '/stats/monthly-report.pdf',
  tags: ['stats'],
  summary: 'The monthly report of a street or community (PDF), made now',
  request: { query: z.object({ under: text({ min: 2, max: 40 }), month: Month }) },
  responses: pdf,
});
const stored = authRoute({
  method: 'get',
  path: '/stats/monthly-reports',
  tags: ['stats'],
  summary: 'Monthly reports made by the scheduled job',
  request: { query: z.object({ under: text({ min: 2, max: 40 }) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(MonthlyReportSchema) })), ...errorResponses },
});
const download = authRoute({
  method: 'get',
  path: '/stats/monthly-reports/{id}',
  tags: ['stats'],
  summary: 'Download a stored monthly report',
  request: { params: z.object({ id: z.uuid() }) },
  responses: pdf,
});
const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

export function monthlyRoutes(stats: StatsService, deps: { db: Db; storage: FileStorage; clock: Clock }) {
  return createRouter()
    .openapi(onDemand, async (c) => {
      const q = c.req.valid('query');
      return c.body(
        new Uint8Array(await stats.monthlyReport(actorOf(c), q.under, q.month)),
        200,
        pdfHeaders(`${q.month}月度报告.pdf`),
      );
    })
    .openapi(stored, async (c) => {
      const place = (await resolveUnder(deps.db, actorOf(c), 'cases:read', c.req.valid('query').under))!;
      const rows = await deps.db
        .selectFrom('monthly_reports as r')
        .innerJoin('places as p', 'p.id', 'r.place_id')
        .select(['r.id', 'r.month', 'r.created_at', 'p.code', 'p.name'])
        .where(pathUnder('p.path', place.path))
        .orderBy('r.month', 'desc')
        .orderBy('p.code')
        .limit(500)
        .execute();
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            month: r.month,
            place: { code: r.code, name: r.name },
            createdAt: new Date(r.created_at).toISOString(),
          })),
        },
        200,
      );
    })
    .openapi(download, async (c) => {
      const row = await deps.db
        .selectFrom('monthly_reports as r')
        .innerJoin('places as p', 'p.id', 'r.place_id')
        .innerJoin('files as f', 'f.id', 'r.file_id')
        .select(['p.path', 'p.name', 'r.month', 'f.storage_key'])
        .where('r.id', '=', c.req.valid('param').id)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      assertInScope(actorOf(c), 'cases:read', row.path);
      const bytes = await deps.storage.get(row.storage_key);
      if (!bytes) throw new AppError('NOT_FOUND');
      return c.body(new Uint8Array(bytes), 200, pdfHeaders(`${row.name}${row.month}月度报告.pdf`));
    });
}
