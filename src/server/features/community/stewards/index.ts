// 楼门管家 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { noticeDeps } from '../../../deps.js';
import { onVoteClosed } from '../../../platform/decide/votes.js';
import { createCasesService } from '../../cases/index.js';
import { createDutyService } from './duty.js';
import { stewardsRoutes } from './routes.js';
import { createStewardsService, onStewardElectionClosed } from './service.js';

export { createStewardsService, onStewardElectionClosed } from './service.js';
export { createDutyService } from './duty.js';

// A closed steward election appoints its winner (the kernel runs this in its closing transaction).
onVoteClosed('steward_election', onStewardElectionClosed);

/** The stewards' API: selection and terms, and the steward at work (opinions file cases through the cases feature's intake). */
export const stewardsApi = (deps: AppDeps) => {
  const cases = createCasesService({ ...deps, ...noticeDeps(deps.config) });
  return stewardsRoutes(createStewardsService(deps), createDutyService({ ...deps, fileCase: cases.intake }));
};

/** The year's numbers per community in scope (社区生活数据 joins them with the other areas'). */
export const stewardNumbers = (deps: AppDeps) => {
  const cases = createCasesService({ ...deps, ...noticeDeps(deps.config) });
  return createDutyService({ ...deps, fileCase: cases.intake }).numbers;
};
