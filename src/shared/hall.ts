// 一站式大厅 (issue 15): the words of the hall shared by server and web — half-days, ticket states and
// sources, appointment states, and the working hours a hall opens.

export const halfDays = ['am', 'pm'] as const;
export type HalfDayCode = (typeof halfDays)[number];
export const halfDayLabels: Record<HalfDayCode, string> = { am: '上午', pm: '下午' };

/** A half-day a hall opens: weekday 1 (Monday) … 7 (Sunday) and am/pm, e.g. '1am'. */
export const openHalfDayPattern = /^[1-7](am|pm)$/;
export const weekdayLabels = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export const ticketStates = ['waiting', 'called', 'serving', 'done', 'skipped', 'absent'] as const;
export type TicketStateCode = (typeof ticketStates)[number];
export const ticketStateLabels: Record<TicketStateCode, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  done: '已办结',
  skipped: '已过号',
  absent: '未到',
};

export const ticketSources = ['kiosk', 'phone', 'window', 'appointment'] as const;
export type TicketSourceCode = (typeof ticketSources)[number];
export const ticketSourceLabels: Record<TicketSourceCode, string> = {
  kiosk: '自助终端取号',
  phone: '手机取号',
  window: '窗口取号',
  appointment: '预约到号',
};

export const appointmentStates = ['booked', 'cancelled', 'arrived'] as const;
export type AppointmentStateCode = (typeof appointmentStates)[number];
export const appointmentStateLabels: Record<AppointmentStateCode, string> = {
  booked: '已预约',
  cancelled: '已取消',
  arrived: '已到号',
};

/** What a window clerk may do with a called ticket (叫号 itself is `call-next` on the window). */
export const ticketActions = ['recall', 'start', 'done', 'skip', 'requeue', 'absent'] as const;
export type TicketAction = (typeof ticketActions)[number];
export const ticketActionLabels: Record<TicketAction, string> = {
  recall: '重呼',
  start: '开始办理',
  done: '办结',
  skip: '过号',
  requeue: '重新排队',
  absent: '未到',
};

/** The day in China time (UTC+8) of an instant, as YYYY-MM-DD: a hall's day. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The half-day of an instant in China time: before noon is am. */
export const chinaHalfDay = (at: Date): HalfDayCode =>
  new Date(at.getTime() + 8 * 3_600_000).getUTCHours() < 12 ? 'am' : 'pm';

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
export const weekdayOf = (day: string): number => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The day `n` days after a YYYY-MM-DD day. */
export const addDays = (day: string, n: number): string =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
