// What other features (and the CLI) may use of the calendar: the one loader of what working-day
// deadlines count by, the service and its routes, the yearly check. Everything else is the feature's own.
export { calendarJobs } from './jobs.js';
export { calendarRoutes } from './routes.js';
export { calendarWarning, createCalendarService, workdayCalendar, type CalendarService } from './service.js';
