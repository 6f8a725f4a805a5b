// What other services areas may use of the catalogue: its routes and service (api.ts), and the
// loading of an item or bundle as an application needs it (applications).
import type { Executor } from '../../../platform/audit.js';
import { itemVersion } from './repository.js';
import { loadBundle, loadItem } from './service.js';

export { catalogueRoutes } from './routes.js';
export { createCatalogueService, type CatalogueService } from './service.js';

/**
 * An active item of the county at its current version: `{ item, version, form, materials,
 * handlerLevel, departmentId, timeLimitDays }`, or null when there is none (or it is not offered).
 */
export const loadItemForApplication = (db: Executor, tenantId: string, itemId: string) =>
  loadItem(db, tenantId, itemId);

/**
 * An active bundle of the county whose items are all offered: `{ bundle, items, parts (each as
 * loadItemForApplication), form (mergeForms), sources, materials (mergeMaterials) }`, or null.
 */
export const loadBundleForApplication = (db: Executor, tenantId: string, bundleId: string) =>
  loadBundle(db, tenantId, bundleId);

/** The form and materials an item had at one saved version (an application is read with its own). */
export const loadItemVersion = (db: Executor, tenantId: string, itemId: string, version: number) =>
  itemVersion(db, tenantId, itemId, version);
