import type { z } from '@hono/zod-openapi';
import type {
  BusinessHoursSchema,
  CalendarDaySchema,
  CalendarOverviewSchema,
  CalendarYearDaysSchema,
  HoursInput,
  ImportInput,
} from '../../../server/features/calendar/schemas';
import { http } from '../http';

// 节假日与工作时间: the holiday calendar of each year, its import from the State Council notice, and the
// county's business hours, which working-day deadlines count in.

export type CalendarOverview = z.infer<typeof CalendarOverviewSchema>;
export type CalendarYear = CalendarOverview['years'][number];
export type CalendarWarning = NonNullable<CalendarOverview['warning']>;
export type CalendarDay = z.infer<typeof CalendarDaySchema>;
export type CalendarYearDays = z.infer<typeof CalendarYearDaysSchema>;
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

export const getCalendar = (signal?: AbortSignal) => http.get<CalendarOverview>('/calendar', { signal });

export const getCalendarYear = (year: number, signal?: AbortSignal) =>
  http.get<CalendarYearDays>(`/calendar/years/${year}`, { signal });

export const importCalendarYear = (year: number, input: z.input<typeof ImportInput>) =>
  http.post<CalendarYearDays>(`/calendar/years/${year}/import`, input);

export const setCalendarDay = (day: string, input: { isWorkday: boolean; name: string }) =>
  http.put<CalendarDay>(`/calendar/days/${encodeURIComponent(day)}`, input);

export const removeCalendarDay = (day: string) =>
  http.delete<{ ok: true }>(`/calendar/days/${encodeURIComponent(day)}`);

export const getBusinessHours = (signal?: AbortSignal) => http.get<BusinessHours>('/calendar/hours', { signal });

export const setBusinessHours = (input: z.input<typeof HoursInput>) =>
  http.put<BusinessHours>('/calendar/hours', input);
