// What other features (and the app) may use of smart dispatch (智能派单): the suggestion at intake and
// its outcome at dispatch (cases), the service, routes and nightly job (the app), and the CLI's training.
export { dispatchJobs } from './jobs.js';
export { dispatchRoutes } from './routes.js';
export { createDispatchService, type DispatchService } from './service.js';
export {
  COMMUNITY,
  markAutoRouted,
  recordDispatchOutcome,
  recordSuggestion,
  suggestForIntake,
  type IntakeSuggestion,
} from './suggest.js';
export { trainFromCli } from './train-command.js';
export { trainCounty } from './train.js';
