import ExcelJS from 'exceljs';
import type { AppDeps } from '../../../deps.js';
import { homeCommunityOf, registryResidentsOf } from '../../../platform/community/person.js';
import { AppError } from '../../../platform/errors.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { escapeFormula } from '../../../platform/sheet-cells.js';
import { certificatePdf } from './certificate.js';
import { shownTo } from './policy.js';
import { dayOf, hoursOf, yearOf } from './present.js';
import * as repo from './repository.js';

// What the records add up to: hours per person (and the sheet), the year's numbers per community,
// my hours and my certificate, a person's certificate for staff, and the unit liaison's view of
// their in-service members (names, hours, activities, posts — nothing else of the registry).

const thisYear = (deps: AppDeps) => yearOf(deps.clock.now());

async function hours(deps: AppDeps, actor: Actor, q: { year?: number; placeCode?: string }) {
  const year = q.year ?? thisYear(deps);
  const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
  const rows = await repo.hoursPerPerson(deps.db, shownTo(actor), year, under?.path ?? null);
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    communityName: r.community_name,
    activities: Number(r.activities),
    minutes: Number(r.minutes),
    hours: hoursOf(Number(r.minutes)),
  }));
}

async function hoursSheet(deps: AppDeps, actor: Actor, q: { year?: number; placeCode?: string }): Promise<Buffer> {
  const rows = await hours(deps, actor, q);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${q.year ?? thisYear(deps)}年志愿时长`);
  sheet.columns = [
    { header: '姓名', key: 'name', width: 16 },
    { header: '社区', key: 'communityName', width: 18 },
    { header: '参加活动（次）', key: 'activities', width: 14 },
    { header: '服务时长（小时）', key: 'hours', width: 16 },
  ];
  for (const r of rows)
    sheet.addRow({
      name: escapeFormula(r.name),
      communityName: escapeFormula(r.communityName),
      activities: r.activities,
      hours: r.hours,
    });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function numbers(deps: AppDeps, actor: Actor, q: { year?: number; placeCode?: string }) {
  const year = q.year ?? thisYear(deps);
  const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
  const scope = shownTo(actor);
  const [places, acts, posts] = await Promise.all([
    repo.communitiesInScope(deps.db, scope, under?.path ?? null),
    repo.activityNumbers(deps.db, scope, year, under?.path ?? null),
    repo.postNumbers(deps.db, scope, year, under?.path ?? null),
  ]);
  return {
    year,
    items: places.map((p) => {
      const a = acts.find((x) => x.code === p.code);
      const s = posts.find((x) => x.code === p.code);
      return {
        placeCode: p.code,
        placeName: p.name,
        activitiesHeld: Number(a?.held ?? 0),
        participants: Number(a?.participants ?? 0),
        attendances: Number(a?.attendances ?? 0),
        hours: hoursOf(Number(a?.minutes ?? 0)),
        postMembers: Number(s?.members ?? 0),
        postMonths: Number(s?.months ?? 0),
        postHours: hoursOf(Number(s?.minutes ?? 0)),
      };
    }),
  };
}

async function myHours(deps: AppDeps, actor: Actor, year = thisYear(deps)) {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const acts = await repo.attendedInYear(deps.db, actor.userId, year, null);
  const activityMinutes = acts.reduce((n, a) => n + a.minutes, 0);
  const postMinutes = await repo.postMinutesInYear(deps.db, actor.userId, year);
  return {
    year,
    activityMinutes,
    postMinutes,
    hours: hoursOf(activityMinutes + postMinutes),
    activities: acts.map((a) => ({ id: a.id, title: a.title, date: dayOf(a.starts_at), minutes: a.minutes })),
  };
}

async function certificate(deps: AppDeps, userId: string, year: number, scoped: Actor | null, issuer: string | null) {
  const user = await repo.userName(deps.db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  const acts = await repo.attendedInYear(deps.db, userId, year, scoped ? shownTo(scoped) : null);
  if (scoped && acts.length === 0) throw new AppError('NOT_FOUND'); // nobody of theirs: cannot be probed
  const postMinutes = scoped ? 0 : await repo.postMinutesInYear(deps.db, userId, year);
  // A resident logged in by phone is called by the name of their registry record, not 居民1234.
  const registry = await registryResidentsOf(deps.db, userId);
  return certificatePdf({
    name: registry[0]?.name ?? user.display_name,
    year,
    communityName: issuer ?? acts[acts.length - 1]?.community_name ?? '',
    issuedOn: dayOf(deps.clock.now()),
    activityMinutes: acts.reduce((n, a) => n + a.minutes, 0),
    postMinutes,
    activities: acts.map((a) => ({
      date: dayOf(a.starts_at),
      title: a.title,
      communityName: a.community_name,
      minutes: a.minutes,
    })),
  });
}

/** My certificate of a year, issued in the name of my home community. */
async function myCertificate(deps: AppDeps, actor: Actor, year = thisYear(deps)) {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const home = await homeCommunityOf(deps.db, actor);
  return certificate(deps, actor.userId, year, null, home?.name ?? null);
}

/** Staff print anyone's certificate, counting the activities of their own scope. */
async function personCertificate(deps: AppDeps, actor: Actor, userId: string, year = thisYear(deps)) {
  assertPermission(actor, 'community:read');
  return certificate(deps, userId, year, actor, null);
}

/** 本单位党员: the in-service members of the units the liaison acts for. */
async function unitMembers(deps: AppDeps, actor: Actor, year = thisYear(deps)) {
  assertPermission(actor, 'units:liaise');
  const units = await repo.liaisonOrganisations(deps.db, actor.userId!);
  if (units.length === 0) throw new AppError('ACTIVITY_NOT_LIAISON');
  const members = await repo.membersOfOrganisations(
    deps.db,
    units.map((u) => u.id),
  );
  const userIds = [...new Set(members.map((m) => m.user_id).filter((x): x is string => !!x))];
  const [totals, claims] = await Promise.all([
    repo.yearTotalsOfUsers(deps.db, userIds, year),
    repo.claimsOfUsers(deps.db, userIds),
  ]);
  const records = await repo.recordsOfClaims(
    deps.db,
    claims.map((c) => c.id),
  );
  return {
    year,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    items: members.map((m) => {
      const t = totals.find((x) => x.user_id === m.user_id);
      const own = m.user_id ? claims.filter((c) => c.user_id === m.user_id) : [];
      const postMinutes = records
        .filter((r) => r.confirmed_at && r.month.startsWith(`${year}-`) && own.some((c) => c.id === r.claim_id))
        .reduce((n, r) => n + r.minutes, 0);
      return {
        name: m.name,
        unitName: units.find((u) => u.id === m.organisation_id)?.name ?? '',
        communityName: m.community_name,
        active: m.user_id !== null,
        activities: Number(t?.activities ?? 0),
        hours: hoursOf(Number(t?.minutes ?? 0) + postMinutes),
        posts: own.map((c) => ({
          title: c.title,
          communityName: c.community_name,
          months: records.filter((r) => r.claim_id === c.id && r.confirmed_at && r.month.startsWith(`${year}-`)).length,
        })),
      };
    }),
  };
}

export function createReportService(deps: AppDeps) {
  return {
    hours: hours.bind(null, deps),
    hoursSheet: hoursSheet.bind(null, deps),
    numbers: numbers.bind(null, deps),
    myHours: myHours.bind(null, deps),
    myCertificate: myCertificate.bind(null, deps),
    personCertificate: personCertificate.bind(null, deps),
    unitMembers: unitMembers.bind(null, deps),
  };
}

export type ReportService = ReturnType<typeof createReportService>;
