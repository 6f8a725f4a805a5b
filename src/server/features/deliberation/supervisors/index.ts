// 百姓监督员 (issue 17): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { noticeDeps } from '../../../deps.js';
import { onVoteClosed } from '../../../platform/decide/votes.js';
import { createCasesService } from '../../cases/index.js';
import { supervisorsRoutes } from './routes.js';
import { createSupervisorsService, onElectionClosed, type BlowWhistle } from './service.js';

export { createSupervisorsService, onElectionClosed, supervisorReads } from './service.js';

// A closed supervisor election makes its supervisors (the kernel runs this in its closing transaction).
onVoteClosed('supervisor_election', onElectionClosed);

/** The supervisors' API; issues become cases through the cases feature's intake and whistles through the whistle service. */
export const supervisorsApi = (deps: AppDeps, blowWhistle: BlowWhistle) => {
  const cases = createCasesService({ ...deps, ...noticeDeps(deps.config) });
  return supervisorsRoutes(createSupervisorsService({ ...deps, fileCase: cases.intake, blowWhistle }));
};
export { supervisorNumbers } from './numbers.js';
