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

export function createReportService(deps: AppDeps) {
  const { db, clock } = deps;
  const thisYear = () => yearOf(clock.now());

  async function hours(actor: Actor, q: { year?: number; placeCode?: string }) {
    const year = q.year ?? thisYear();
    const under = await resolveUnder(db, actor, 'community:read', q.placeCode);
    const rows = await repo.hoursPerPerson(db, shownTo(actor), year, under?.path ?? null);
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      communityName: r.community_name,
      activities: Number(r.activities),
      minutes: Number(r.minutes),
      hours: hoursOf(Number(r.minutes)),
    }));
  }

  async function hoursSheet(actor: Actor, q: { year?: number; placeCode?: string }): Promise<Buffer> {
    const rows = await hours(actor, q);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(`${q.year ?? thisYear()}年志愿时长`);
    sheet.columns = [
      { header: '姓名', key: 'name', width: 16 },
      { header: '社区', key: 'communityName', width: 18 },
      { header: '参加活动（次）', key: 'activities', width: 14 },
      { header: '服务时长（小时）', key: 'hours', width: 16 },
    ];
    for (const r of rows)
      sheet.addRow({ name: escapeFormula(r.name), communityName: escapeFormula(r.communityName), activities: r.activities, hours: r.hours });
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async function numbers(actor: Actor, q: { year?: number; placeCode?: string }) {
    const year = q.year ?? thisYear();
    const under = await resolveUnder(db, actor, 'community:read', q.placeCode);
    const scope = shownTo(actor);
    const [places, acts, posts] = await Promise.all([
      repo.communitiesInScope(db, scope, under?.path ?? null),
      repo.activityNumbers(db, scope, year, under?.path ?? null),
      repo.postNumbers(db, scope, year, under?.path ?? null),
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

  async function myHours(actor: Actor, year = thisYear()) {
    if (!actor.userId) throw new AppError('AUTH_REQUIRED');
    const acts = await repo.attendedInYear(db, actor.userId, year, null);
    const activityMinutes = acts.reduce((n, a) => n + a.minutes, 0);
    const postMinutes = await repo.postMinutesInYear(db, actor.userId, year);
    return {
      year,
      activityMinutes,
      postMinutes,
      hours: hoursOf(activityMinutes + postMinutes),
      activities: acts.map((a) => ({ id: a.id, title: a.title, date: dayOf(a.starts_at), minutes: a.minutes })),
    };
  }

  async function certificate(userId: string, year: number, scoped: Actor | null, issuer: string | null) {
    const user = await repo.userName(db, userId);
    if (!user) throw new AppError('NOT_FOUND');
    const acts = await repo.attendedInYear(db, userId, year, scoped ? shownTo(scoped) : null);
    if (scoped && acts.length === 0) throw new AppError('NOT_FOUND'); // nobody of theirs: cannot be probed
    const postMinutes = scoped ? 0 : await repo.postMinutesInYear(db, userId, year);
    // A resident logged in by phone is called by the name of their registry record, not 居民1234.
    const registry = await registryResidentsOf(db, userId);
    return certificatePdf({
      name: registry[0]?.name ?? user.display_name,
      year,
      communityName: issuer ?? acts[acts.length - 1]?.community_name ?? '',
      issuedOn: dayOf(clock.now()),
      activityMinutes: acts.reduce((n, a) => n + a.minutes, 0),
      postMinutes,
      activities: acts.map((a) => ({ date: dayOf(a.starts_at), title: a.title, communityName: a.community_name, minutes: a.minutes })),
    });
  }

  /** My certificate of a year, issued in the name of my home community. */
  async function myCertificate(actor: Actor, year = thisYear()) {
    if (!actor.userId) throw new AppError('AUTH_REQUIRED');
    const home = await homeCommunityOf(db, actor);
    return certificate(actor.userId, year, null, home?.name ?? null);
  }

  /** Staff print anyone's certificate, counting the activities of their own scope. */
  async function personCertificate(actor: Actor, userId: string, year = thisYear()) {
    assertPermission(actor, 'community:read');
    return certificate(userId, year, actor, null);
  }

  /** 本单位党员: the in-service members of the units the liaison acts for. */
  async function unitMembers(actor: Actor, year = thisYear()) {
    assertPermission(actor, 'units:liaise');
    const units = await repo.liaisonOrganisations(db, actor.userId!);
    if (units.length === 0) throw new AppError('ACTIVITY_NOT_LIAISON');
    const members = await repo.membersOfOrganisations(
      db,
      units.map((u) => u.id),
    );
    const userIds = [...new Set(members.map((m) => m.user_id).filter((x): x is string => !!x))];
    const [totals, claims] = await Promise.all([repo.yearTotalsOfUsers(db, userIds, year), repo.claimsOfUsers(db, userIds)]);
    const records = await repo.recordsOfClaims(
      db,
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

  return { hours, hoursSheet, numbers, myHours, myCertificate, personCertificate, unitMembers };
}

export type ReportService = ReturnType<typeof createReportService>;
