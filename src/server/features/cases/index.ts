// What other features (and the app) may use of cases: building the service, its routes and jobs,
// reading one case and adding to its timeline (a whistle blown on a case, a dispute recorded from
// one). Everything else here is the feature's own.
export { casesJobs } from './jobs.js';
export { publicCaseRoutes } from './public-routes.js';
export { createPublicCaseService } from './public-service.js';
export { findCase, insertEvent } from './repository.js';
export { rosterRoutes } from './roster/routes.js';
export { createRosterService } from './roster/service.js';
export { casesRoutes } from './routes.js';
export { createCasesService, type CasesService } from './service.js';
export type { CasesDeps } from './deps.js';
