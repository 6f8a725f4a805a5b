// 功能室预约 (issue 16): what other areas may import from here, and the API in one line for api.ts.
import type { AppDeps } from '../../../deps.js';
import { createBookingService, noShowJob } from './bookings.js';
import { roomsRoutes } from './routes.js';
import { createRoomsService } from './service.js';

export { createBookingService, noShowJob } from './bookings.js';
export { createRoomsService } from './service.js';

export const roomsApi = (deps: AppDeps) => roomsRoutes(createRoomsService(deps), createBookingService(deps));

/** The background work of rooms: the no-show mark at each booking's end. */
export const roomsJobs = () => [noShowJob];
