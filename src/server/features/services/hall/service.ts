import type { Selectable } from 'kysely';
import { recordAudit } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { ServiceHallsTable } from '../../../platform/db/schema-hall.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { newId, randomToken } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/policy.js';
import { findByCode } from '../../places/index.js';
import { loadCatalogueNames as catalogueNames, loadOfferedCatalogue } from '../catalogue/index.js';
import { assertMayRunHall, hallsShownTo } from './policy.js';
import { presentKiosk, presentWindow } from './present.js';
import * as repo from './repository.js';
import { hashKioskToken, hashScreenToken } from './tokens.js';
import type { HallInputT, HallPatchT, WindowInputT, WindowPatchT } from './schemas.js';

// 一站式大厅, set up by the window staff of its place: the hall, its windows and the kiosks in it.

export interface HallDeps {
  db: Db;
  clock: Clock;
}

export { hashKioskToken } from './tokens.js';

type HallRow = Selectable<ServiceHallsTable> & { place_name: string; place_code: string };
const presentHall = (h: HallRow) => ({
  id: h.id,
  placeCode: h.place_code,
  placeName: h.place_name,
  name: h.name,
  address: h.address,
  slotCapacity: h.slot_capacity,
  openHalfDays: h.open_half_days,
});

async function hallInScope(db: Db, actor: Actor, id: string) {
  const hall = await repo.findHall(db, id);
  if (!hall) throw new AppError('NOT_FOUND');
  assertMayRunHall(actor, hall);
  return hall;
}

async function hallView(db: Db, actor: Actor, id: string) {
  const found = (await repo.listHalls(db, hallsShownTo(actor))).find((h) => h.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return presentHall(found);
}

async function createHall(deps: HallDeps, actor: Actor, input: HallInputT) {
  const place = await findByCode(deps.db, input.placeCode);
  if (!place) throw invalid('placeCode', 'noSuchPlace');
  assertMayRunHall(actor, { place_path: place.path });
  if (place.kind !== 'street' && place.kind !== 'community') throw new AppError('HALL_PLACE_INVALID');
  const now = deps.clock.now();
  const id = newId();
  const screenToken = randomToken(24);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertHall(trx, {
      id,
      tenant_id: place.tenant_id!,
      place_id: place.id,
      place_path: place.path,
      name: input.name,
      address: input.address,
      slot_capacity: input.slotCapacity,
      open_half_days: [...new Set(input.openHalfDays)],
      screen_token: hashScreenToken(screenToken),
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.create',
        entityType: 'service_hall',
        entityId: id,
        tenantId: place.tenant_id,
        after: { ...input },
      },
      now,
    );
  });
  // The call screen's token is shown this once (and on each renewal); only its hash is kept.
  return { ...(await hallView(deps.db, actor, id)), screenToken };
}

/** 重新生成叫号屏地址: a new call-screen token, shown once; the old link stops working. */
async function renewScreenToken(deps: HallDeps, actor: Actor, id: string) {
  const hall = await hallInScope(deps.db, actor, id);
  const screenToken = randomToken(24);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateHall(trx, id, { screen_token: hashScreenToken(screenToken), updated_at: now });
    await recordAudit(
      trx,
      actor,
      { action: 'hall.screen-token.renew', entityType: 'service_hall', entityId: id, tenantId: hall.tenant_id },
      now,
    );
  });
  return { screenToken };
}

async function updateHall(deps: HallDeps, actor: Actor, id: string, patch: HallPatchT) {
  const hall = await hallInScope(deps.db, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateHall(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.slotCapacity !== undefined ? { slot_capacity: patch.slotCapacity } : {}),
      ...(patch.openHalfDays !== undefined ? { open_half_days: [...new Set(patch.openHalfDays)] } : {}),
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.update',
        entityType: 'service_hall',
        entityId: id,
        tenantId: hall.tenant_id,
        before: { name: hall.name, slotCapacity: hall.slot_capacity, openHalfDays: hall.open_half_days },
        after: patch,
      },
      now,
    );
  });
  return hallView(deps.db, actor, id);
}

/** Item and bundle ids a window lists must be of the hall's county. */
async function checkServed(deps: HallDeps, tenantId: string, input: { itemIds?: string[]; bundleIds?: string[] }) {
  const ids = [...(input.itemIds ?? []), ...(input.bundleIds ?? [])];
  const known = await catalogueNames(deps.db, tenantId, ids);
  const missing = (input.itemIds ?? []).findIndex((i) => !known.has(i));
  if (missing >= 0) throw invalid(`itemIds.${missing}`, 'notFound');
  const missingBundle = (input.bundleIds ?? []).findIndex((i) => !known.has(i));
  if (missingBundle >= 0) throw invalid(`bundleIds.${missingBundle}`, 'notFound');
}

async function addWindow(deps: HallDeps, actor: Actor, hallId: string, input: WindowInputT) {
  const hall = await hallInScope(deps.db, actor, hallId);
  await checkServed(deps, hall.tenant_id, input);
  const now = deps.clock.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.listWindows(trx, hallId)).some((w) => w.label === input.label)) throw new AppError('CONFLICT');
    await repo.insertWindow(trx, {
      id,
      hall_id: hallId,
      tenant_id: hall.tenant_id,
      label: input.label,
      name: input.name,
      ticket_letter: input.ticketLetter,
      item_ids: [...new Set(input.itemIds)],
      bundle_ids: [...new Set(input.bundleIds)],
      active: input.active,
      sort: input.sort,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.window.create',
        entityType: 'service_hall_window',
        entityId: id,
        tenantId: hall.tenant_id,
        after: input,
      },
      now,
    );
  });
  return presentWindow((await repo.findWindow(deps.db, id))!);
}

async function updateWindow(deps: HallDeps, actor: Actor, windowId: string, patch: WindowPatchT) {
  const window = await repo.findWindow(deps.db, windowId);
  if (!window) throw new AppError('NOT_FOUND');
  const hall = await hallInScope(deps.db, actor, window.hall_id);
  await checkServed(deps, hall.tenant_id, patch);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (
      patch.label !== undefined &&
      (await repo.listWindows(trx, hall.id)).some((w) => w.label === patch.label && w.id !== windowId)
    )
      throw new AppError('CONFLICT');
    await repo.updateWindow(trx, windowId, {
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.ticketLetter !== undefined ? { ticket_letter: patch.ticketLetter } : {}),
      ...(patch.itemIds !== undefined ? { item_ids: [...new Set(patch.itemIds)] } : {}),
      ...(patch.bundleIds !== undefined ? { bundle_ids: [...new Set(patch.bundleIds)] } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.window.update',
        entityType: 'service_hall_window',
        entityId: windowId,
        tenantId: hall.tenant_id,
        before: presentWindow(window),
        after: patch,
      },
      now,
    );
  });
  return presentWindow((await repo.findWindow(deps.db, windowId))!);
}

/** A kiosk of the hall: its token is made here and shown this once; only its hash is kept. */
async function addKiosk(deps: HallDeps, actor: Actor, hallId: string, name: string) {
  const hall = await hallInScope(deps.db, actor, hallId);
  const token = `kiosk_${randomToken(24)}`;
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertKiosk(trx, {
      id,
      tenant_id: hall.tenant_id,
      hall_id: hall.id,
      name,
      token_hash: hashKioskToken(token),
      token_prefix: token.slice(0, 10),
      created_by: actor.userId,
      created_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'hall.kiosk.create',
        entityType: 'service_kiosk',
        entityId: id,
        tenantId: hall.tenant_id,
        after: { name, prefix: token.slice(0, 10) },
      },
      now,
    );
  });
  return { id, name, token };
}

async function revokeKiosk(deps: HallDeps, actor: Actor, kioskId: string) {
  const kiosk = await repo.findKiosk(deps.db, kioskId);
  if (!kiosk) throw new AppError('NOT_FOUND');
  const hall = await hallInScope(deps.db, actor, kiosk.hall_id);
  if (kiosk.revoked_at) throw new AppError('ACTION_NOT_ALLOWED', { state: 'revoked', action: 'revoke' });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.revokeKiosk(trx, kioskId, now);
    await recordAudit(
      trx,
      actor,
      { action: 'hall.kiosk.revoke', entityType: 'service_kiosk', entityId: kioskId, tenantId: hall.tenant_id },
      now,
    );
  });
  return presentKiosk((await repo.listKiosks(deps.db, hall.id)).find((k) => k.id === kioskId)!);
}

export function createHallService(deps: HallDeps) {
  return {
    listHalls: async (actor: Actor) => (await repo.listHalls(deps.db, hallsShownTo(actor))).map(presentHall),
    getHall: (actor: Actor, id: string) => hallView(deps.db, actor, id),
    createHall: (actor: Actor, input: HallInputT) => createHall(deps, actor, input),
    updateHall: (actor: Actor, id: string, patch: HallPatchT) => updateHall(deps, actor, id, patch),
    renewScreenToken: (actor: Actor, id: string) => renewScreenToken(deps, actor, id),
    listWindows: async (actor: Actor, hallId: string) => {
      await hallInScope(deps.db, actor, hallId);
      return (await repo.listWindows(deps.db, hallId)).map(presentWindow);
    },
    addWindow: (actor: Actor, hallId: string, input: WindowInputT) => addWindow(deps, actor, hallId, input),
    updateWindow: (actor: Actor, windowId: string, patch: WindowPatchT) => updateWindow(deps, actor, windowId, patch),
    /** The items and bundles of the hall's county: what a window serves (staff), what a resident books (public, actor null). */
    services: async (actor: Actor | null, hallId: string) => {
      const hall = actor ? await hallInScope(deps.db, actor, hallId) : await repo.findHall(deps.db, hallId);
      if (!hall) throw new AppError('NOT_FOUND');
      const c = await loadOfferedCatalogue(deps.db, hall.tenant_id);
      return {
        items: c.categories.flatMap((k) => k.items.map((i) => ({ id: i.id, name: i.name }))),
        bundles: c.bundleClasses.flatMap((k) => k.bundles.map((b) => ({ id: b.id, name: b.name }))),
      };
    },
    listKiosks: async (actor: Actor, hallId: string) => {
      await hallInScope(deps.db, actor, hallId);
      return (await repo.listKiosks(deps.db, hallId)).map(presentKiosk);
    },
    addKiosk: (actor: Actor, hallId: string, name: string) => addKiosk(deps, actor, hallId, name),
    revokeKiosk: (actor: Actor, kioskId: string) => revokeKiosk(deps, actor, kioskId),
  };
}

export type HallService = ReturnType<typeof createHallService>;
