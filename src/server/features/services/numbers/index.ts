// What the rest of the app may use of the services numbers (服务数据): the routes and the service.
export { numbersRoutes } from './routes.js';
export { createNumbersService, type NumbersService } from './service.js';
