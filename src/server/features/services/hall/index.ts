// What other areas may import from the hall: taking a ticket, the kiosk token's hash.
export { findHall } from './repository.js';
export { checkedService, presentTaken, takeTicket } from './queue.js';
export { hashKioskToken } from './tokens.js';
export { createHallService } from './service.js';
export { createQueueService } from './queue.js';
export { createAppointmentService } from './appointments.js';
export { hallRoutes } from './routes.js';

import type { AppDeps } from '../../../deps.js';
import { createAppointmentService as appointments } from './appointments.js';
import { createQueueService as queue } from './queue.js';
import { hallRoutes as routes } from './routes.js';
import { createHallService as halls } from './service.js';

/** The hall's API, built from the app's deps: one line in api.ts. */
export const hallApi = (deps: AppDeps) => routes(halls(deps), queue(deps), appointments(deps));
