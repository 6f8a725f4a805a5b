import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { attachableFiles } from '../files/index.js';
import { gridCodeOfPath } from '../people/index.js';
import { findHousehold, gridNames } from '../people/index.js';
import { assertMayReadVisits, assertMayRecordVisits, assertMayVisit } from './policy.js';
import * as repo from './repository.js';
import type { VisitLogInputT, VisitLogQueryT } from './schemas.js';

export interface GridworkDeps {
  db: Db;
  clock: Clock;
}

type VisitRow = NonNullable<Awaited<ReturnType<typeof repo.findVisit>>>;

export function createGridworkService({ db, clock }: GridworkDeps) {
  async function present(rows: VisitRow[]) {
    const codes = [
      ...new Set(rows.map((r) => gridCodeOfPath(r.household_path)).filter((c): c is string => c !== null)),
    ];
    const grids = new Map((await gridNames(db, codes)).map((g) => [g.code, g.name]));
    return rows.map((r) => {
      const grid = gridCodeOfPath(r.household_path);
      return {
        id: r.id,
        content: r.content,
        photoIds: r.photo_ids,
        lng: r.lng,
        lat: r.lat,
        visitedAt: new Date(r.visited_at).toISOString(),
        author: { id: r.author_id, name: r.author_name },
        household: { code: r.household_code, address: r.address },
        grid: grid ? { code: grid, name: grids.get(grid) ?? grid } : null,
      };
    });
  }

  return {
    /** Records a 民情日记 entry; the same id sent again (a retry from the phone) returns the first one. */
    async recordVisit(
      actor: Actor,
      input: VisitLogInputT,
    ): Promise<{ created: boolean; log: Awaited<ReturnType<typeof present>>[number] }> {
      assertMayRecordVisits(actor);
      const existing = await repo.findVisit(db, input.id);
      if (existing) {
        if (existing.author_id !== actor.userId) throw new AppError('VISIT_ID_TAKEN');
        return { created: false, log: (await present([existing]))[0] };
      }
      const household = await findHousehold(db, input.householdCode);
      if (!household || household.status !== 'active')
        throw new AppError('HOUSEHOLD_REQUIRED', { householdCode: input.householdCode });
      assertMayVisit(actor, household.path);
      await attachableFiles(db, actor, input.photoIds, { field: 'photoIds' });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.insertVisit(trx, {
          id: input.id,
          tenant_id: household.tenant_id!,
          household_id: household.id,
          author_id: actor.userId!,
          content: input.content,
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          photo_ids: input.photoIds,
          visited_at: input.visitedAt ? new Date(input.visitedAt) : now,
          created_at: now,
        });
        await recordAudit(
          trx,
          actor,
          {
            action: 'visit.record',
            entityType: 'visit_log',
            entityId: input.id,
            tenantId: household.tenant_id,
            after: { household: household.code, photos: input.photoIds.length },
          },
          now,
        );
      });
      return { created: true, log: (await present([(await repo.findVisit(db, input.id))!]))[0] };
    },

    async listVisits(actor: Actor, query: VisitLogQueryT) {
      assertMayReadVisits(actor);
      const underPath = (await resolveUnder(db, actor, 'visits:read', query.under))?.path ?? null;
      const { rows, total } = await repo.listVisits(
        db,
        { scope: scopeOf(actor, 'visits:read'), underPath, authorId: query.mine === 'true' ? actor.userId : null },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      return { items: await present(rows), total, page: query.page, pageSize: query.pageSize };
    },
  };
}

export type GridworkService = ReturnType<typeof createGridworkService>;
