import { sql } from 'kysely';
import { maskIdNumber } from '../../../shared/identity.js';
import { cutText } from '../../../shared/text.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PiiCipher } from '../../platform/pii.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { inScope, pathUnder, resolveUnder, scopeOf } from '../../platform/scope.js';
import type { FileStorage } from '../../platform/storage.js';
import { canReadCase } from '../../platform/case-access.js';
import { attachableFiles } from '../files/access.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import { phoneColumns } from '../people/identity-fields.js';
import { findResident } from '../people/repository.js';
import { parseIdNumber } from '../../../shared/identity.js';
import { findByCode } from '../places/repository.js';
import { agreementPdf, analysisPdf } from './documents.js';
import { disputeActions, disputeTransitions, type DisputeAction } from './lifecycle.js';
import type { DisputeInputT, MediationInputT } from './schemas.js';

const typeNames: Record<string, string> = {
  neighbour: '邻里纠纷',
  family: '婚姻家庭',
  property: '物业纠纷',
  labour: '劳动争议',
  land: '土地纠纷',
  consumer: '消费纠纷',
  other: '其他',
};
const riskNames: Record<string, string> = { low: '低', medium: '中', high: '高' };
const statusNames: Record<string, string> = {
  open: '待调解',
  mediating: '调解中',
  agreed: '已达成协议',
  failed: '调解未成',
  handed_over: '已移交',
  closed: '已结案',
};
/** The parties' one order: the detail lists them so, the phone sends their signatures so, the agreement prints them so. */
const partyOrder = sql<number>`case role when 'applicant' then 0 when 'respondent' then 1 else 2 end`;

export function createDisputesService({
  db,
  clock,
  pii,
  storage,
}: {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  storage: FileStorage;
}) {
  async function readable(actor: Actor, id: string) {
    const d = await db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'disputes:read', d.place_path);
    return d;
  }
  const event = (executor: Executor, disputeId: string, kind: string, note: string, actor: Actor, at: Date) =>
    executor
      .insertInto('dispute_events')
      .values({ id: newId(), dispute_id: disputeId, kind, note, actor_name: actor.displayName, at })
      .execute();

  async function transition(
    actor: Actor,
    id: string,
    action: DisputeAction,
    apply: (
      trx: Executor,
      d: { id: string; status: string; tenant_id: string },
    ) => Promise<{ status: string; note: string }>,
  ) {
    return db.transaction().execute(async (trx) => {
      const d = await trx.selectFrom('disputes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!d) throw new AppError('NOT_FOUND');
      assertInScope(actor, 'disputes:write', d.place_path);
      if (!(disputeTransitions[action].from as readonly string[]).includes(d.status))
        throw new AppError('CASE_ACTION_NOT_ALLOWED', { state: d.status, action });
      const now = clock.now();
      const result = await apply(trx, d);
      await trx
        .updateTable('disputes')
        .set({ status: result.status as 'open', updated_at: now })
        .where('id', '=', id)
        .execute();
      await event(trx, id, action, result.note, actor, now);
      await recordAudit(
        trx,
        actor,
        {
          action: `dispute.${action}`,
          entityType: 'dispute',
          entityId: id,
          tenantId: d.tenant_id,
          before: { status: d.status },
          after: { status: result.status },
        },
        now,
      );
      return { id, status: result.status };
    });
  }

  return {
    async record(actor: Actor, input: DisputeInputT) {
      assertPermission(actor, 'disputes:write');
      let place: { id: string; path: string; tenant_id: string | null } | undefined;
      if (input.caseId) {
        const c = await db.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
        if (!c || !canReadCase(actor, c)) throw new AppError('NOT_FOUND');
        const already = await db
          .selectFrom('disputes')
          .select(['id', 'code'])
          .where('case_id', '=', c.id)
          .executeTakeFirst();
        if (already) throw new AppError('DISPUTE_EXISTS', { id: already.id, code: already.code });
        place = { id: c.place_id, path: c.place_path, tenant_id: c.tenant_id };
      } else if (input.placeCode) place = await findByCode(db, input.placeCode);
      if (!place)
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'placeCode', message: 'give a case or a place' }] });
      assertInScope(actor, 'disputes:write', place.path);
      // A party named as a registered resident must be one the actor records disputes for; another community's reads as unknown.
      for (const residentId of new Set(input.parties.flatMap((p) => (p.residentId ? [p.residentId] : [])))) {
        const resident = await findResident(db, residentId);
        if (!resident || !can(actor, 'disputes:write', resident.household_path))
          throw new AppError('NOT_FOUND', { residentId });
      }
      const now = clock.now();
      const parties = input.parties.map((p) => {
        let id: string | null = null;
        if (p.idNumber) {
          const parsed = parseIdNumber(p.idNumber, now);
          if (!parsed.ok) throw new AppError('RESIDENT_ID_NUMBER_INVALID', { problem: parsed.problem, party: p.name });
          id = parsed.info.normalized;
        }
        let phone: ReturnType<typeof phoneColumns>;
        try {
          phone = phoneColumns(pii, p.phone);
        } catch {
          throw new AppError('RESIDENT_PHONE_INVALID', { party: p.name });
        }
        return {
          id: newId(),
          role: p.role,
          resident_id: p.residentId ?? null,
          name: p.name,
          phone_enc: phone.phone_enc,
          phone_masked: phone.phone_masked,
          id_number_enc: id ? pii.encrypt(id) : null,
          id_number_masked: id ? maskIdNumber(id) : null,
        };
      });
      return db.transaction().execute(async (trx) => {
        const day = shanghaiDate(now.getTime());
        const serial = (
          await trx
            .insertInto('system_counters')
            .values({ name: `dispute:${place!.tenant_id}:${day}`, value: 1 })
            .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('system_counters.value', '+', 1) })))
            .returning('value')
            .executeTakeFirstOrThrow()
        ).value;
        const id = newId();
        const code = `MD-${day.replaceAll('-', '')}-${String(serial).padStart(3, '0')}`;
        await trx
          .insertInto('disputes')
          .values({
            id,
            tenant_id: place!.tenant_id!,
            code,
            dispute_type: input.disputeType,
            summary: input.summary,
            place_id: place!.id,
            place_path: place!.path,
            source: input.caseId ? 'case' : input.source,
            case_id: input.caseId ?? null,
            whistle_id: null,
            risk: input.risk,
            status: 'open',
            handed_to: null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('dispute_parties')
          .values(parties.map((p) => ({ ...p, dispute_id: id })))
          .execute();
        await event(trx, id, 'recorded', cutText(input.summary, 100), actor, now);
        await recordAudit(
          trx,
          actor,
          {
            action: 'dispute.record',
            entityType: 'dispute',
            entityId: id,
            tenantId: place!.tenant_id,
            after: {
              code,
              type: input.disputeType,
              risk: input.risk,
              parties: parties.map((p) => ({
                role: p.role,
                name: p.name,
                phone: p.phone_masked,
                idNumber: p.id_number_masked,
              })),
            },
          },
          now,
        );
        return { id, code };
      });
    },

    async list(actor: Actor, q: { under?: string; caseId?: string; status?: string; risk?: string }) {
      assertPermission(actor, 'disputes:read');
      let query = db
        .selectFrom('disputes')
        .selectAll()
        .where(inScope('place_path', scopeOf(actor, 'disputes:read')));
      const under = await resolveUnder(db, actor, 'disputes:read', q.under);
      if (under) query = query.where(pathUnder('place_path', under.path));
      if (q.caseId) query = query.where('case_id', '=', q.caseId);
      if (q.status) query = query.where('status', '=', q.status as 'open');
      if (q.risk) query = query.where('risk', '=', q.risk as 'high');
      const rows = await query.orderBy('created_at', 'desc').limit(500).execute();
      return rows.map((d) => ({
        id: d.id,
        code: d.code,
        type: d.dispute_type,
        summary: d.summary,
        risk: d.risk,
        status: d.status,
        source: d.source,
        createdAt: new Date(d.created_at).toISOString(),
      }));
    },

    async get(actor: Actor, id: string) {
      const d = await readable(actor, id);
      const [parties, sessions, events, place] = await Promise.all([
        db
          .selectFrom('dispute_parties')
          .select(['id', 'role', 'name', 'phone_masked', 'id_number_masked'])
          .where('dispute_id', '=', id)
          .orderBy(partyOrder)
          .orderBy('id')
          .execute(),
        db.selectFrom('mediation_sessions').selectAll().where('dispute_id', '=', id).orderBy('held_at').execute(),
        db.selectFrom('dispute_events').selectAll().where('dispute_id', '=', id).orderBy('at').orderBy('id').execute(),
        db.selectFrom('places').select(['code', 'name']).where('id', '=', d.place_id).executeTakeFirst(),
      ]);
      return {
        id: d.id,
        code: d.code,
        type: d.dispute_type,
        summary: d.summary,
        risk: d.risk,
        status: d.status,
        source: d.source,
        caseId: d.case_id,
        whistleId: d.whistle_id,
        handedTo: d.handed_to,
        place: place ? { code: place.code, name: place.name } : null,
        createdAt: new Date(d.created_at).toISOString(),
        parties: parties.map((p) => ({
          id: p.id,
          role: p.role,
          name: p.name,
          phone: p.phone_masked,
          idNumber: p.id_number_masked,
        })),
        sessions: sessions.map((s) => ({
          id: s.id,
          heldAt: new Date(s.held_at).toISOString(),
          mediators: s.mediators,
          legalAdvisers: s.legal_advisers,
          record: s.record,
          outcome: s.outcome,
          agreementText: s.agreement_text,
          signatures: s.signature_file_ids.length,
        })),
        timeline: events.map((e) => ({
          kind: e.kind,
          note: e.note,
          actorName: e.actor_name,
          at: new Date(e.at).toISOString(),
        })),
        actions: can(actor, 'disputes:write', d.place_path) ? disputeActions(d.status) : [],
      };
    },

    mediate: (actor: Actor, id: string, input: MediationInputT) =>
      transition(actor, id, 'mediate', async (trx, d) => {
        if (input.outcome === 'agreed' && !input.agreementText)
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'agreementText', message: 'an agreement needs its text' }],
          });
        const files = await attachableFiles(trx, actor, input.signatureFileIds, { field: 'signatureFileIds' });
        if (files.some((f) => f.mime !== 'image/png'))
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'signatureFileIds', message: 'signatures must be uploaded PNG images' }],
          });
        const now = clock.now();
        await trx
          .insertInto('mediation_sessions')
          .values({
            id: newId(),
            dispute_id: d.id,
            held_at: now,
            mediators: input.mediators,
            legal_advisers: input.legalAdvisers,
            record: input.record,
            outcome: input.outcome,
            agreement_text: input.agreementText ?? null,
            signature_file_ids: input.signatureFileIds,
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
        return {
          status: disputeTransitions.mediate.to[input.outcome],
          note: `${input.mediators.join('、')}主持调解：${input.outcome === 'agreed' ? '达成协议' : input.outcome === 'not_agreed' ? '未达成协议' : '择日再调'}`,
        };
      }),

    followup: (actor: Actor, id: string, note: string) =>
      transition(actor, id, 'followup', async (_trx, d) => ({ status: d.status, note })),
    handover: (actor: Actor, id: string, to: 'justice_office' | 'court', note: string) =>
      transition(actor, id, 'handover', async (trx, d) => {
        await trx.updateTable('disputes').set({ handed_to: to }).where('id', '=', d.id).execute();
        return { status: 'handed_over', note: `移交${to === 'court' ? '人民法院' : '司法所'}：${note}` };
      }),
    close: (actor: Actor, id: string, note: string) =>
      transition(actor, id, 'close', async () => ({ status: 'closed', note })),

    async placeCodeOf(id: string) {
      const row = await db
        .selectFrom('disputes as d')
        .innerJoin('places as p', 'p.id', 'd.place_id')
        .select('p.code')
        .where('d.id', '=', id)
        .executeTakeFirstOrThrow();
      return row.code;
    },

    async linkWhistle(actor: Actor, id: string, whistleId: string) {
      const d = await readable(actor, id);
      await db.updateTable('disputes').set({ whistle_id: whistleId }).where('id', '=', d.id).execute();
      await event(db, d.id, 'whistle', '就本纠纷吹哨召集部门', actor, clock.now());
    },

    /** The mediation agreement with the parties' signatures, from the last agreed session. */
    async agreement(actor: Actor, id: string) {
      const d = await readable(actor, id);
      const session = await db
        .selectFrom('mediation_sessions')
        .selectAll()
        .where('dispute_id', '=', id)
        .where('outcome', '=', 'agreed')
        .orderBy('held_at', 'desc')
        .executeTakeFirst();
      if (!session) throw new AppError('NOT_FOUND', { reason: 'no agreement yet' });
      const parties = await db
        .selectFrom('dispute_parties')
        .selectAll()
        .where('dispute_id', '=', id)
        .orderBy(partyOrder)
        .orderBy('id')
        .execute();
      const files = session.signature_file_ids.length
        ? await db
            .selectFrom('files')
            .select(['id', 'storage_key'])
            .where('id', 'in', session.signature_file_ids)
            .execute()
        : [];
      const signatures = await Promise.all(
        parties.map(async (p, i) => {
          const file = files.find((f) => f.id === session.signature_file_ids[i]);
          return { name: p.name, image: file ? await storage.get(file.storage_key) : null };
        }),
      );
      const communityCode = d.place_path.split('/').find((c) => /^\d{12}$/.test(c));
      const community = communityCode ? await findByCode(db, communityCode) : undefined;
      return agreementPdf({
        code: d.code,
        summary: d.summary,
        agreement: session.agreement_text ?? '',
        mediators: session.mediators,
        legalAdvisers: session.legal_advisers,
        heldAt: session.held_at,
        parties: parties.map((p) => ({
          role: p.role,
          name: p.name,
          idNumber: p.id_number_masked,
          phone: p.phone_masked,
        })),
        signatures,
        community: community?.name ?? '',
      });
    },

    /** 两排查一分析: the month's disputes under a place, as a PDF. */
    async analysis(actor: Actor, under: string, month: string) {
      const place = (await resolveUnder(db, actor, 'disputes:read', under))!;
      const from = new Date(`${month}-01T00:00:00+08:00`);
      const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) - 8 * 3_600_000);
      const rows = await db
        .selectFrom('disputes')
        .selectAll()
        .where(pathUnder('place_path', place.path))
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .execute();
      const count = <K extends string>(key: (d: (typeof rows)[number]) => K, names: Record<string, string>) =>
        [...rows.reduce((m, d) => m.set(key(d), (m.get(key(d)) ?? 0) + 1), new Map<K, number>())]
          .map(([k, n]) => [names[k] ?? k, n] as [string, number])
          .sort((a, b) => b[1] - a[1]);
      const placeNames = new Map(
        (
          await db
            .selectFrom('places')
            .select(['id', 'name'])
            .where(
              'id',
              'in',
              rows.length ? [...new Set(rows.map((r) => r.place_id))] : ['00000000-0000-0000-0000-000000000000'],
            )
            .execute()
        ).map((p) => [p.id, p.name]),
      );
      return analysisPdf({
        place: place.name,
        month,
        total: rows.length,
        byType: count((d) => d.dispute_type, typeNames),
        byRisk: count((d) => d.risk, riskNames),
        byPlace: count((d) => d.place_id, Object.fromEntries(placeNames)),
        resolved: rows.filter((d) => d.status === 'agreed' || d.status === 'closed').length,
        highRiskOpen: rows
          .filter((d) => d.risk === 'high' && !['agreed', 'closed'].includes(d.status))
          .map((d) => ({
            code: d.code,
            summary: cutText(d.summary, 30),
            place: placeNames.get(d.place_id) ?? '',
            status: statusNames[d.status],
          })),
      });
    },
  };
}

export type DisputesService = ReturnType<typeof createDisputesService>;
