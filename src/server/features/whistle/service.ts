import { sql, type Transaction } from 'kysely';
import { textLength } from '../../../shared/text.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { CaseRow, Database, SummonsRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob, type JobRunner } from '../../platform/jobs.js';
import type { PiiCipher } from '../../platform/pii.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { inScope, isUnder, pathAbove, pathUnderAny, resolveUnder, scopeOf } from '../../platform/scope.js';
import { departmentIdsOf } from '../cases/access.js';
import { shanghaiMinute } from '../../platform/deadlines.js';
import { smsUsers, superiorUserIds } from '../../platform/notify/recipients.js';
import { summarize } from '../../../shared/text.js';
import { metresBetween } from '../places/geometry.js';
import { interiorPoint } from '../../../shared/geometry.js';
import { findByCode } from '../places/repository.js';
import {
  allowedSummonsActions,
  findSummonsTransition,
  type SummonsAction,
  type SummonsParty,
  type SummonsState,
} from './lifecycle.js';
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
const actionNames: Record<string, string> = {
  whistle: '吹哨',
  acknowledge: '接哨',
  checkIn: '报到',
  report: '处置反馈',
  score: '评分',
  overdue: '超时',
};

export function createWhistleService(deps: WhistleDeps, jobs?: JobRunner) {
  const { db, clock } = deps;

  async function event(
    trx: Trx,
    w: { id: string; tenant_id: string; case_id: string | null },
    summonsId: string | null,
    action: string,
    actor: Actor | null,
    note: string,
    at: Date,
  ) {
    const actorName = actor?.displayName ?? '系统';
    await trx
      .insertInto('whistle_events')
      .values({
        id: newId(),
        tenant_id: w.tenant_id,
        whistle_id: w.id,
        summons_id: summonsId,
        action,
        actor_id: actor?.userId ?? null,
        actor_name: actorName,
        note,
        at,
      })
      .execute();
    // The case's own timeline shows the whistle and every department's step.
    if (w.case_id) {
      await trx
        .insertInto('case_events')
        .values({
          id: newId(),
          tenant_id: w.tenant_id,
          case_id: w.case_id,
          action: `whistle.${action}`,
          from_state: null,
          to_state: null,
          actor_id: actor?.userId ?? null,
          actor_name: actorName,
          note,
          data: JSON.stringify({ whistleId: w.id, summonsId }),
          at,
        })
        .execute();
    }
  }

  /** Who answers a summons: the department's members (first to acknowledge owns it), or the adviser herself. */
  const answerersOf = async (trx: Trx | Db, s: Pick<SummonsRow, 'department_id' | 'adviser_id'>) =>
    s.department_id
      ? (
          await trx.selectFrom('memberships').select('user_id').where('department_id', '=', s.department_id).execute()
        ).map((m) => m.user_id)
      : [s.adviser_id!];

  /** The summoned party's name: the department's, or 法律顾问 and the adviser's name. */
  async function partyOf(trx: Trx | Db, s: Pick<SummonsRow, 'department_id' | 'adviser_id'>) {
    if (s.department_id) {
      const d = await trx
        .selectFrom('departments')
        .select(['code', 'name'])
        .where('id', '=', s.department_id)
        .executeTakeFirstOrThrow();
      return { kind: 'department' as const, code: d.code, name: d.name };
    }
    const u = await trx
      .selectFrom('users')
      .select(['username', 'display_name'])
      .where('id', '=', s.adviser_id!)
      .executeTakeFirstOrThrow();
    return { kind: 'adviser' as const, code: u.username, name: `法律顾问${u.display_name}` };
  }

  const isAnswerer = (actor: Actor, s: Pick<SummonsRow, 'department_id' | 'adviser_id'>) =>
    can(actor, 'whistle:answer') &&
    (s.department_id ? departmentIdsOf(actor).includes(s.department_id) : s.adviser_id === actor.userId);

  function partiesOf(
    actor: Actor,
    s: Pick<SummonsRow, 'department_id' | 'adviser_id' | 'owner_id'>,
    whistlePath: string,
  ): SummonsParty[] {
    const parties: SummonsParty[] = [];
    if (isAnswerer(actor, s)) parties.push('departmentMember');
    if (s.owner_id && s.owner_id === actor.userId) parties.push('owner');
    if (can(actor, 'whistle:blow', whistlePath)) parties.push('whistler');
    return parties;
  }

  /** Legal advisers whose place covers this one (a community's adviser, or a street's). */
  async function advisersServing(ex: Trx | Db, placePath: string) {
    const rows = await ex
      .selectFrom('memberships as m')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.display_name', 'p.name as place_name'])
      .where('m.role', '=', 'legal_adviser')
      .where('u.status', '=', 'active')
      .where(pathAbove('p.path', placePath))
      .orderBy('u.display_name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.display_name, serves: r.place_name }));
  }

  /** The point to go to: a building's, or a point inside the grid, for a whistle on a place. */
  async function pointOf(placePath: string, ex: Trx | Db = db) {
    const building = await ex
      .selectFrom('buildings as b')
      .innerJoin('places as p', 'p.id', 'b.place_id')
      .select(['b.lng', 'b.lat', 'b.address'])
      .where(pathAbove('p.path', placePath))
      .orderBy(sql`length(p.path)`, 'desc')
      .executeTakeFirst();
    if (building) return building;
    const grid = await ex
      .selectFrom('grids as g')
      .innerJoin('places as p', 'p.id', 'g.place_id')
      .select(['g.boundary'])
      .where(pathAbove('p.path', placePath))
      .orderBy(sql`length(p.path)`, 'desc')
      .executeTakeFirst();
    if (!grid) return { lng: null, lat: null, address: '' };
    const [lng, lat] = interiorPoint(grid.boundary.coordinates);
    return { lng, lat, address: '' };
  }

  async function readable(actor: Actor, id: string) {
    const w = await db
      .selectFrom('whistles as w')
      .innerJoin('places as p', 'p.id', 'w.place_id')
      .selectAll('w')
      .select(['p.code as place_code', 'p.name as place_name'])
      .where('w.id', '=', id)
      .executeTakeFirst();
    if (!w) throw new AppError('NOT_FOUND');
    const summonses = await db
      .selectFrom('summonses')
      .selectAll()
      .where('whistle_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const mine = summonses.some((s) => isAnswerer(actor, s));
    if (!can(actor, 'cases:read', w.place_path) && !mine) throw new AppError('NOT_FOUND');
    return { w, summonses: await Promise.all(summonses.map(async (s) => ({ ...s, party: await partyOf(db, s) }))) };
  }

  if (jobs) {
    jobs.register('whistle.sla', async (trx, job, { now }) => {
      const {
        summonsId,
        clock: which,
        due,
        level,
      } = job.payload as { summonsId: string; clock: 'ack' | 'arrive'; due: string; level: 'yellow' | 'red' };
      const s = await trx
        .selectFrom('summonses')
        .selectAll()
        .where('id', '=', summonsId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return;
      const running = which === 'ack' ? s.state === 'summoned' : s.state === 'summoned' || s.state === 'acknowledged';
      if (!running || new Date(which === 'ack' ? s.ack_due_at : s.arrive_due_at).toISOString() !== due) return;
      const w = await trx.selectFrom('whistles').selectAll().where('id', '=', s.whistle_id).executeTakeFirstOrThrow();
      await trx
        .updateTable('summonses')
        .set({
          sla_level: level === 'red' ? 'red' : s.sla_level === 'red' ? 'red' : 'yellow',
          escalated: s.escalated || level === 'red',
        })
        .where('id', '=', s.id)
        .execute();
      const label = which === 'ack' ? '接哨' : '报到';
      const party = await partyOf(trx, s);
      if (level === 'red') await event(trx, w, s.id, 'overdue', null, `${party.name}${label}超时，已上报`, now);
      const recipients = [
        ...(await answerersOf(trx, s)),
        ...(level === 'red' ? await superiorUserIds(trx, w.place_path) : []),
      ];
      await smsUsers(
        trx,
        deps,
        { tenantId: w.tenant_id, placePath: w.place_path, caseId: w.case_id },
        [...new Set(recipients)],
        level === 'red' ? 'whistle_overdue' : 'whistle_warning',
        { subject: summarize(w.subject, 20), party: party.name, clock: label, deadline: shanghaiMinute(due) },
        `whistle:${s.id}:${which}:${level}`,
      );
    });
  }

  async function watch(trx: Trx, s: { id: string }, start: Date, ackDue: Date, arriveDue: Date) {
    for (const [which, due] of [
      ['ack', ackDue],
      ['arrive', arriveDue],
    ] as const) {
      const payload = { summonsId: s.id, clock: which, due: due.toISOString() };
      await scheduleJob(
        trx,
        clock,
        'whistle.sla',
        { ...payload, level: 'yellow' },
        {
          runAt: new Date(start.getTime() + 0.8 * (due.getTime() - start.getTime())),
          dedupeKey: `whistle:${s.id}:${which}:yellow`,
        },
      );
      await scheduleJob(
        trx,
        clock,
        'whistle.sla',
        { ...payload, level: 'red' },
        { runAt: due, dedupeKey: `whistle:${s.id}:${which}:red` },
      );
    }
  }

  return {
    /**
     * 吹哨: on a case or on a place, summoning departments and the community's legal advisers.
     * `within`: the caller's transaction, when the whistle is part of a larger change (a dispute's).
     */
    async blow(actor: Actor, input: WhistleInputT, within?: Trx) {
      const ex = within ?? db;
      assertPermission(actor, 'whistle:blow');
      let place: { id: string; path: string; tenant_id: string | null };
      let caseRow: CaseRow | undefined;
      if (input.caseId) {
        caseRow = await ex.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
        if (!caseRow) throw new AppError('NOT_FOUND');
        place = { id: caseRow.place_id, path: caseRow.place_path, tenant_id: caseRow.tenant_id };
      } else {
        const found = input.placeCode ? await findByCode(ex, input.placeCode) : undefined;
        if (!found)
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'placeCode', message: 'give a case or a place' }],
          });
        place = found;
      }
      assertInScope(actor, 'whistle:blow', place.path);
      const departments = input.departmentCodes.length
        ? await ex
            .selectFrom('departments')
            .select(['id', 'name', 'code'])
            .where('code', 'in', input.departmentCodes)
            .where('tenant_id', '=', place.tenant_id!)
            .execute()
        : [];
      if (departments.length !== new Set(input.departmentCodes).size)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'departmentCodes', message: 'unknown department' }],
        });
      const serving = await advisersServing(ex, place.path);
      const advisers = [...new Set(input.adviserIds)].map((id) => serving.find((a) => a.id === id));
      if (advisers.some((a) => !a))
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'adviserIds', message: 'not a legal adviser of this place' }],
        });
      const point =
        input.lng !== undefined && input.lat !== undefined
          ? { lng: input.lng, lat: input.lat, address: '' }
          : caseRow && caseRow.lng !== null
            ? { lng: caseRow.lng, lat: caseRow.lat, address: caseRow.address }
            : await pointOf(place.path, ex);
      const now = clock.now();
      const ackDue = new Date(now.getTime() + input.ackMinutes * 60_000);
      const arriveDue = new Date(now.getTime() + input.arriveMinutes * 60_000);
      const summoned = [
        ...departments.map((d) => ({ department_id: d.id, adviser_id: null, name: d.name })),
        ...advisers.map((a) => ({ department_id: null, adviser_id: a!.id, name: `法律顾问${a!.name}` })),
      ];
      // Who blows: the name of the place the whistler answers for (和平社区, 城关街道), as receivers know them.
      const whistler =
        (
          await ex
            .selectFrom('places')
            .select('name')
            .where('path', '=', scopeOf(actor, 'whistle:blow').paths.find((p) => isUnder(place.path, p)) ?? '')
            .executeTakeFirst()
        )?.name ?? actor.displayName;
      const inTransaction = <T>(work: (trx: Trx) => Promise<T>) =>
        within ? work(within) : db.transaction().execute(work);
      return inTransaction(async (trx) => {
        const w = { id: newId(), tenant_id: place.tenant_id!, case_id: caseRow?.id ?? null };
        await trx
          .insertInto('whistles')
          .values({
            ...w,
            place_id: place.id,
            place_path: place.path,
            subject: input.subject,
            request: input.request,
            lng: point.lng,
            lat: point.lat,
            address: point.address,
            created_by: actor.userId,
            created_by_name: actor.displayName,
            created_at: now,
          })
          .execute();
        await event(
          trx,
          w,
          null,
          'whistle',
          actor,
          `${input.subject}：召集${summoned.map((p) => p.name).join('、')}`,
          now,
        );
        for (const party of summoned) {
          const s = { id: newId(), department_id: party.department_id, adviser_id: party.adviser_id };
          await trx
            .insertInto('summonses')
            .values({
              ...s,
              tenant_id: w.tenant_id,
              whistle_id: w.id,
              state: 'summoned',
              ack_due_at: ackDue,
              arrive_due_at: arriveDue,
              created_at: now,
            })
            .execute();
          await watch(trx, s, now, ackDue, arriveDue);
          await smsUsers(
            trx,
            deps,
            { tenantId: w.tenant_id, placePath: place.path, caseId: w.case_id },
            await answerersOf(trx, s),
            'whistle_summoned',
            {
              community: whistler,
              subject: summarize(input.subject, 20),
              ackBy: shanghaiMinute(ackDue),
              arriveBy: shanghaiMinute(arriveDue),
              request: summarize(input.request, 40),
            },
            `whistle:${s.id}:summoned`,
          );
        }
        await recordAudit(
          trx,
          actor,
          {
            action: 'whistle.blow',
            entityType: 'whistle',
            entityId: w.id,
            tenantId: w.tenant_id,
            after: { subject: input.subject, summoned: summoned.map((p) => p.name) },
          },
          now,
        );
        return { id: w.id };
      });
    },

    async advisers(actor: Actor, q: { caseId?: string; placeCode?: string }) {
      assertPermission(actor, 'whistle:blow');
      const path = q.caseId
        ? (await db.selectFrom('cases').select('place_path').where('id', '=', q.caseId).executeTakeFirst())?.place_path
        : q.placeCode
          ? (await findByCode(db, q.placeCode))?.path
          : undefined;
      if (!path)
        throw new AppError(q.caseId || q.placeCode ? 'NOT_FOUND' : 'VALIDATION_FAILED', {
          issues: [{ path: 'caseId', message: 'give a case or a place' }],
        });
      assertInScope(actor, 'whistle:blow', path);
      return advisersServing(db, path);
    },

    async act(actor: Actor, summonsId: string, action: SummonsAction, input: SummonsActionInputT) {
      return db.transaction().execute(async (trx) => {
        // The row lock makes two receivers who press 接哨 at once queue up: the first wins, the second is told.
        const s = await trx
          .selectFrom('summonses')
          .selectAll()
          .where('id', '=', summonsId)
          .forUpdate()
          .executeTakeFirst();
        if (!s) throw new AppError('NOT_FOUND');
        const w = await trx.selectFrom('whistles').selectAll().where('id', '=', s.whistle_id).executeTakeFirstOrThrow();
        const parties = partiesOf(actor, s, w.place_path);
        if (parties.length === 0) throw new AppError('NOT_FOUND');
        const t = findSummonsTransition(s.state as SummonsState, action, parties);
        if (!t)
          throw new AppError(action === 'acknowledge' && s.owner_id ? 'SUMMONS_TAKEN' : 'CASE_ACTION_NOT_ALLOWED', {
            state: s.state,
            action,
            owner: s.owner_name,
          });
        const now = clock.now();
        const changes: Partial<SummonsRow> = { state: t.to };
        let note = input.note ?? '';
        if (action === 'acknowledge')
          Object.assign(changes, {
            acknowledged_at: now,
            owner_id: actor.userId,
            owner_name: actor.displayName,
            ack_on_time: now <= new Date(s.ack_due_at),
          });
        if (action === 'checkIn') {
          // A phone that refuses its location still checks in; the record then says so, and nobody is placed on site who was not measured there.
          const located = input.lng !== undefined && input.lat !== undefined;
          Object.assign(changes, {
            arrived_at: now,
            arrival_lng: located ? input.lng : null,
            arrival_lat: located ? input.lat : null,
            arrive_on_time: now <= new Date(s.arrive_due_at),
          });
          const away =
            located && w.lng !== null && w.lat !== null
              ? metresBetween({ lng: input.lng!, lat: input.lat! }, { lng: w.lng, lat: w.lat })
              : null;
          note = [located ? (away === null ? '已定位' : `距现场${away}米`) : '未定位', note].filter(Boolean).join('，');
        }
        if (action === 'report') {
          if (!input.note || textLength(input.note.trim()) < 2)
            throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'note', message: 'say what was done' }] });
          Object.assign(changes, { report_text: input.note, reported_at: now });
        }
        if (action === 'score') {
          if (!input.score)
            throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'score', message: 'a score from 1 to 5' }] });
          Object.assign(changes, { score: input.score, score_comment: input.comment ?? '', scored_at: now });
          note = `${input.score} 分${input.comment ? `：${input.comment}` : ''}`;
        }
        await trx
          .updateTable('summonses')
          .set(changes as never)
          .where('id', '=', s.id)
          .execute();
        const party = await partyOf(trx, s);
        await event(trx, w, s.id, action, actor, `${party.name}${actionNames[action]}${note ? `：${note}` : ''}`, now);
        const remaining = await trx
          .selectFrom('summonses')
          .select('id')
          .where('whistle_id', '=', w.id)
          .where('state', '<>', 'scored')
          .where('id', '<>', s.id)
          .execute();
        if (action === 'score' && remaining.length === 0)
          await trx.updateTable('whistles').set({ state: 'closed', closed_at: now }).where('id', '=', w.id).execute();
        await recordAudit(
          trx,
          actor,
          {
            action: `summons.${action}`,
            entityType: 'summons',
            entityId: s.id,
            tenantId: s.tenant_id,
            before: { state: s.state },
            after: { state: t.to, note },
          },
          now,
        );
        return { id: s.id, state: t.to };
      });
    },

    async get(actor: Actor, id: string) {
      const { w, summonses } = await readable(actor, id);
      const events = await db
        .selectFrom('whistle_events')
        .selectAll()
        .where('whistle_id', '=', id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      const site = w.lng !== null && w.lat !== null ? { lng: w.lng, lat: w.lat } : null;
      return {
        id: w.id,
        caseId: w.case_id,
        subject: w.subject,
        request: w.request,
        state: w.state,
        createdBy: w.created_by_name,
        createdAt: iso(w.created_at)!,
        place: { code: w.place_code, name: w.place_name, address: w.address, lng: w.lng, lat: w.lat },
        summonses: summonses.map((s) => ({
          id: s.id,
          department: s.party,
          state: s.state,
          ackDueAt: iso(s.ack_due_at)!,
          arriveDueAt: iso(s.arrive_due_at)!,
          acknowledgedAt: iso(s.acknowledged_at),
          owner: s.owner_name,
          arrivedAt: iso(s.arrived_at),
          arrival:
            s.arrival_lng !== null && s.arrival_lat !== null
              ? {
                  lng: s.arrival_lng,
                  lat: s.arrival_lat,
                  metresFromSite: site ? metresBetween({ lng: s.arrival_lng, lat: s.arrival_lat }, site) : null,
                }
              : null,
          reportText: s.report_text,
          score: s.score,
          scoreComment: s.score_comment,
          slaLevel: s.sla_level,
          escalated: s.escalated,
          actions: allowedSummonsActions(s.state as SummonsState, partiesOf(actor, s, w.place_path)),
        })),
        timeline: events.map((e) => ({ action: e.action, actorName: e.actor_name, note: e.note, at: iso(e.at)! })),
      };
    },

    async list(actor: Actor, q: { state?: 'open' | 'closed'; mine?: boolean }) {
      const departmentIds = departmentIdsOf(actor);
      const places = scopeOf(actor, 'cases:read');
      if ((q.mine || places.paths.length === 0) && departmentIds.length === 0 && !can(actor, 'whistle:answer'))
        return [];
      let query = db
        .selectFrom('whistles as w')
        .selectAll('w')
        .where((eb) =>
          eb.or([
            ...(q.mine ? [] : [inScope('w.place_path', places)]),
            ...(departmentIds.length
              ? [
                  eb(
                    'w.id',
                    'in',
                    eb.selectFrom('summonses').select('whistle_id').where('department_id', 'in', departmentIds),
                  ),
                ]
              : []),
            ...(can(actor, 'whistle:answer') && actor.userId
              ? [
                  eb(
                    'w.id',
                    'in',
                    eb.selectFrom('summonses').select('whistle_id').where('adviser_id', '=', actor.userId),
                  ),
                ]
              : []),
          ]),
        );
      if (q.state) query = query.where('w.state', '=', q.state);
      const rows = await query.orderBy('w.created_at', 'desc').limit(200).execute();
      // A receiver's list says where their own summons stands and which deadline runs.
      const own =
        rows.length && (departmentIds.length || (actor.userId && can(actor, 'whistle:answer')))
          ? await db
              .selectFrom('summonses')
              .selectAll()
              .where(
                'whistle_id',
                'in',
                rows.map((w) => w.id),
              )
              .where((eb) =>
                eb.or([
                  ...(departmentIds.length ? [eb('department_id', 'in', departmentIds)] : []),
                  ...(actor.userId ? [eb('adviser_id', '=', actor.userId)] : []),
                ]),
              )
              .execute()
          : [];
      return rows.map((w) => {
        const s = own.find((x) => x.whistle_id === w.id);
        const dueAt = s?.state === 'summoned' ? s.ack_due_at : s?.state === 'acknowledged' ? s.arrive_due_at : null;
        return {
          id: w.id,
          subject: w.subject,
          state: w.state,
          caseId: w.case_id,
          createdBy: w.created_by_name,
          createdAt: iso(w.created_at)!,
          mine: s ? { state: s.state, dueAt: iso(dueAt), slaLevel: s.sla_level } : null,
        };
      });
    },

    /** Department rankings: summonses, on-time acknowledgement and arrival, average score, and who let whistles go unanswered. */
    async ranking(actor: Actor, underCode?: string) {
      assertPermission(actor, 'cases:read');
      // Under the place asked for, else every place of the actor's (all memberships, not the first).
      const under = await resolveUnder(db, actor, 'cases:read', underCode);
      const paths = under ? [under.path] : scopeOf(actor, 'cases:read').paths;
      const rows = await db
        .selectFrom('summonses as s')
        .innerJoin('whistles as w', 'w.id', 's.whistle_id')
        .leftJoin('departments as d', 'd.id', 's.department_id')
        .leftJoin('users as u', 'u.id', 's.adviser_id')
        .select((eb) => [
          'd.code',
          'd.name',
          'u.username',
          'u.display_name',
          eb.fn.countAll<number>().as('summonses'),
          eb.fn.sum<number>(eb.case().when('s.ack_on_time', '=', true).then(1).else(0).end()).as('ack_on_time'),
          eb.fn.sum<number>(eb.case().when('s.arrive_on_time', '=', true).then(1).else(0).end()).as('arrive_on_time'),
          eb.fn.sum<number>(eb.case().when('s.escalated', '=', true).then(1).else(0).end()).as('overdue'),
          eb.fn.sum<number>(eb.case().when('s.acknowledged_at', 'is', null).then(1).else(0).end()).as('unanswered'),
          eb.fn.avg<number>('s.score').as('avg_score'),
          eb.fn.count<number>('s.score').as('scored'),
        ])
        .where(pathUnderAny('w.place_path', paths))
        .groupBy(['d.code', 'd.name', 'u.username', 'u.display_name'])
        .execute();
      const ratio = (a: number, b: number) =>
        Number(b) > 0 ? Math.round((Number(a) / Number(b)) * 10_000) / 10_000 : null;
      return rows
        .map((r) => ({
          department: r.code
            ? { kind: 'department' as const, code: r.code, name: r.name! }
            : { kind: 'adviser' as const, code: r.username!, name: `法律顾问${r.display_name}` },
          summonses: Number(r.summonses),
          ackOnTimeRate: ratio(r.ack_on_time, r.summonses),
          arriveOnTimeRate: ratio(r.arrive_on_time, r.summonses),
          averageScore: r.avg_score === null ? null : Math.round(Number(r.avg_score) * 100) / 100,
          scored: Number(r.scored),
          overdue: Number(r.overdue),
          unanswered: Number(r.unanswered),
        }))
        .sort(
          (a, b) =>
            (b.averageScore ?? 0) - (a.averageScore ?? 0) || (b.arriveOnTimeRate ?? 0) - (a.arriveOnTimeRate ?? 0),
        );
    },
  };
}

export type WhistleService = ReturnType<typeof createWhistleService>;
