// Shared bits of the meetings pages: times in Beijing time, and tag colours by state.
export const shownAt = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

export const stateTag = (state: string): 'primary' | 'success' | 'info' | 'warning' =>
  state === 'planned' ? 'warning' : state === 'in_progress' ? 'primary' : state === 'held' ? 'success' : 'info';
