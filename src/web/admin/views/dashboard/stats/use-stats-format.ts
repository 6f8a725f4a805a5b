import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** How the dashboard writes its numbers: "—" for no data, never 0 % or 100 % in its place. */
export function useStatsFormat() {
  const { t, locale } = useI18n();
  const numbers = computed(() => new Intl.NumberFormat(locale.value));
  const rate = (value: number | null | undefined, digits = 2) =>
    value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : numbers.value.format(value);
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : t('stats.minutes', { n: numbers.value.format(value) });
  const hours = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : numbers.value.format(value);
  /** A short date for axes: 11-03, or 2026-03 → 3月 / Mar 2026. */
  const shortDate = (date: string) => date.slice(5);
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  return { rate, count, minutes, hours, shortDate, monthLabel, numbers };
}
