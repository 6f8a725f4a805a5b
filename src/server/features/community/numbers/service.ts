import type { AppDeps } from '../../../deps.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { chinaDay } from '../../../../shared/hall.js';
import { createCanteenService } from '../canteen/index.js';
import { createRoomsService } from '../rooms/index.js';
import { createPointsService } from '../shop/index.js';
import { stewardNumbers } from '../stewards/index.js';
import { createUnitsService } from '../units/index.js';
import { createReportService } from '../volunteers/index.js';
import { wishNumbers } from '../wishes/index.js';
import type { LifeNumbersQueryT, LifeNumbersRowT, LifeNumbersT } from './schemas.js';

// 社区生活数据: one row per community in scope with the year's counts, each figure from its area's own
// numbers function (which reads the records and applies the area's scope); nothing is counted here.

type Figures = Omit<LifeNumbersRowT, 'communityCode' | 'communityName'>;
type Counted = Exclude<keyof Figures, 'roomParticipationPct' | 'subsidyYuan' | 'volunteerHours'>;

const zero = (): Figures => ({
  activitiesHeld: 0,
  participants: 0,
  volunteerHours: 0,
  postMembers: 0,
  postMonths: 0,
  wishesPosted: 0,
  wishesFulfilled: 0,
  actionsDone: 0,
  actionParticipants: 0,
  pointsEarned: 0,
  pointsSpent: 0,
  roomDaysUsed: 0,
  roomBookedSeats: 0,
  roomAttended: 0,
  roomParticipationPct: null,
  stewardOpinions: 0,
  stewardEvaluations: 0,
  unitEntriesConfirmed: 0,
  meals: 0,
  elderMeals: 0,
  subsidyFen: 0,
  subsidyYuan: '0.00',
});

/** 12345 fen → '123.45' (integer arithmetic, no float rounding). */
export const yuanOf = (fen: number): string =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

const tenths = (n: number) => Math.round(n * 10) / 10;
const pct = (attended: number, seats: number) => (seats > 0 ? Math.round((attended / seats) * 1000) / 10 : null);

export function createLifeNumbersService(deps: AppDeps) {
  const volunteers = createReportService(deps);
  const points = createPointsService(deps);
  const rooms = createRoomsService(deps);
  const stewards = stewardNumbers(deps);
  const units = createUnitsService(deps);
  const canteens = createCanteenService(deps);

  async function numbers(actor: Actor, q: LifeNumbersQueryT): Promise<LifeNumbersT> {
    assertPermission(actor, 'community:read');
    const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
    const year = q.year ?? Number(chinaDay(deps.clock.now()).slice(0, 4));
    const query = { year, placeCode: q.placeCode };
    // One after another: PGlite has one connection, and each area already runs its own queries.
    const v = await volunteers.numbers(actor, query);
    const w = await wishNumbers(deps.db, actor, query);
    const p = await points.numbers(actor, query);
    const r = await rooms.numbers(actor, query);
    const s = await stewards(actor, year, q.placeCode);
    const u = await units.numbers(actor, query);
    const k = await canteens.numbers(actor, query);

    const rows = new Map<string, LifeNumbersRowT>();
    const row = (code: string, name: string) => {
      let found = rows.get(code);
      if (!found) rows.set(code, (found = { communityCode: code, communityName: name, ...zero() }));
      return found;
    };
    for (const x of v.items)
      Object.assign(row(x.placeCode, x.placeName), {
        activitiesHeld: x.activitiesHeld,
        participants: x.participants,
        volunteerHours: tenths(x.hours + x.postHours),
        postMembers: x.postMembers,
        postMonths: x.postMonths,
      });
    for (const x of w.items)
      Object.assign(row(x.communityCode, x.communityName), {
        wishesPosted: x.wishesPosted,
        wishesFulfilled: x.wishesFulfilled,
        actionsDone: x.actions,
        actionParticipants: x.participants,
      });
    for (const x of p)
      Object.assign(row(x.communityCode, x.communityName), {
        pointsEarned: x.pointsEarned,
        pointsSpent: x.pointsSpent,
      });
    for (const x of r.communities)
      Object.assign(row(x.communityCode, x.communityName), {
        roomDaysUsed: x.daysUsed,
        roomBookedSeats: x.bookedSeats,
        roomAttended: x.attended,
        roomParticipationPct: x.participationPct,
      });
    for (const x of s.items)
      Object.assign(row(x.communityCode, x.communityName), {
        stewardOpinions: x.opinions,
        stewardEvaluations: x.evaluations,
      });
    for (const x of u.items) row(x.placeCode, x.placeName).unitEntriesConfirmed = Number(x.confirmed);
    for (const x of k.items)
      Object.assign(row(x.communityCode, x.communityName), {
        meals: x.meals,
        elderMeals: x.elderMeals,
        subsidyFen: x.subsidyFen,
        subsidyYuan: yuanOf(x.subsidyFen),
      });

    const items = [...rows.values()].sort((a, b) => a.communityCode.localeCompare(b.communityCode));
    return { year, placeName: under?.name ?? null, items, totals: totalOf(items) };
  }

  return { numbers };
}

/** The scope's totals: sums of the rows; participation from the summed seats, hours to a tenth. */
function totalOf(items: LifeNumbersRowT[]): Figures {
  const t = zero();
  const counted = Object.keys(t).filter(
    (k) => !['roomParticipationPct', 'subsidyYuan', 'volunteerHours'].includes(k),
  ) as Counted[];
  for (const i of items) {
    for (const k of counted) t[k] += i[k];
    t.volunteerHours = tenths(t.volunteerHours + i.volunteerHours);
  }
  t.roomParticipationPct = pct(t.roomAttended, t.roomBookedSeats);
  t.subsidyYuan = yuanOf(t.subsidyFen);
  return t;
}

export type LifeNumbersService = ReturnType<typeof createLifeNumbersService>;
