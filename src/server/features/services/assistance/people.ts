import { recordAudit } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { AppError, invalid } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n/locale.js';
import { can, type Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { defaultOverdueDays } from '../../../../shared/assistance.js';
import { ageOn } from '../../../../shared/identity.js';
import {
  assertMayAssist,
  assertMayManageAt,
  assertMayVisit,
  assistPermission,
  personActions,
  scopeOfAssist,
  sensitiveScope,
} from './policy.js';
import { presentVisit } from './present.js';
import * as repo from './repository.js';
import type { AssignInputT, PeopleQueryT } from './schemas.js';

// 困难群众: the people in hardship of the actor's places, their team and lead adviser, the last contact.

export interface AssistanceBaseDeps {
  db: Db;
  clock: Clock;
}

const DAY = 86_400_000;
type PersonRow = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
type TagRow = Awaited<ReturnType<typeof repo.hardshipTags>>[number];

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));
const shiftDay = (day: string, days: number) => new Date((dayNumber(day) + days) * DAY).toISOString().slice(0, 10);

/** The county's reminder period (days without contact), 30 unless set. */
export async function overdueDays(db: Db | Parameters<typeof repo.overdueDaysOf>[0], tenantId: string | null) {
  return (tenantId ? await repo.overdueDaysOf(db, tenantId) : null) ?? defaultOverdueDays;
}

/** The hardship tags this actor may be shown, split by sensitivity for the list's condition. */
export async function hardshipFilter(db: Db, actor: Actor) {
  const tags = await repo.hardshipTags(db);
  return {
    tags,
    filter: {
      plain: tags.filter((t) => !t.sensitive).map((t) => t.code),
      sensitive: tags.filter((t) => t.sensitive).map((t) => t.code),
      sensitiveScope: sensitiveScope(actor),
    } satisfies repo.HardshipFilter,
  };
}

/** One person as the lists show them: ID number and phone masked, hardship tags the actor may see. */
export function presentPerson(
  row: PersonRow,
  ctx: { actor: Actor; tags: TagRow[]; locale: Locale; today: string; overdueDays: number },
) {
  const seesSensitive = can(ctx.actor, 'people:sensitive', row.household_path);
  const shown = ctx.tags.filter((t) => row.tags.includes(t.code) && (seesSensitive || !t.sensitive));
  const since = row.last_contact ?? row.assigned_day;
  const days = row.last_contact ? daysBetween(row.last_contact, ctx.today) : null;
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    age: ageOn(row.birth_date, ctx.today),
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    address: row.address,
    community: { code: row.community_code, name: row.community_name },
    tags: shown.map((t) => ({ code: t.code, label: ctx.locale === 'en' ? t.label_en || t.label_zh : t.label_zh })),
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    lead: row.lead_user_id ? { id: row.lead_user_id, name: row.lead_name ?? '' } : null,
    lastContactOn: row.last_contact,
    daysSinceContact: days,
    overdue: since === null || daysBetween(since, ctx.today) >= ctx.overdueDays,
  };
}

export async function listPeople(deps: AssistanceBaseDeps, actor: Actor, q: PeopleQueryT, locale: Locale) {
  assertMayAssist(actor);
  const under = await resolveUnder(deps.db, actor, assistPermission, q.under);
  const { tags, filter } = await hardshipFilter(deps.db, actor);
  const today = shanghaiDate(deps.clock.now().getTime());
  const days = await overdueDays(deps.db, actor.tenantId);
  const { rows, total } = await repo.listPeople(
    deps.db,
    {
      scope: scopeOfAssist(actor),
      hardship: filter,
      underPath: under?.path ?? null,
      teamId: q.team,
      tag: q.tag,
      name: q.q,
      unassigned: q.unassigned === 'true',
      contactBefore: q.overdue === 'true' ? shiftDay(today, 1 - days) : undefined,
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const ctx = { actor, tags, locale, today, overdueDays: days };
  return {
    items: rows.map((r) => presentPerson(r, ctx)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    overdueDays: days,
  };
}

/**
 * One person in hardship the actor may see: services:assist at their household, or on their team.
 * A resident without a hardship tag the actor may see is not a person of this feature: not found.
 */
export async function loadPerson(deps: AssistanceBaseDeps, actor: Actor, residentId: string) {
  const row = await repo.findPerson(deps.db, residentId);
  if (!row) throw new AppError('NOT_FOUND');
  const onTeam = row.team_id && actor.userId ? await repo.isOnTeam(deps.db, row.team_id, actor.userId) : false;
  assertMayVisit(actor, row.household_path, onTeam);
  const { tags } = await hardshipFilter(deps.db, actor);
  const seesSensitive = can(actor, 'people:sensitive', row.household_path);
  if (!tags.some((t) => row.tags.includes(t.code) && (seesSensitive || !t.sensitive)) && !onTeam)
    throw new AppError('NOT_FOUND');
  return { row, onTeam, tags };
}

export async function personDetail(deps: AssistanceBaseDeps, actor: Actor, residentId: string, locale: Locale) {
  const { row, onTeam, tags } = await loadPerson(deps, actor, residentId);
  const today = shanghaiDate(deps.clock.now().getTime());
  const days = await overdueDays(deps.db, row.tenant_id);
  const visits = await repo.visitsOf(deps.db, residentId);
  return {
    ...presentPerson(row, { actor, tags, locale, today, overdueDays: days }),
    visits: visits.map(presentVisit),
    actions: personActions(actor, row.household_path, onTeam),
  };
}

/** The people in the care of the adviser's teams (the phone's list). */
export async function myPeople(deps: AssistanceBaseDeps, actor: Actor, locale: Locale) {
  if (!actor.userId) return { items: [], overdueDays: defaultOverdueDays };
  const rows = await repo.peopleOfAdviser(deps.db, actor.userId);
  const { tags } = await hardshipFilter(deps.db, actor);
  const today = shanghaiDate(deps.clock.now().getTime());
  const days = await overdueDays(deps.db, actor.tenantId);
  return {
    items: rows.map((r) => presentPerson(r, { actor, tags, locale, today, overdueDays: days })),
    overdueDays: days,
  };
}

/** 分配: puts a person in hardship in the care of a team of their community, with a lead adviser on it. */
export async function assign(deps: AssistanceBaseDeps, actor: Actor, residentId: string, input: AssignInputT) {
  const { row } = await loadPerson(deps, actor, residentId);
  assertMayManageAt(actor, row.household_path);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (input.teamId === null) {
      await repo.deleteAssignment(trx, residentId);
    } else {
      const team = await repo.findTeam(trx, input.teamId);
      if (!team || team.community_id !== row.community_id) throw invalid('teamId', 'teamOtherCommunity');
      if (input.leadUserId && !(await repo.isOnTeam(trx, team.id, input.leadUserId)))
        throw invalid('leadUserId', 'notTeamMember');
      await repo.upsertAssignment(trx, {
        resident_id: residentId,
        tenant_id: row.tenant_id,
        team_id: team.id,
        lead_user_id: input.leadUserId,
        assigned_by: actor.userId,
        assigned_at: row.team_id === team.id && row.assigned_at ? row.assigned_at : now,
        updated_at: now,
      });
    }
    await recordAudit(
      trx,
      actor,
      {
        action: 'assist.assign',
        entityType: 'resident',
        entityId: residentId,
        tenantId: row.tenant_id,
        before: { teamId: row.team_id, leadUserId: row.lead_user_id },
        after: { ...input },
      },
      now,
    );
    return { id: residentId, teamId: input.teamId, leadUserId: input.teamId ? input.leadUserId : null };
  });
}
