import type { SqlSamples } from '../../../platform/db/sql-samples.js';
import * as repo from './repository.js';

const hallId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a10';
const windowId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a11';
const ticketId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a12';
const appointmentId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a13';
const kioskId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a14';
const itemId = '019a7f3e-5b2c-7d41-9e6a-2f8c1d4b7a15';
const userId = '019a7f3e-0000-7000-8000-000000000002';
const now = new Date('2026-11-24T01:00:00Z');
const path = '/61/6108/610899/610899001/610899001001/';
const scope = { paths: [path], departmentIds: [], userId: null, all: false };

export const samples: SqlSamples<typeof repo> = {
  insertHall: (db) =>
    repo.insertHall(db, {
      id: hallId,
      tenant_id: '610899',
      place_id: '019a7f3e-0000-7000-8000-000000000001',
      place_path: path,
      name: '和平社区便民服务大厅',
      address: '和平路 8 号',
      slot_capacity: 20,
      open_half_days: ['1am', '1pm'],
      screen_token: 'screen-token-sample-000000000000',
      created_at: now,
      updated_at: now,
    }),
  updateHall: (db) => repo.updateHall(db, hallId, { slot_capacity: 30, updated_at: now }),
  findHall: (db) => repo.findHall(db, hallId),
  hallByScreenToken: (db) => repo.hallByScreenToken(db, 'screen-token-sample-000000000000'),
  listHalls: (db) => repo.listHalls(db, scope),
  publicHalls: (db) => repo.publicHalls(db, '610899'),
  insertWindow: (db) =>
    repo.insertWindow(db, {
      id: windowId,
      hall_id: hallId,
      tenant_id: '610899',
      label: '1号窗口',
      name: '民政救助',
      ticket_letter: 'A',
      item_ids: [itemId],
      bundle_ids: [],
      created_at: now,
    }),
  updateWindow: (db) => repo.updateWindow(db, windowId, { active: false }),
  findWindow: (db) => repo.findWindow(db, windowId),
  listWindows: (db) => repo.listWindows(db, hallId),
  takeSlot: (db) => repo.takeSlot(db, { hallId, tenantId: '610899', day: '2026-11-25', halfDay: 'am', capacity: 20 }),
  releaseSlot: (db) => repo.releaseSlot(db, hallId, '2026-11-25', 'am'),
  slotCounts: (db) => repo.slotCounts(db, hallId, '2026-11-24', '2026-12-07'),
  insertAppointment: (db) =>
    repo.insertAppointment(db, {
      id: appointmentId,
      tenant_id: '610899',
      hall_id: hallId,
      place_path: path,
      item_id: itemId,
      bundle_id: null,
      day: '2026-11-25',
      half_day: 'am',
      applicant_name: '李桂芳',
      phone_enc: 'v1.sealed',
      phone_hash: 'hash',
      phone_masked: '135****0001',
      user_id: userId,
      state: 'booked',
      created_at: now,
      updated_at: now,
    }),
  lockAppointment: (db) => repo.lockAppointment(db, appointmentId),
  setAppointmentState: (db) => repo.setAppointmentState(db, appointmentId, 'cancelled', now),
  listAppointments: (db) => repo.listAppointments(db, hallId, '2026-11-25'),
  myAppointments: (db) => repo.myAppointments(db, userId, '2026-11-24'),
  nextSerial: (db) => repo.nextSerial(db, { id: hallId, tenant_id: '610899' }, '2026-11-24', 'A'),
  insertTicket: (db) =>
    repo.insertTicket(db, {
      id: ticketId,
      tenant_id: '610899',
      hall_id: hallId,
      day: '2026-11-24',
      letter: 'A',
      serial: 1,
      label: 'A001',
      item_id: itemId,
      bundle_id: null,
      source: 'kiosk',
      appointment_id: null,
      user_id: null,
      state: 'waiting',
      window_id: null,
      called_at: null,
      done_at: null,
      created_at: now,
      updated_at: now,
    }),
  callNext: (db) =>
    repo.callNext(db, { hallId, day: '2026-11-24', windowId, serves: { itemIds: [itemId], bundleIds: [] }, now }),
  lockTicket: (db) => repo.lockTicket(db, ticketId),
  findTicket: (db) => repo.findTicket(db, ticketId),
  updateTicket: (db) => repo.updateTicket(db, ticketId, { state: 'done', done_at: now, updated_at: now }),
  listTickets: (db) => repo.listTickets(db, hallId, '2026-11-24'),
  myTickets: (db) => repo.myTickets(db, userId, '2026-11-24'),
  lockUser: (db) => repo.lockUser(db, userId),
  recentCalls: (db) => repo.recentCalls(db, hallId, '2026-11-24', 8),
  windowStats: (db) => repo.windowStats(db, hallId, '2026-11-01', '2026-11-30'),
  insertKiosk: (db) =>
    repo.insertKiosk(db, {
      id: kioskId,
      tenant_id: '610899',
      hall_id: hallId,
      name: '一号自助机',
      token_hash: 'sha256-of-token',
      token_prefix: 'kiosk_abcd',
      created_by: userId,
      created_at: now,
    }),
  listKiosks: (db) => repo.listKiosks(db, hallId),
  findKiosk: (db) => repo.findKiosk(db, kioskId),
  revokeKiosk: (db) => repo.revokeKiosk(db, kioskId, now),
};
