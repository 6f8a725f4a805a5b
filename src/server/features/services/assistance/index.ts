// What the rest of the app may use of assistance advisers (救助顾问): its routes, service and jobs.
export { assistanceJobs } from './jobs.js';
export { assistanceRoutes } from './routes.js';
export { createAssistanceService, type AssistanceService } from './service.js';
