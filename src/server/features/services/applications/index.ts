// What other areas and the app may use of applications (办件); everything else here is its own.
export { applicationsJobs } from './jobs.js';
export { applicationsRoutes } from './routes.js';
export { createApplicationsService, type ApplicationsService } from './service.js';
