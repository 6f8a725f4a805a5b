// 督办 page: the level filter, the colour of a level, and "how late" in words.

export const pageSizes = [20, 50, 100];
export const levelOptions = ['0', '1', '2'] as const;

export const levelTagType = (level: number) => (level >= 2 ? 'danger' : level === 1 ? 'warning' : 'info');

/** How late, as the i18n key and its parameters: minutes, hours and minutes, or days and hours. */
export function lateParts(minutes: number): { key: string; params: Record<string, number> } {
  if (minutes < 60) return { key: 'cases.supervision.minutes', params: { n: minutes } };
  if (minutes < 24 * 60)
    return { key: 'cases.supervision.hours', params: { h: Math.floor(minutes / 60), m: minutes % 60 } };
  return {
    key: 'cases.supervision.days',
    params: { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) },
  };
}

export const noteIsValid = (note: string) => [...note.trim()].length >= 2;
