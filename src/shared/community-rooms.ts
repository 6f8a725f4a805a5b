// 功能室 (issue 16, rooms): the words the server and both web apps share — booking states and
// actions, who a booking is for, opening hours and the default usage targets.

export const bookingStates = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type BookingState = (typeof bookingStates)[number];
export const bookingStateLabels: Record<BookingState, string> = {
  booked: '已预约',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到场',
};

/** What a person may do to a booking (no-show is the job's alone). */
export const bookingActions = ['check-in', 'complete', 'cancel'] as const;
export type BookingAction = (typeof bookingActions)[number];
export const bookingActionLabels: Record<BookingAction, string> = {
  'check-in': '签到',
  complete: '完成',
  cancel: '取消',
};

export const bookingForKinds = ['team', 'unit', 'group'] as const;
export type BookingForKind = (typeof bookingForKinds)[number];
export const bookingForLabels: Record<BookingForKind, string> = {
  team: '志愿服务队',
  unit: '共建单位',
  group: '居民团体',
};

/** One weekday's opening: 'HH:MM' to 'HH:MM'; null when closed. */
export interface OpeningPeriod {
  open: string;
  close: string;
}
/** Seven entries, Monday first. */
export type OpeningHours = (OpeningPeriod | null)[];
export const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export const hhmmPattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmmOf = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
/** Monday = 0 … Sunday = 6, of a 'YYYY-MM-DD' day. */
export const weekdayIndex = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** 使用率目标: used on ≥ 50 days a year with ≥ 60 % of booked seats attended. */
export const defaultRoomTargets = { minDaysUsed: 50, minParticipationPct: 60 } as const;
