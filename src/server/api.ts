import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './deps.js';
import { noticeDeps } from './deps.js';
import { phoneLoginRoutes } from './features/account/phone-login.js';
import { createPhoneLogin } from './features/account/phone-login-service.js';
import { accountRoutes, publicConfigRoute } from './features/account/routes.js';
import { createAccountService } from './features/account/service.js';
import { publicCaseRoutes } from './features/cases/public-routes.js';
import { createPublicCaseService } from './features/cases/public-service.js';
import { casesRoutes } from './features/cases/routes.js';
import { rosterRoutes } from './features/cases/roster/routes.js';
import { createRosterService } from './features/cases/roster/service.js';
import { createCasesService } from './features/cases/service.js';
import { createSupervisionService } from './features/cases/supervision/service.js';
import { supervisionRoutes } from './features/cases/supervision/routes.js';
import { filesRoutes } from './features/files/routes.js';
import { createFilesService } from './features/files/service.js';
import { gridworkRoutes } from './features/gridwork/routes.js';
import { createGridworkService } from './features/gridwork/service.js';
import { carryPartyOrgs } from './features/orgs/index.js';
import { orgsRoutes } from './features/orgs/routes.js';
import { createOrgsService } from './features/orgs/service.js';
import { peopleRoutes } from './features/people/routes.js';
import { createPeopleService } from './features/people/service.js';
import { apiKeyRoutes } from './features/open311/apikeys.js';
import { createApiKeys } from './features/open311/apikeys-service.js';
import { open311Routes } from './features/open311/routes.js';
import { createOpen311 } from './features/open311/service.js';
import { disputesRoutes } from './features/disputes/routes.js';
import { createDisputesService } from './features/disputes/service.js';
import type { BlowWhistle } from './features/disputes/deps.js';
import { dutiesRoutes } from './features/duties/routes.js';
import { categoriesRoutes, createCategoriesService } from './features/categories/index.js';
import { legalRoutes } from './features/legal/routes.js';
import { createLegalService } from './features/legal/service.js';
import { createDutiesService } from './features/duties/service.js';
import { placesRoutes } from './features/places/routes.js';
import { whistleRoutes } from './features/whistle/routes.js';
import { createWhistleService } from './features/whistle/service.js';
import { monthlyRoutes } from './features/stats/monthly.js';
import { statsRoutes } from './features/stats/routes.js';
import { createStatsService } from './features/stats/service.js';
import { createPlacesService } from './features/places/service.js';
import { qrRoutes } from './features/places/qr-routes.js';
import { createQrPostersService } from './features/places/qr-service.js';
import { usersRoutes } from './features/users/routes.js';
import { createUsersService } from './features/users/service.js';
import type { AppEnv } from './platform/http.js';
import { calendarRoutes, createCalendarService } from './features/calendar/index.js';
import { applicationsRoutes, createApplicationsService } from './features/services/applications/index.js';
import { assistanceRoutes, createAssistanceService } from './features/services/assistance/index.js';
import { numbersRoutes, createNumbersService } from './features/services/numbers/index.js';
import { catalogueRoutes, createCatalogueService } from './features/services/catalogue/index.js';
import { hallApi } from './features/services/hall/index.js';
import { kioskApi } from './features/services/kiosk/index.js';
import { volunteersApi } from './features/community/volunteers/index.js';
import { wishesApi } from './features/community/wishes/index.js';
import { shopApi } from './features/community/shop/index.js';
import { roomsApi } from './features/community/rooms/index.js';
import { stewardsApi } from './features/community/stewards/index.js';
import { unitsApi } from './features/community/units/index.js';
import { canteenApi } from './features/community/canteen/index.js';
import { lifeNumbersApi } from './features/community/numbers/index.js';
import { todoApi } from './features/community/todo/index.js';
import { decideNumbersApi } from './features/deliberation/numbers/index.js';
import { decideTodoApi } from './features/deliberation/todo/index.js';
import { votesApi } from './features/deliberation/votes/index.js';
import { topicsApi } from './features/deliberation/topics/index.js';
import { meetingsApi } from './features/deliberation/meetings/index.js';
import { supervisorsApi } from './features/deliberation/supervisors/index.js';
import { noticesApi } from './features/notices/index.js';
import { honoursApi } from './features/community/honours/index.js';
import { publicPageApi } from './features/public-page/index.js';
import { baseMapApi } from './features/base-map/index.js';
import { createDispatchService, dispatchRoutes } from './features/dispatch/index.js';

// The HTTP API: each feature's service built from the deps, and its routes mounted under /api/v1;
// Open311 (GeoReport v2) beside it under /open311/v2.

export function buildApi(deps: AppDeps) {
  const withNotices = { ...deps, ...noticeDeps(deps.config) };
  const accountService = createAccountService(deps);
  const filesService = createFilesService(deps);
  const casesService = createCasesService(withNotices);
  const statsService = createStatsService(deps);
  const whistleService = createWhistleService(withNotices);
  const blowWhistle: BlowWhistle = (trx, actor, input) => whistleService.blow(actor, input, trx);
  const apiKeys = createApiKeys(deps);
  const secure = { secure: deps.config.COOKIE_SECURE };

  const api = new OpenAPIHono<AppEnv>();
  api.openapi(publicConfigRoute, (c) =>
    c.json(
      {
        appName: '邻里',
        mapTileUrl: deps.config.MAP_TILE_URL,
        mapTileAttribution: deps.config.MAP_TILE_ATTRIBUTION,
        mapTileSubdomains: deps.config.MAP_TILE_SUBDOMAINS,
        demo: deps.config.DEMO_SEED,
      },
      200,
    ),
  );
  api.route('/', baseMapApi(deps));
  api.route('/', accountRoutes(accountService, secure));
  api.route('/', phoneLoginRoutes(createPhoneLogin(deps), accountService, secure));
  api.route('/', placesRoutes(createPlacesService({ ...deps, carryPartyOrgs })));
  api.route('/', peopleRoutes(createPeopleService(deps)));
  api.route('/', filesRoutes(filesService, deps.config.UPLOAD_MAX_MB));
  api.route('/', casesRoutes(casesService));
  api.route('/', rosterRoutes(createRosterService(deps)));
  api.route('/', dispatchRoutes(createDispatchService(deps)));
  api.route('/', supervisionRoutes(createSupervisionService(withNotices)));
  api.route('/', statsRoutes(statsService));
  api.route('/', monthlyRoutes(statsService));
  api.route('/', whistleRoutes(whistleService));
  api.route('/', disputesRoutes(createDisputesService({ ...deps, blowWhistle })));
  api.route('/', dutiesRoutes(createDutiesService(deps)));
  api.route('/', legalRoutes(createLegalService(withNotices)));
  api.route('/', qrRoutes(createQrPostersService({ ...deps, publicUrl: withNotices.publicUrl })));
  api.route('/', apiKeyRoutes(apiKeys));
  api.route('/', publicCaseRoutes(createPublicCaseService(withNotices, casesService, filesService), deps.config));
  api.route('/', gridworkRoutes(createGridworkService(deps)));
  api.route('/', orgsRoutes(createOrgsService(deps)));
  api.route('/', calendarRoutes(createCalendarService(deps)));
  api.route('/', categoriesRoutes(createCategoriesService(deps)));
  api.route('/', usersRoutes(createUsersService(deps)));
  api.route('/', applicationsRoutes(createApplicationsService(withNotices)));
  api.route('/', assistanceRoutes(createAssistanceService(deps)));
  api.route('/', numbersRoutes(createNumbersService(deps)));
  api.route('/', catalogueRoutes(createCatalogueService(deps)));
  api.route('/', hallApi(deps));
  api.route('/', kioskApi(deps));
  // 邻里生活 (issue 16)
  api.route('/', volunteersApi(deps));
  api.route('/', wishesApi(deps));
  api.route('/', shopApi(deps));
  api.route('/', roomsApi(deps));
  api.route('/', stewardsApi(deps));
  api.route('/', unitsApi(deps));
  api.route('/', canteenApi(deps));
  api.route('/', lifeNumbersApi(deps));
  api.route('/', todoApi(deps));
  // 居民议事 (issue 17): topics, meetings, votes, supervisors, the five public notices, honours, the public page.
  api.route('/', votesApi(deps));
  api.route('/', topicsApi(deps));
  api.route('/', meetingsApi(deps));
  api.route('/', supervisorsApi(deps, blowWhistle));
  api.route('/', noticesApi(deps));
  api.route('/', honoursApi(deps));
  api.route('/', publicPageApi(deps));
  api.route('/', decideNumbersApi(deps));
  api.route('/', decideTodoApi(deps));

  const open311 = open311Routes(
    createOpen311({ db: deps.db, cases: casesService, keys: apiKeys, clock: deps.clock, locator: deps.locator }),
    { publicUrl: withNotices.publicUrl },
  );
  return { api, open311 };
}
