import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays, chinaDay } from '../../shared/hall.js';
import { maskPhone } from '../../shared/identity.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { PiiCipher } from '../platform/pii.js';
import { personName } from './names.js';
import type { Random } from './random.js';

// 一站式大厅 of the demo street (城关街道便民服务中心): five windows, a kiosk and the call screen, a few
// tickets of the day and appointments. The kiosk's token and the screen's token are fixed, public
// demo values (like the demo password), so `linli start` can print them; a real hall's are random.

export const DEMO_KIOSK_TOKEN = 'kiosk_demo_610899001_Linli2026';
export const DEMO_SCREEN_TOKEN = 'screen_demo_610899001_Linli2026';
const weekdays = [1, 2, 3, 4, 5].flatMap((d) => [`${d}am`, `${d}pm`]).concat(['6am']);
// Each window serves the demo catalogue's categories named by code (services-catalogue.ts); 4号 the
// bundles (一件事一次办), 5号 everything (no list: 党群服务, 生活缴费 and whatever else comes).
const windows = [
  { label: '1号窗口', name: '民政救助', letter: 'A', categories: ['MZ', 'LC'], bundles: false },
  { label: '2号窗口', name: '社保医保', letter: 'B', categories: ['SB', 'YB', 'JY'], bundles: false },
  { label: '3号窗口', name: '户籍证照', letter: 'C', categories: ['HJ'], bundles: false },
  { label: '4号窗口', name: '一件事一次办', letter: 'D', categories: [], bundles: true },
  { label: '5号窗口', name: '综合受理', letter: 'E', categories: [], bundles: false },
];

type Trx = Transaction<Database>;

async function seedHallAndWindows(trx: Trx, now: Date) {
  const street = await trx
    .selectFrom('places')
    .select(['id', 'path', 'tenant_id'])
    .where('code', '=', '610899001')
    .executeTakeFirstOrThrow();
  const tenant = street.tenant_id!;
  // The county's catalogue (seedDemoCatalogue runs before): what each window serves.
  const categories = await trx
    .selectFrom('service_categories')
    .select(['id', 'code'])
    .where('tenant_id', '=', tenant)
    .execute();
  const items = await trx
    .selectFrom('service_items')
    .select(['id', 'category_id'])
    .where('tenant_id', '=', tenant)
    .execute();
  const bundles = await trx.selectFrom('service_bundles').select('id').where('tenant_id', '=', tenant).execute();
  const hallId = newId();
  await trx
    .insertInto('service_halls')
    .values({
      id: hallId,
      tenant_id: tenant,
      place_id: street.id,
      place_path: street.path,
      name: '城关街道便民服务中心',
      address: '城关街道人民路 18 号一层',
      slot_capacity: 12,
      open_half_days: weekdays,
      screen_token: createHash('sha256').update(DEMO_SCREEN_TOKEN).digest('hex'),
      created_at: now,
      updated_at: now,
    })
    .execute();
  const windowIds: string[] = [];
  for (const [i, w] of windows.entries()) {
    const id = newId();
    windowIds.push(id);
    const served = new Set(categories.filter((c) => w.categories.includes(c.code)).map((c) => c.id));
    await trx
      .insertInto('service_hall_windows')
      .values({
        id,
        hall_id: hallId,
        tenant_id: tenant,
        label: w.label,
        name: w.name,
        ticket_letter: w.letter,
        item_ids: items.filter((it) => served.has(it.category_id)).map((it) => it.id),
        bundle_ids: w.bundles ? bundles.map((b) => b.id) : [],
        sort: i,
        created_at: now,
      })
      .execute();
  }
  await trx
    .insertInto('service_kiosks')
    .values({
      id: newId(),
      tenant_id: tenant,
      hall_id: hallId,
      name: '大厅一号自助机',
      token_hash: createHash('sha256').update(DEMO_KIOSK_TOKEN).digest('hex'),
      token_prefix: DEMO_KIOSK_TOKEN.slice(0, 10),
      created_by: null,
      created_at: now,
    })
    .execute();

  return { hallId, windowIds, tenant, path: street.path, items };
}

async function seedTickets(
  trx: Trx,
  random: Random,
  now: Date,
  hall: { hallId: string; tenant: string; windowId: string },
) {
  const { hallId, tenant } = hall;
  // The morning so far: two served, one at a window, three waiting (general tickets, letter E).
  const day = chinaDay(now);
  const states = ['done', 'done', 'called', 'waiting', 'waiting', 'waiting'] as const;
  for (const [i, state] of states.entries()) {
    const takenAt = new Date(now.getTime() - (60 - i * 8) * 60_000);
    const calledAt = state === 'waiting' ? null : new Date(takenAt.getTime() + random.int(3, 12) * 60_000);
    await trx
      .insertInto('service_queue_tickets')
      .values({
        id: newId(),
        tenant_id: tenant,
        hall_id: hallId,
        day,
        letter: 'E',
        serial: i + 1,
        label: `E${String(i + 1).padStart(3, '0')}`,
        item_id: null,
        bundle_id: null,
        source: i % 2 ? 'kiosk' : 'window',
        appointment_id: null,
        user_id: null,
        state,
        window_id: calledAt ? hall.windowId : null,
        calls: calledAt ? 1 : 0,
        called_at: calledAt,
        done_at: state === 'done' ? new Date(calledAt!.getTime() + random.int(4, 10) * 60_000) : null,
        created_at: takenAt,
        updated_at: takenAt,
      })
      .execute();
  }
  await trx
    .insertInto('service_ticket_counters')
    .values({ tenant_id: tenant, hall_id: hallId, day, letter: 'E', last: states.length })
    .execute();

  return states.length;
}

async function seedAppointments(
  trx: Trx,
  random: Random,
  pii: PiiCipher,
  at: { hallId: string; tenant: string; path: string; day: string; itemIds: string[]; now: Date },
) {
  const { hallId, tenant, day, now } = at;
  const items = at.itemIds;
  // Appointments of the day (when the hall is open today) and of the next working day, when the
  // catalogue has items to book: three in the morning, one in the afternoon.
  let appointments = 0;
  if (items.length === 0) return appointments;
  const isOpenDay = (d: string) => weekdays.includes(`${new Date(`${d}T00:00:00Z`).getUTCDay() || 7}am`);
  let next = addDays(day, 1);
  while (!isOpenDay(next)) next = addDays(next, 1);
  for (const when of isOpenDay(day) ? [day, next] : [next]) {
    for (let i = 0; i < 4; i++) {
      const phone = `139${String(random.int(10_000_000, 99_999_999))}`;
      const half = i < 3 ? 'am' : 'pm';
      await trx
        .insertInto('service_appointments')
        .values({
          id: newId(),
          tenant_id: tenant,
          hall_id: hallId,
          place_path: at.path,
          item_id: items[random.int(0, items.length - 1)]!,
          bundle_id: null,
          day: when,
          half_day: half,
          applicant_name: personName(random),
          phone_enc: pii.encrypt(phone),
          phone_hash: pii.lookupHash(phone),
          phone_masked: maskPhone(phone),
          user_id: null,
          state: 'booked',
          created_at: now,
          updated_at: now,
        })
        .execute();
      appointments++;
    }
    await trx
      .insertInto('service_hall_slots')
      .values([
        { hall_id: hallId, day: when, half_day: 'am', tenant_id: tenant, booked: 3 },
        { hall_id: hallId, day: when, half_day: 'pm', tenant_id: tenant, booked: 1 },
      ])
      .execute();
  }
  return appointments;
}

export async function seedDemoHall(trx: Trx, random: Random, pii: PiiCipher, now: Date) {
  const hall = await seedHallAndWindows(trx, now);
  const day = chinaDay(now);
  const tickets = await seedTickets(trx, random, now, { ...hall, windowId: hall.windowIds[4]! });
  const appointments = await seedAppointments(trx, random, pii, {
    ...hall,
    day,
    itemIds: hall.items.map((i) => i.id),
    now,
  });
  return { hallWindows: windows.length, hallTickets: tickets, hallAppointments: appointments };
}
