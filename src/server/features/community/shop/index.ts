// 积分 · 积分超市 · the resident's hub (issue 16): the API in one line for api.ts. Points are written
// only through platform/community/points.ts; this area reads the ledger, sets rates, corrects, and
// spends in the shop.
import { noticeDeps, type AppDeps } from '../../../deps.js';
import { createRouter } from '../../../platform/http.js';
import { createCasesService, createPublicCaseService } from '../../cases/index.js';
import { createFilesService } from '../../files/index.js';
import { goodsRoutes } from './goods/routes.js';
import { createGoodsService } from './goods/service.js';
import { homeRoutes } from './home/routes.js';
import { createHomeService } from './home/service.js';
import { numbersRoutes } from './numbers.js';
import { pointsRoutes } from './points/routes.js';
import { createPointsService } from './points/service.js';

export { createPointsService } from './points/service.js';
export { createGoodsService } from './goods/service.js';

export const shopApi = (deps: AppDeps) => {
  const withNotices = { ...deps, ...noticeDeps(deps.config) };
  const publicCases = createPublicCaseService(withNotices, createCasesService(withNotices), createFilesService(deps));
  const points = createPointsService(deps);
  const goods = createGoodsService(deps);
  return createRouter()
    .route('/', pointsRoutes(points))
    .route('/', goodsRoutes(goods))
    .route('/', numbersRoutes(points, goods))
    .route('/', homeRoutes(createHomeService(deps, publicCases), deps.config));
};
