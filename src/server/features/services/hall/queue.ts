import type { Selectable } from 'kysely';
import { chinaDay, type TicketAction } from '../../../../shared/hall.js';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type {
  ServiceHallsTable,
  ServiceHallWindowsTable,
  ServiceQueueTicketsTable,
  TicketSource,
} from '../../../platform/db/schema-hall.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import {
  loadBundleForApplication,
  loadCatalogueNames as catalogueNames,
  loadItemForApplication,
} from '../catalogue/index.js';
import { ticketTransition } from './lifecycle.js';
import { assertMayRunHall } from './policy.js';
import { presentTicket } from './present.js';
import { hashScreenToken } from './tokens.js';
import * as repo from './repository.js';

// 取号 and 叫号: queue tickets of a hall's day, taken at the kiosk, on the phone, at the window or on
// arriving for an appointment; called by the windows, one ticket to one window.

type Hall = Selectable<ServiceHallsTable>;
type Window = Selectable<ServiceHallWindowsTable>;
export interface QueueDeps {
  db: Db;
  clock: Clock;
}
/** Minutes one ticket takes at a window when the day has no finished ticket to measure yet. */
const DEFAULT_SERVE_MINUTES = 5;

/**
 * The item or bundle a ticket or appointment is for: one of them (or neither for a ticket), of the
 * hall's county, and served here — when the hall has active windows, one of them serves everything or
 * lists it (a ticket no window can call would wait for ever): else 400 `notServedHere`.
 */
export async function checkedService(
  db: Executor,
  hall: { id: string; tenant_id: string },
  choice: { itemId?: string; bundleId?: string },
  required: boolean,
): Promise<{ itemId: string | null; bundleId: string | null }> {
  if (choice.itemId && choice.bundleId) throw invalid('bundleId', 'required');
  let service: { itemId: string | null; bundleId: string | null };
  if (choice.itemId) {
    if (!(await loadItemForApplication(db, hall.tenant_id, choice.itemId))) throw invalid('itemId', 'notFound');
    service = { itemId: choice.itemId, bundleId: null };
  } else if (choice.bundleId) {
    if (!(await loadBundleForApplication(db, hall.tenant_id, choice.bundleId))) throw invalid('bundleId', 'notFound');
    service = { itemId: null, bundleId: choice.bundleId };
  } else {
    if (required) throw invalid('itemId', 'required');
    return { itemId: null, bundleId: null };
  }
  const active = (await repo.listWindows(db, hall.id)).filter((w) => w.active);
  if (active.length > 0 && !active.some((w) => servesAll(w) || listsIt(w, service)))
    throw invalid(service.itemId ? 'itemId' : 'bundleId', 'notServedHere');
  return service;
}

/** Window `w` has a list and the item or bundle is on it. */
const listsIt = (w: Window, s: { itemId: string | null; bundleId: string | null }) =>
  (s.itemId !== null && w.item_ids.includes(s.itemId)) || (s.bundleId !== null && w.bundle_ids.includes(s.bundleId));
const servesAll = (w: Window) => w.item_ids.length === 0 && w.bundle_ids.length === 0;

/** The ticket letter: of the first active window that lists the item, else of a 综合窗口, else A. */
const letterFor = (windows: Window[], s: { itemId: string | null; bundleId: string | null }) =>
  (windows.find((w) => w.active && listsIt(w, s)) ?? windows.find((w) => w.active && servesAll(w)))?.ticket_letter ??
  'A';

async function waitEstimate(db: Executor, hall: Hall, day: string, before: string | null) {
  const tickets = await repo.listTickets(db, hall.id, day);
  const windows = (await repo.listWindows(db, hall.id)).filter((w) => w.active);
  const waiting = tickets.filter((t) => t.state === 'waiting');
  // Ids are UUIDv7: their order is the order tickets were taken.
  const ahead = before ? waiting.filter((t) => t.id < before).length : waiting.length;
  const done = tickets.filter((t) => t.state === 'done' && t.called_at && t.done_at);
  const serveMinutes = done.length
    ? done.reduce((s, t) => s + (new Date(t.done_at!).getTime() - new Date(t.called_at!).getTime()), 0) /
      done.length /
      60_000
    : DEFAULT_SERVE_MINUTES;
  return {
    waiting: waiting.length,
    ahead,
    estimatedWaitMinutes: Math.ceil((ahead * serveMinutes) / Math.max(1, windows.length)),
  };
}

/** Takes a ticket in the caller's transaction: the next serial of its letter today. */
export async function takeTicket(
  trx: Executor,
  now: Date,
  hall: Hall,
  ticket: {
    itemId: string | null;
    bundleId: string | null;
    source: TicketSource;
    userId: string | null;
    appointmentId?: string | null;
  },
) {
  const day = chinaDay(now);
  const letter = letterFor(await repo.listWindows(trx, hall.id), ticket);
  const serial = await repo.nextSerial(trx, hall, day, letter);
  const id = newId();
  const row = {
    id,
    tenant_id: hall.tenant_id,
    hall_id: hall.id,
    day,
    letter,
    serial,
    label: `${letter}${String(serial).padStart(3, '0')}`,
    item_id: ticket.itemId,
    bundle_id: ticket.bundleId,
    source: ticket.source,
    appointment_id: ticket.appointmentId ?? null,
    user_id: ticket.userId,
    state: 'waiting' as const,
    window_id: null,
    calls: 0,
    called_at: null,
    done_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertTicket(trx, row);
  return row;
}

/** The ticket as the API gives it, with how many wait before it and how long that may take. */
export async function presentTaken(db: Executor, hall: Hall, ticket: Selectable<ServiceQueueTicketsTable>) {
  const names = await catalogueNames(
    db,
    hall.tenant_id,
    [ticket.item_id, ticket.bundle_id].filter(Boolean) as string[],
  );
  const estimate = await waitEstimate(db, hall, ticket.day, ticket.id);
  return {
    ticket: presentTicket(ticket, names, new Map()),
    ahead: estimate.ahead,
    estimatedWaitMinutes: estimate.estimatedWaitMinutes,
  };
}

async function hallInScope(db: Executor, actor: Actor, hallId: string) {
  const hall = await repo.findHall(db, hallId);
  if (!hall) throw new AppError('NOT_FOUND');
  assertMayRunHall(actor, hall);
  return hall;
}

async function presentTickets(db: Executor, hall: Hall, tickets: Parameters<typeof presentTicket>[0][]) {
  const ids = tickets.flatMap((t) => [t.item_id, t.bundle_id]).filter(Boolean) as string[];
  const names = await catalogueNames(db, hall.tenant_id, [...new Set(ids)]);
  const windows = new Map((await repo.listWindows(db, hall.id)).map((w) => [w.id, w.label]));
  return tickets.map((t) => presentTicket(t, names, windows));
}

/** The window clerk takes a ticket for someone at the counter (窗口取号). */
async function takeAtWindow(
  deps: QueueDeps,
  actor: Actor,
  hallId: string,
  choice: { itemId?: string; bundleId?: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const hall = await hallInScope(trx, actor, hallId);
    const service = await checkedService(trx, hall, choice, false);
    const now = deps.clock.now();
    const ticket = await takeTicket(trx, now, hall, { ...service, source: 'window', userId: null });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.ticket.take',
        entityType: 'service_queue_ticket',
        entityId: ticket.id,
        tenantId: hall.tenant_id,
        after: { label: ticket.label, source: 'window' },
      },
      now,
    );
    return presentTaken(trx, hall, ticket);
  });
}

/** 叫号: the window calls the oldest waiting ticket it serves; null when nobody waits for it. */
async function callNext(deps: QueueDeps, actor: Actor, windowId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const window = await repo.findWindow(trx, windowId);
    if (!window) throw new AppError('NOT_FOUND');
    const hall = await hallInScope(trx, actor, window.hall_id);
    if (!window.active) throw new AppError('HALL_WINDOW_INACTIVE');
    const now = deps.clock.now();
    const day = chinaDay(now);
    const called = await repo.callNext(trx, {
      hallId: hall.id,
      day,
      windowId,
      serves: servesAll(window) ? null : { itemIds: window.item_ids, bundleIds: window.bundle_ids },
      now,
    });
    if (called)
      await recordAudit(
        trx,
        actor,
        {
          action: 'hall.ticket.call',
          entityType: 'service_queue_ticket',
          entityId: called.id,
          tenantId: hall.tenant_id,
          after: { label: called.label, window: window.label },
        },
        now,
      );
    const { waiting } = await waitEstimate(trx, hall, day, null);
    return { ticket: called ? (await presentTickets(trx, hall, [called]))[0]! : null, waiting };
  });
}

/** 重呼, 开始办理, 办结, 过号, 重新排队, 未到: one step of the ticket's lifecycle. */
async function act(deps: QueueDeps, actor: Actor, ticketId: string, action: TicketAction) {
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await repo.lockTicket(trx, ticketId);
    if (!ticket) throw new AppError('NOT_FOUND');
    const hall = await hallInScope(trx, actor, ticket.hall_id);
    const step = ticketTransition(ticket.state, action);
    if (!step) throw new AppError('ACTION_NOT_ALLOWED', { state: ticket.state, action });
    const now = deps.clock.now();
    await repo.updateTicket(trx, ticket.id, {
      state: step.to,
      updated_at: now,
      ...(step.stamps === 'recall' ? { calls: ticket.calls + 1, called_at: now } : {}),
      ...(step.stamps === 'done' ? { done_at: now } : {}),
      ...(step.stamps === 'requeue' ? { window_id: null, called_at: null, calls: 0 } : {}),
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `hall.ticket.${action}`,
        entityType: 'service_queue_ticket',
        entityId: ticket.id,
        tenantId: hall.tenant_id,
        before: { state: ticket.state },
        after: { state: step.to },
      },
      now,
    );
    const after = await repo.findTicket(trx, ticket.id);
    return (await presentTickets(trx, hall, [after!]))[0]!;
  });
}

/** The hall's queue of one day (today by default), with the waiting count and estimated wait. */
async function queue(deps: QueueDeps, actor: Actor, hallId: string, day?: string) {
  const hall = await hallInScope(deps.db, actor, hallId);
  const theDay = day ?? chinaDay(deps.clock.now());
  const tickets = await presentTickets(deps.db, hall, await repo.listTickets(deps.db, hall.id, theDay));
  const estimate = await waitEstimate(deps.db, hall, theDay, null);
  return { day: theDay, tickets, waiting: estimate.waiting, estimatedWaitMinutes: estimate.estimatedWaitMinutes };
}

/** Served count and average waiting and serving time per window over a range of days (today by default). */
async function stats(deps: QueueDeps, actor: Actor, hallId: string, range: { from?: string; to?: string }) {
  const hall = await hallInScope(deps.db, actor, hallId);
  const today = chinaDay(deps.clock.now());
  const from = range.from ?? today;
  const to = range.to ?? from;
  if (from > to) throw invalid('from', 'fromAfterTo');
  const rows = new Map((await repo.windowStats(deps.db, hall.id, from, to)).map((r) => [r.window_id, r]));
  const minutes = (s: number | string | null | undefined) =>
    s === null || s === undefined ? null : Math.round((Number(s) / 60) * 10) / 10;
  return {
    from,
    to,
    windows: (await repo.listWindows(deps.db, hall.id)).map((w) => ({
      windowId: w.id,
      label: w.label,
      name: w.name,
      served: Number(rows.get(w.id)?.served ?? 0),
      avgWaitMinutes: minutes(rows.get(w.id)?.avg_wait_seconds),
      avgServeMinutes: minutes(rows.get(w.id)?.avg_serve_seconds),
    })),
  };
}

/** The call screen on the hall's TV: the latest calls (ticket and window labels only) and the waiting count. */
async function screen(deps: QueueDeps, token: string) {
  const hall = await repo.hallByScreenToken(deps.db, hashScreenToken(token));
  if (!hall) throw new AppError('NOT_FOUND');
  const day = chinaDay(deps.clock.now());
  const calls = await repo.recentCalls(deps.db, hall.id, day, 8);
  const { waiting } = await waitEstimate(deps.db, hall, day, null);
  return {
    hallName: hall.name,
    day,
    waiting,
    calls: calls.map((c) => ({
      id: c.id,
      label: c.label,
      windowLabel: c.window_label,
      windowName: c.window_name,
      calls: c.calls,
      calledAt: new Date(c.called_at!).toISOString(),
      callKey: `${c.id}:${c.calls}`,
    })),
  };
}

export function createQueueService(deps: QueueDeps) {
  return {
    takeAtWindow: (actor: Actor, hallId: string, choice: { itemId?: string; bundleId?: string }) =>
      takeAtWindow(deps, actor, hallId, choice),
    callNext: (actor: Actor, windowId: string) => callNext(deps, actor, windowId),
    act: (actor: Actor, ticketId: string, action: TicketAction) => act(deps, actor, ticketId, action),
    queue: (actor: Actor, hallId: string, day?: string) => queue(deps, actor, hallId, day),
    stats: (actor: Actor, hallId: string, range: { from?: string; to?: string }) => stats(deps, actor, hallId, range),
    screen: (token: string) => screen(deps, token),
  };
}
