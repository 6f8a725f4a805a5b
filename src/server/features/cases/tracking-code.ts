// 查询码: LL-20261124-0042, short enough to read over the phone. The serial counts the cases of
// the day across every county of the deployment, so a code names one case wherever it was filed.

/** The system_counters row that numbers the cases of one Beijing day (YYYY-MM-DD). */
export const trackingCounterName = (day: string): string => `tracking:${day}`;

export const trackingCode = (prefix: string, day: string, serial: number): string =>
  `${prefix}-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
