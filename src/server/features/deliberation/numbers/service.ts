import type { AppDeps } from '../../../deps.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder } from '../../../platform/scope.js';
import { chinaDay } from '../../../../shared/hall.js';
import { noticeKinds } from '../../../../shared/decide-notices.js';
import { honourNumbers } from '../../community/honours/index.js';
import { noticeNumbers } from '../../notices/index.js';
import { meetingNumbers } from '../meetings/index.js';
import { supervisorNumbers } from '../supervisors/index.js';
import { topicNumbers } from '../topics/index.js';
import { voteNumbers } from '../votes/index.js';
import type { DecideNumbersQueryT, DecideNumbersRowT, DecideNumbersT } from './schemas.js';

// 居民议事数据: one row per community in scope with the year's counts, each figure from its area's own
// numbers function (which reads the records and applies the area's scope); nothing is counted here.

type Figures = Omit<DecideNumbersRowT, 'communityCode' | 'communityName'>;
type Summed = Exclude<keyof Figures, 'turnoutPct' | 'noticeReadRatePct' | 'noticesByKind'>;

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

const zero = (): Figures => ({
  topicsRaised: 0,
  topicsAccepted: 0,
  topicsRejected: 0,
  topicsDecided: 0,
  topicsHandedUp: 0,
  topicsClosed: 0,
  meetingsHeld: 0,
  decisions: 0,
  tasks: 0,
  tasksDone: 0,
  tasksOverdue: 0,
  votesHeld: 0,
  votesEligible: 0,
  votesCast: 0,
  turnoutPct: null,
  supervisors: 0,
  inspections: 0,
  noticesPublished: 0,
  noticeReaders: 0,
  noticeAudience: 0,
  noticeReadRatePct: null,
  noticesByKind: noticeKinds.map((kind) => ({ kind, published: 0, readers: 0, audience: 0, readRatePct: null })),
  honourCampaigns: 0,
  householdsHonoured: 0,
});

const summed = Object.keys(zero()).filter(
  (k) => !['turnoutPct', 'noticeReadRatePct', 'noticesByKind'].includes(k),
) as Summed[];

/** The rates from the summed parts. */
function rated<T extends Figures>(f: T): T {
  f.turnoutPct = pct(f.votesCast, f.votesEligible);
  f.noticeReadRatePct = pct(f.noticeReaders, f.noticeAudience);
  for (const k of f.noticesByKind) k.readRatePct = pct(k.readers, k.audience);
  return f;
}

export function createDecideNumbersService(deps: AppDeps) {
  async function numbers(actor: Actor, q: DecideNumbersQueryT): Promise<DecideNumbersT> {
    assertPermission(actor, 'community:read');
    const under = await resolveUnder(deps.db, actor, 'community:read', q.placeCode);
    const now = deps.clock.now();
    const year = q.year ?? Number(chinaDay(now).slice(0, 4));
    const query = { year, placeCode: q.placeCode };
    // One after another: PGlite has one connection.
    const topics = await topicNumbers(deps.db, actor, query);
    const meetings = await meetingNumbers(deps.db, actor, query, now);
    const votes = await voteNumbers(deps.db, actor, query);
    const supervisors = await supervisorNumbers(deps.db, actor, query);
    const notices = await noticeNumbers(deps.db, actor, query);
    const honours = await honourNumbers(deps.db, actor, query);

    const rows = new Map<string, DecideNumbersRowT>();
    const row = (code: string, name: string) => {
      let found = rows.get(code);
      if (!found) rows.set(code, (found = { communityCode: code, communityName: name, ...zero() }));
      return found;
    };
    for (const x of topics)
      Object.assign(row(x.communityCode, x.communityName), {
        topicsRaised: x.raised,
        topicsAccepted: x.accepted,
        topicsRejected: x.rejected,
        topicsDecided: x.decided,
        topicsHandedUp: x.handedUp,
        topicsClosed: x.closed,
      });
    for (const x of meetings)
      Object.assign(row(x.communityCode, x.communityName), {
        meetingsHeld: x.meetingsHeld,
        decisions: x.decisions,
        tasks: x.tasks,
        tasksDone: x.tasksDone,
        tasksOverdue: x.tasksOverdue,
      });
    for (const x of votes) {
      const r = row(x.communityCode, x.communityName);
      r.votesHeld += 1;
      r.votesEligible += x.eligible;
      r.votesCast += x.voted;
    }
    for (const x of supervisors)
      Object.assign(row(x.communityCode, x.communityName), {
        supervisors: x.supervisors,
        inspections: x.inspections,
      });
    for (const x of notices) {
      const r = row(x.communityCode, x.communityName);
      const k = r.noticesByKind.find((b) => b.kind === x.kind)!;
      k.published += 1;
      k.readers += x.readers;
      k.audience += x.audience;
      r.noticesPublished += 1;
      r.noticeReaders += x.readers;
      r.noticeAudience += x.audience;
    }
    for (const x of honours)
      Object.assign(row(x.communityCode, x.communityName), {
        honourCampaigns: x.campaigns,
        householdsHonoured: x.householdsHonoured,
      });

    const items = [...rows.values()].map(rated).sort((a, b) => a.communityCode.localeCompare(b.communityCode));
    return { year, placeName: under?.name ?? null, items, totals: totalOf(items), votes };
  }

  return { numbers };
}

function totalOf(items: DecideNumbersRowT[]): Figures {
  const t = zero();
  for (const i of items) {
    for (const k of summed) t[k] += i[k];
    for (const b of i.noticesByKind) {
      const k = t.noticesByKind.find((x) => x.kind === b.kind)!;
      k.published += b.published;
      k.readers += b.readers;
      k.audience += b.audience;
    }
  }
  return rated(t);
}

export type DecideNumbersService = ReturnType<typeof createDecideNumbersService>;
