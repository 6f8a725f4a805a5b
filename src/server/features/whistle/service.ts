import type { Transaction } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { CaseRow, Database, SummonsRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob, type JobRunner } from '../../platform/jobs.js';
import type { PiiCipher } from '../../platform/pii.js';
import { assertInScope, assertPermission, can, scopePaths, type Actor } from '../../platform/policy.js';
import { departmentIdsOf } from '../cases/access.js';
import { smsUsers, superiorUserIds } from '../cases/notices.js';
import { findByCode } from '../places/repository.js';
import { allowedSummonsActions, findSummonsTransition, type SummonsAction, type SummonsParty, type SummonsState } from './lifecycle.js';
import type { WhistleInputT, SummonsActionInputT } from './schemas.js';

export interface WhistleDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  sign: string;
  publicUrl: string;
}
type Trx = Transaction<Database>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const actionNames: Record<string, string> = { whistle: '吹哨', acknowledge: '接哨', checkIn: '报到', report: '处置反馈', score: '评分', overdue: '超时' };

export function createWhistleService(deps: WhistleDeps, jobs?: JobRunner) {
  const { db, clock } = deps;

  async function event(trx: Trx, w: { id: string; tenant_id: string; case_id: string | null }, summonsId: string | null, action: string, actor: Actor | null, note: string, at: Date) {
    const actorName = actor?.displayName ?? '系统';
    await trx.insertInto('whistle_events').values({ id: newId(), tenant_id: w.tenant_id, whistle_id: w.id, summons_id: summonsId, action, actor_id: actor?.userId ?? null, actor_name: actorName, note, at }).execute();
    // The case's own timeline shows the whistle and every department's step.
    if (w.case_id) {
      await trx.insertInto('case_events').values({ id: newId(), tenant_id: w.tenant_id, case_id: w.case_id, action: `whistle.${action}`, from_state: null, to_state: null, actor_id: actor?.userId ?? null, actor_name: actorName, note, data: JSON.stringify({ whistleId: w.id, summonsId }), at }).execute();
    }
  }

  const membersOf = async (trx: Trx | Db, departmentId: string) =>
    (await trx.selectFrom('memberships').select('user_id').where('department_id', '=', departmentId).execute()).map((m) => m.user_id);

  function partiesOf(actor: Actor, s: Pick<SummonsRow, 'department_id' | 'owner_id'>, whistlePath: string): SummonsParty[] {
    const parties: SummonsParty[] = [];
    if (departmentIdsOf(actor).includes(s.department_id) && can(actor, 'whistle:answer')) parties.push('departmentMember');
    if (s.owner_id && s.owner_id === actor.userId) parties.push('owner');
    if (can(actor, 'whistle:blow', whistlePath)) parties.push('whistler');
    return parties;
  }

  async function readable(actor: Actor, id: string) {
    const w = await db.selectFrom('whistles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!w) throw new AppError('NOT_FOUND');
    const summonses = await db.selectFrom('summonses as s').innerJoin('departments as d', 'd.id', 's.department_id').selectAll('s').select(['d.name as department_name', 'd.code as department_code']).where('s.whistle_id', '=', id).orderBy('d.code').execute();
    const mine = summonses.some((s) => departmentIdsOf(actor).includes(s.department_id));
    if (!can(actor, 'cases:read', w.place_path) && !mine) throw new AppError('NOT_FOUND');
    return { w, summonses };
  }

  if (jobs) {
    jobs.register('whistle.sla', async (trx, job, { now }) => {
      const { summonsId, clock: which, due, level } = job.payload as { summonsId: string; clock: 'ack' | 'arrive'; due: string; level: 'yellow' | 'red' };
      const s = await trx.selectFrom('summonses').selectAll().where('id', '=', summonsId).forUpdate().executeTakeFirst();
      if (!s) return;
      const running = which === 'ack' ? s.state === 'summoned' : s.state === 'summoned' || s.state === 'acknowledged';
      if (!running || new Date(which === 'ack' ? s.ack_due_at : s.arrive_due_at).toISOString() !== due) return;
      const w = await trx.selectFrom('whistles').selectAll().where('id', '=', s.whistle_id).executeTakeFirstOrThrow();
      await trx.updateTable('summonses').set({ sla_level: level === 'red' ? 'red' : s.sla_level === 'red' ? 'red' : 'yellow', escalated: s.escalated || level === 'red' }).where('id', '=', s.id).execute();
      const label = which === 'ack' ? '接哨' : '报到';
      const dept = await trx.selectFrom('departments').select('name').where('id', '=', s.department_id).executeTakeFirstOrThrow();
      if (level === 'red') await event(trx, w, s.id, 'overdue', null, `${dept.name}${label}超时，已上报`, now);
      const recipients = [...(await membersOf(trx, s.department_id)), ...(level === 'red' ? await superiorUserIds(trx, { place_path: w.place_path } as CaseRow) : [])];
      await smsUsers(trx, deps, { tenantId: w.tenant_id, caseId: w.case_id }, [...new Set(recipients)],
        level === 'red' ? 'sla_overdue' : 'sla_warning', { code: w.subject.slice(0, 20), clock: `${dept.name}${label}`, deadline: due.slice(5, 16).replace('T', ' '), level: '街道' }, `whistle:${s.id}:${which}:${level}`);
    });
  }

  async function watch(trx: Trx, s: { id: string }, start: Date, ackDue: Date, arriveDue: Date) {
    for (const [which, due] of [['ack', ackDue], ['arrive', arriveDue]] as const) {
      const payload = { summonsId: s.id, clock: which, due: due.toISOString() };
      await scheduleJob(trx, clock, 'whistle.sla', { ...payload, level: 'yellow' }, { runAt: new Date(start.getTime() + 0.8 * (due.getTime() - start.getTime())), dedupeKey: `whistle:${s.id}:${which}:yellow` });
      await scheduleJob(trx, clock, 'whistle.sla', { ...payload, level: 'red' }, { runAt: due, dedupeKey: `whistle:${s.id}:${which}:red` });
    }
  }

  return {
    /** 吹哨: on a case or on a place, summoning one or more departments. */
    async blow(actor: Actor, input: WhistleInputT) {
      assertPermission(actor, 'whistle:blow');
      let place: { id: string; path: string; tenant_id: string | null };
      let caseRow: CaseRow | undefined;
      if (input.caseId) {
        caseRow = await db.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
        if (!caseRow) throw new AppError('NOT_FOUND');
        place = { id: caseRow.place_id, path: caseRow.place_path, tenant_id: caseRow.tenant_id };
      } else {
        const found = input.placeCode ? await findByCode(db, input.placeCode) : undefined;
        if (!found) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'placeCode', message: 'give a case or a place' }] });
        place = found;
      }
      assertInScope(actor, 'whistle:blow', place.path);
      const departments = await db.selectFrom('departments').select(['id', 'name', 'code']).where('code', 'in', input.departmentCodes).where('tenant_id', '=', place.tenant_id!).execute();
      if (departments.length !== new Set(input.departmentCodes).size) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'departmentCodes', message: 'unknown department' }] });
      const now = clock.now();
      const ackDue = new Date(now.getTime() + input.ackMinutes * 60_000);
      const arriveDue = new Date(now.getTime() + input.arriveMinutes * 60_000);
      return db.transaction().execute(async (trx) => {
        const w = { id: newId(), tenant_id: place.tenant_id!, case_id: caseRow?.id ?? null };
        await trx.insertInto('whistles').values({ ...w, place_id: place.id, place_path: place.path, subject: input.subject, request: input.request, created_by: actor.userId, created_by_name: actor.displayName, created_at: now }).execute();
        await event(trx, w, null, 'whistle', actor, `${input.subject}：召集${departments.map((d) => d.name).join('、')}`, now);
        for (const d of departments) {
          const s = { id: newId() };
          await trx.insertInto('summonses').values({ id: s.id, tenant_id: w.tenant_id, whistle_id: w.id, department_id: d.id, state: 'summoned', ack_due_at: ackDue, arrive_due_at: arriveDue, created_at: now }).execute();
          await watch(trx, s, now, ackDue, arriveDue);
          await smsUsers(trx, deps, { tenantId: w.tenant_id, caseId: w.case_id }, await membersOf(trx, d.id), 'case_dispatched',
            { code: `吹哨·${input.subject.slice(0, 16)}`, summary: input.request.slice(0, 30), deadline: new Date(arriveDue.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ') }, `whistle:${s.id}:summoned`);
        }
        await recordAudit(trx, actor, { action: 'whistle.blow', entityType: 'whistle', entityId: w.id, tenantId: w.tenant_id, after: { subject: input.subject, departments: input.departmentCodes } }, now);
        return { id: w.id };
      });
    },

    async act(actor: Actor, summonsId: string, action: SummonsAction, input: SummonsActionInputT) {
      return db.transaction().execute(async (trx) => {
        // The row lock makes two receivers who press 接哨 at once queue up: the first wins, the second is told.
        const s = await trx.selectFrom('summonses').selectAll().where('id', '=', summonsId).forUpdate().executeTakeFirst();
        if (!s) throw new AppError('NOT_FOUND');
        const w = await trx.selectFrom('whistles').selectAll().where('id', '=', s.whistle_id).executeTakeFirstOrThrow();
        const parties = partiesOf(actor, s, w.place_path);
        if (parties.length === 0) throw new AppError('NOT_FOUND');
        const t = findSummonsTransition(s.state as SummonsState, action, parties);
        if (!t) throw new AppError(action === 'acknowledge' && s.owner_id ? 'SUMMONS_TAKEN' : 'CASE_ACTION_NOT_ALLOWED', { state: s.state, action, owner: s.owner_name });
        const now = clock.now();
        const changes: Partial<SummonsRow> = { state: t.to };
        let note = input.note ?? '';
        if (action === 'acknowledge') Object.assign(changes, { acknowledged_at: now, owner_id: actor.userId, owner_name: actor.displayName, ack_on_time: now <= new Date(s.ack_due_at) });
        if (action === 'checkIn') {
          if (input.lng === undefined || input.lat === undefined) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'lng', message: 'check-in needs the location' }] });
          Object.assign(changes, { arrived_at: now, arrival_lng: input.lng, arrival_lat: input.lat, arrive_on_time: now <= new Date(s.arrive_due_at) });
        }
        if (action === 'report') {
          if (!input.note || input.note.trim().length < 2) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'note', message: 'say what was done' }] });
          Object.assign(changes, { report_text: input.note, reported_at: now });
        }
        if (action === 'score') {
          if (!input.score) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'score', message: 'a score from 1 to 5' }] });
          Object.assign(changes, { score: input.score, score_comment: input.comment ?? '', scored_at: now });
          note = `${input.score} 分${input.comment ? `：${input.comment}` : ''}`;
        }
        await trx.updateTable('summonses').set(changes as never).where('id', '=', s.id).execute();
        const dept = await trx.selectFrom('departments').select('name').where('id', '=', s.department_id).executeTakeFirstOrThrow();
        await event(trx, w, s.id, action, actor, `${dept.name}${actionNames[action]}${note ? `：${note}` : ''}`, now);
        const remaining = await trx.selectFrom('summonses').select('id').where('whistle_id', '=', w.id).where('state', '<>', 'scored').where('id', '<>', s.id).execute();
        if (action === 'score' && remaining.length === 0) await trx.updateTable('whistles').set({ state: 'closed', closed_at: now }).where('id', '=', w.id).execute();
        await recordAudit(trx, actor, { action: `summons.${action}`, entityType: 'summons', entityId: s.id, tenantId: s.tenant_id, before: { state: s.state }, after: { state: t.to, note } }, now);
        return { id: s.id, state: t.to };
      });
    },

    async get(actor: Actor, id: string) {
      const { w, summonses } = await readable(actor, id);
      const events = await db.selectFrom('whistle_events').selectAll().where('whistle_id', '=', id).orderBy('at').orderBy('id').execute();
      return {
        id: w.id, caseId: w.case_id, subject: w.subject, request: w.request, state: w.state, createdBy: w.created_by_name, createdAt: iso(w.created_at)!,
        summonses: summonses.map((s) => ({
          id: s.id, department: { code: s.department_code, name: s.department_name }, state: s.state, ackDueAt: iso(s.ack_due_at)!, arriveDueAt: iso(s.arrive_due_at)!,
          acknowledgedAt: iso(s.acknowledged_at), owner: s.owner_name, arrivedAt: iso(s.arrived_at), reportText: s.report_text, score: s.score, scoreComment: s.score_comment,
          slaLevel: s.sla_level, escalated: s.escalated, actions: allowedSummonsActions(s.state as SummonsState, partiesOf(actor, s, w.place_path)),
        })),
        timeline: events.map((e) => ({ action: e.action, actorName: e.actor_name, note: e.note, at: iso(e.at)! })),
      };
    },

    async list(actor: Actor, q: { state?: 'open' | 'closed'; mine?: boolean }) {
      const departmentIds = departmentIdsOf(actor);
      const paths = q.mine ? [] : scopePaths(actor, 'cases:read');
      if (paths.length === 0 && departmentIds.length === 0) return [];
      let query = db.selectFrom('whistles as w').selectAll('w').where((eb) => eb.or([
        ...paths.map((p) => eb('w.place_path', 'like', `${p}%`)),
        ...(departmentIds.length ? [eb('w.id', 'in', eb.selectFrom('summonses').select('whistle_id').where('department_id', 'in', departmentIds))] : []),
      ]));
      if (q.state) query = query.where('w.state', '=', q.state);
      const rows = await query.orderBy('w.created_at', 'desc').limit(200).execute();
      return rows.map((w) => ({ id: w.id, subject: w.subject, state: w.state, caseId: w.case_id, createdBy: w.created_by_name, createdAt: iso(w.created_at)! }));
    },

    /** Department rankings: summonses, on-time acknowledgement and arrival, average score. */
    async ranking(actor: Actor, underCode?: string) {
      assertPermission(actor, 'cases:read');
      const place = underCode ? await findByCode(db, underCode) : undefined;
      if (underCode && !place) throw new AppError('NOT_FOUND');
      const path = place?.path ?? scopePaths(actor, 'cases:read')[0];
      assertInScope(actor, 'cases:read', path);
      const rows = await db.selectFrom('summonses as s').innerJoin('whistles as w', 'w.id', 's.whistle_id').innerJoin('departments as d', 'd.id', 's.department_id')
        .select((eb) => ['d.code', 'd.name', eb.fn.countAll<number>().as('summonses'),
          eb.fn.count<number>('s.acknowledged_at').as('acknowledged'), eb.fn.sum<number>(eb.case().when('s.ack_on_time', '=', true).then(1).else(0).end()).as('ack_on_time'),
          eb.fn.count<number>('s.arrived_at').as('arrived'), eb.fn.sum<number>(eb.case().when('s.arrive_on_time', '=', true).then(1).else(0).end()).as('arrive_on_time'),
          eb.fn.avg<number>('s.score').as('avg_score'), eb.fn.count<number>('s.score').as('scored')])
        .where('w.place_path', 'like', `${path}%`).groupBy(['d.code', 'd.name']).execute();
      const ratio = (a: number, b: number) => (Number(b) > 0 ? Math.round((Number(a) / Number(b)) * 10_000) / 10_000 : null);
      return rows.map((r) => ({
        department: { code: r.code, name: r.name }, summonses: Number(r.summonses),
        ackOnTimeRate: ratio(r.ack_on_time, r.summonses), arriveOnTimeRate: ratio(r.arrive_on_time, r.summonses),
        averageScore: r.avg_score === null ? null : Math.round(Number(r.avg_score) * 100) / 100, scored: Number(r.scored),
      })).sort((a, b) => (b.averageScore ?? 0) - (a.averageScore ?? 0) || (b.arriveOnTimeRate ?? 0) - (a.arriveOnTimeRate ?? 0));
    },
  };
}

export type WhistleService = ReturnType<typeof createWhistleService>;
