// What other features (and the demo) may use of duties: the service, its routes, the verdict on a
// task handed down (准入核验) and the row of a duty list sheet. Everything else here is the feature's own.
export type { DutyItemRow } from './excel.js';
export { dutiesRoutes } from './routes.js';
export { createDutiesService, type DutiesService } from './service.js';
export { taskVerdict } from './verdict.js';
