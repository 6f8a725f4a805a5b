// What other services areas may use of the catalogue: its routes and service (api.ts), the loading
// of an item or bundle as an application needs it (applications, the hall, the kiosk), what a county
// offers and the names of items and bundles. The only reads of the catalogue's tables.
import type { Executor } from '../../../platform/audit.js';
import { itemVersion, namesOf } from './repository.js';
import { loadBundle, loadItem, offeredCatalogue } from './service.js';

export { catalogueRoutes } from './routes.js';
export { createCatalogueService, type CatalogueService } from './service.js';

/**
 * An active item of the county at its current version: `{ item, version, form, materials,
 * handlerLevel, departmentId, timeLimitDays }`, or null when there is none (or it is not offered).
 */
export const loadItemForApplication = (db: Executor, tenantId: string, itemId: string) =>
  loadItem(db, tenantId, itemId);
export type ItemForApplication = NonNullable<Awaited<ReturnType<typeof loadItem>>>;

/**
 * An active bundle of the county whose items are all offered: `{ bundle, items, parts (each as
 * loadItemForApplication), form (mergeForms), sources, materials (mergeMaterials) }`, or null.
 */
export const loadBundleForApplication = (db: Executor, tenantId: string, bundleId: string) =>
  loadBundle(db, tenantId, bundleId);
export type BundleForApplication = NonNullable<Awaited<ReturnType<typeof loadBundle>>>;

/** The form and materials an item had at one saved version (an application is read with its own). */
export const loadItemVersion = (db: Executor, tenantId: string, itemId: string, version: number) =>
  itemVersion(db, tenantId, itemId, version);

/** What the county offers now: categories with items, bundle classes with bundles (as the public catalogue). */
export const loadOfferedCatalogue = (db: Executor, tenantId: string) => offeredCatalogue(db, tenantId);

/** The names of the county's items and bundles by id (ids of another county are not found). */
export const loadCatalogueNames = async (db: Executor, tenantId: string, ids: string[]) =>
  new Map((await namesOf(db, tenantId, ids)).map((r) => [r.id, r.name]));
