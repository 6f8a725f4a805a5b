import { summarize } from '../../../../shared/text.js';
import type { CaseState } from '../../../../shared/cases.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { CaseRow } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/errors.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import type { CasesDeps } from '../deps.js';
import { supervisingCode, urge, type EscalationLevel } from '../escalation.js';
import { currentDue } from '../present.js';
import { supervisesAnything, supervisingMembership, supervisionScope } from './policy.js';
import * as repo from './repository.js';

// 督办: the queue of late and escalated cases a level supervises, and its urge to whoever has one.

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

type QueueRow = Awaited<ReturnType<typeof repo.queue>>['rows'][number];

/** The queue's rows as the console shows them: who supervises each by place name, and how late it is. */
async function presentQueue(db: Executor, rows: QueueRow[], now: Date) {
  const names = new Map<string, string>();
  const nameOf = async (code: string | null, fallback: string) => {
    if (!code) return fallback;
    if (!names.has(code)) names.set(code, (await repo.placeName(db, code)) ?? fallback);
    return names.get(code)!;
  };
  const items = [];
  for (const r of rows) {
    const level = Math.min(2, Math.max(0, r.escalation_level)) as EscalationLevel;
    const late = r.sla_level === 'red' && r.overdue_since ? now.getTime() - new Date(r.overdue_since).getTime() : null;
    items.push({
      id: r.id,
      trackingCode: r.tracking_code,
      state: r.state as CaseState,
      summary: summarize(r.description, 40),
      place: r.place_name,
      assignee: r.assignee_name,
      escalationLevel: level,
      supervisor: await nameOf(supervisingCode(r, level), ['社区', '街道', '区县'][level]),
      escalatedAt: iso(r.escalated_at),
      supervisionDueAt: iso(r.supervision_due_at),
      overdueSince: iso(r.overdue_since),
      lateMinutes: late === null ? null : Math.max(0, Math.floor(late / 60_000)),
      dueAt: iso(currentDue(r as unknown as CaseRow)?.due ?? null),
    });
  }
  return items;
}

export function createSupervisionService(deps: CasesDeps) {
  const { db, clock } = deps;
  return {
    async queue(actor: Actor, query: { level?: '0' | '1' | '2'; page: number; pageSize: number }) {
      assertPermission(actor, 'cases:dispatch');
      const scope = supervisionScope(actor);
      const levels = [
        ...(scope.community.length ? [0] : []),
        ...(scope.street.length ? [1] : []),
        ...(scope.county.length ? [2] : []),
      ];
      const { rows, total } = await repo.queue(
        db,
        scope,
        { level: query.level === undefined ? null : Number(query.level) },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      const items = await presentQueue(db, rows, clock.now());
      return { items, total, page: query.page, pageSize: query.pageSize, levels };
    },

    /** 督办: a note on the case's timeline and a text to whoever must act, by a level that supervises it. */
    async urge(actor: Actor, caseId: string, note: string) {
      assertPermission(actor, 'cases:dispatch');
      const scope = supervisionScope(actor);
      if (!supervisesAnything(scope)) throw new AppError('NOT_FOUND');
      return db.transaction().execute(async (trx) => {
        const c = await repo.supervisedCase(trx, scope, caseId);
        if (!c) throw new AppError('NOT_FOUND');
        const membership = supervisingMembership(actor, c.place_path);
        const supervisor = membership?.scopeName ?? actor.displayName;
        const now = clock.now();
        const result = await urge(
          trx,
          deps,
          c,
          { userId: actor.userId, name: actor.displayName, supervisor },
          note,
          now,
        );
        await recordAudit(
          trx,
          actor,
          {
            action: 'case.urge',
            entityType: 'case',
            entityId: c.id,
            tenantId: c.tenant_id,
            after: { level: c.escalation_level, supervisor, told: result.told.length },
          },
          now,
        );
        return result;
      });
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
