import type { Transaction } from 'kysely';
import { type BookingState, type OpeningHours } from '../../shared/community-rooms.js';
import { newCheckinToken, noShowJob } from '../features/community/rooms/bookings.js';
import * as repo from '../features/community/rooms/repository.js';
import { addDaysTo, chinaDayOf, instantOf, openingOn } from '../features/community/rooms/time.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { queueJob } from '../platform/jobs.js';
import type { CommunityDemoContext } from './community-context.js';

// 功能室预约 (issue 16): the demo county's records, from the fixed seed. 和平社区 has four rooms with the
// year's bookings — 党员活动室 and 老年活动室 meet the targets (≥ 50 days, ≥ 60 % attended), 多功能厅 is
// used often but half-empty, 儿童之家 seldom — and 文化社区 one room; the next two weeks hold bookings of
// the demo volunteer's team, the unit's liaison and the resident's group, some of them today.

const weekdays = (open: string, close: string, weekend: boolean): OpeningHours =>
  Array.from({ length: 7 }, (_, i) => (i < 5 || weekend ? { open, close } : null));

interface DemoRoom {
  community: string;
  name: string;
  address: string;
  capacity: number;
  hours: OpeningHours;
  facilities: string[];
  /** chance a weekday of the past year has a booking, and the share of booked seats that come */
  use: number;
  turnout: [number, number];
}

const rooms: DemoRoom[] = [
  {
    community: '610899001001',
    name: '党员活动室',
    address: '和平社区党群服务中心二楼',
    capacity: 30,
    hours: weekdays('08:30', '21:00', false),
    facilities: ['投影仪', '音响', '党建书架'],
    use: 0.32,
    turnout: [0.65, 0.95],
  },
  {
    community: '610899001001',
    name: '多功能厅',
    address: '和平社区党群服务中心一楼',
    capacity: 80,
    hours: weekdays('08:00', '21:30', true),
    facilities: ['舞台', '音响', '折叠桌椅'],
    use: 0.3,
    turnout: [0.3, 0.65],
  },
  {
    community: '610899001001',
    name: '老年活动室',
    address: '和平社区党群服务中心一楼东',
    capacity: 40,
    hours: weekdays('08:00', '20:00', true),
    facilities: ['棋牌桌', '电视', '血压计'],
    use: 0.45,
    turnout: [0.7, 1],
  },
  {
    community: '610899001001',
    name: '儿童之家',
    address: '和平社区党群服务中心三楼',
    capacity: 25,
    hours: weekdays('14:00', '20:00', true),
    facilities: ['绘本', '积木', '电子琴'],
    use: 0.1,
    turnout: [0.5, 0.9],
  },
  {
    community: '610899001002',
    name: '文化活动室',
    address: '文化社区服务站二楼',
    capacity: 35,
    hours: weekdays('08:30', '18:00', false),
    facilities: ['书画桌', '投影仪'],
    use: 0.2,
    turnout: [0.55, 0.9],
  },
];

const groups = ['和平书画社', '夕阳红合唱团', '广场舞队', '太极拳队', '读书会', '棋牌协会', '家长学校'];
const purposes = [
  '主题党日活动',
  '书法练习',
  '合唱排练',
  '健康讲座',
  '读书分享会',
  '议事协商会',
  '亲子手工',
  '棋牌比赛',
];

interface Who {
  kind: 'team' | 'unit' | 'group';
  by: string;
  teamId?: string;
  unitId?: string;
}

interface RoomSeed {
  trx: Transaction<Database>;
  context: CommunityDemoContext;
  room: DemoRoom;
  roomId: string;
  path: string;
}

/** A random time within the day's opening, one to two hours long; null when closed. */
function randomSpan(seed: RoomSeed, day: string) {
  const open = openingOn(seed.room.hours, day);
  if (!open) return null;
  const { random } = seed.context;
  const length = random.pick([60, 90, 120]);
  const start = open.start + 30 * random.int(0, Math.max(0, Math.floor((open.end - open.start - length) / 30)));
  const end = Math.min(open.end, start + length);
  return end > start ? { start, end } : null;
}

/** The times a booking in this state carries, as if it had lived its life. */
function stampsOf(state: BookingState, startsAt: Date, endsAt: Date, by: string, now: Date) {
  const held = state === 'completed' || state === 'checked_in';
  return {
    checked_in_at: held ? startsAt : null,
    checked_in_by: held ? by : null,
    completed_at: state === 'completed' ? endsAt : null,
    cancelled_at: state === 'cancelled' ? new Date(startsAt.getTime() - 86_400_000) : null,
    created_at: new Date(startsAt.getTime() - 3 * 86_400_000),
    updated_at: state === 'booked' ? now : endsAt,
  };
}

/** One booking at a random free time of the day, in the given state; false when none fits. */
async function seedBooking(seed: RoomSeed, day: string, state: BookingState, who: Who): Promise<boolean> {
  const { trx, context, room, roomId } = seed;
  const { random, now } = context;
  const span = randomSpan(seed, day);
  if (!span) return false;
  const { start, end } = span;
  const startsAt = instantOf(day, start);
  if (state === 'booked' && startsAt.getTime() <= now.getTime()) return false;
  if ((await repo.overlapping(trx, roomId, day, start, end)).length) return false;
  const expected = random.int(Math.ceil(room.capacity * 0.3), room.capacity);
  const id = newId();
  const endsAt = instantOf(day, end);
  await repo.insertBooking(trx, {
    id,
    tenant_id: context.tenantId,
    room_id: roomId,
    place_path: seed.path,
    day,
    start_minute: start,
    end_minute: end,
    ends_at: endsAt,
    for_kind: who.kind,
    team_id: who.teamId ?? null,
    organisation_id: who.unitId ?? null,
    group_name: who.kind === 'group' ? random.pick(groups) : '',
    purpose: random.pick(purposes),
    expected,
    attended: state === 'completed' ? Math.round(expected * random.between(...room.turnout)) : null,
    state,
    booked_by: who.by,
    ...stampsOf(state, startsAt, endsAt, who.by, now),
  });
  if (state === 'booked')
    await queueJob(
      trx,
      { now: () => now },
      noShowJob,
      { bookingId: id },
      { runAt: endsAt, dedupeKey: `rooms.noShow:${id}` },
    );
  return true;
}

async function insertDemoRoom(trx: Transaction<Database>, context: CommunityDemoContext, room: DemoRoom) {
  const communityId = context.placeIds.get(room.community);
  const community = communityId ? await repo.findCommunity(trx, communityId) : undefined;
  if (!community) return null;
  const roomId = newId();
  await repo.insertRoom(trx, {
    id: roomId,
    tenant_id: context.tenantId,
    community_id: community.id,
    place_path: community.path,
    name: room.name,
    address: room.address,
    capacity: room.capacity,
    opening_hours: JSON.stringify(room.hours),
    facilities: room.facilities,
    active: true,
    checkin_token: newCheckinToken(),
    created_at: new Date(`${chinaDayOf(context.now).slice(0, 4)}-01-01T00:00:00+08:00`),
    updated_at: context.now,
  });
  return { trx, context, room, roomId, path: community.path };
}

/** Who books in the demo: the volunteer's team and the unit's liaison in 和平社区, else the community for a group. */
async function demoBookers(trx: Transaction<Database>, context: CommunityDemoContext) {
  const team = await trx
    .selectFrom('volunteer_teams')
    .select('id')
    .where('name', '=', '和平社区助老志愿服务队')
    .executeTakeFirst();
  const volunteer = context.userIds.get('volunteer');
  const unitUser = context.userIds.get('unit');
  const unit = unitUser ? (await repo.unitsOfUser(trx, unitUser))[0] : undefined;
  const staff = context.userIds.get('community')!;
  const resident: Who = { kind: 'group', by: context.userIds.get('resident') ?? staff };
  const others = (room: DemoRoom): Who => {
    const roll = context.random.next();
    const peace = room.community === '610899001001';
    if (roll < 0.25 && peace && team && volunteer) return { kind: 'team', by: volunteer, teamId: team.id };
    if (roll < 0.4 && peace && unit && unitUser) return { kind: 'unit', by: unitUser, unitId: unit.id };
    return { kind: 'group', by: staff };
  };
  return { others, resident };
}

export async function seedDemoRooms(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const { random } = context;
  const today = chinaDayOf(context.now);
  const bookers = await demoBookers(trx, context);
  let roomCount = 0;
  let bookingCount = 0;
  for (const room of rooms) {
    const seed = await insertDemoRoom(trx, context, room);
    if (!seed) continue;
    roomCount++;
    // The year so far: most held and closed with a count, a few no-shows and cancellations.
    for (let day = `${today.slice(0, 4)}-01-01`; day < today; day = addDaysTo(day, 1)) {
      if (random.next() >= room.use) continue;
      const roll = random.next();
      const state: BookingState = roll < 0.06 ? 'no_show' : roll < 0.12 ? 'cancelled' : 'completed';
      if (await seedBooking(seed, day, state, bookers.others(room))) bookingCount++;
    }
    // The next two weeks: bookings waiting, the demo resident's group's among them.
    for (let i = 0; i < 14; i++) {
      if (i > 0 && random.next() >= room.use + 0.2) continue;
      const who = i % 3 === 0 ? bookers.others(room) : bookers.resident;
      if (await seedBooking(seed, addDaysTo(today, i), 'booked', who)) bookingCount++;
    }
  }
  return { rooms: roomCount, roomBookings: bookingCount };
}
