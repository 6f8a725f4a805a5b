// A paged, searchable list whose state (q, under, page, size and any extra keys) lives in the
// address bar: loads on every change through useRequest (which cancels the previous request and keeps
// the loading/error state).
import { computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Paged } from '../../common/api-types';
import { useRequest } from '../../common/use-request';

export const pageSizes = [10, 20, 50, 100];
export const defaultPageSize = 20;

export interface PagedState {
  q: string;
  under: string;
  page: number;
  size: number;
  extra: Record<string, string>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function usePagedList<T>(
  loader: (state: PagedState, signal: AbortSignal) => Promise<Paged<T>>,
  extraKeys: string[] = [],
) {
  const route = useRoute();
  const router = useRouter();

  const state = computed<PagedState>(() => {
    const page = Number.parseInt(text(route.query.page), 10);
    const size = Number.parseInt(text(route.query.size), 10);
    return {
      q: text(route.query.q),
      under: text(route.query.under),
      page: Number.isFinite(page) && page > 0 ? page : 1,
      size: pageSizes.includes(size) ? size : defaultPageSize,
      extra: Object.fromEntries(extraKeys.map((key) => [key, text(route.query[key])])),
    };
  });
  const { data: result, loading, error, run: load } = useRequest<Paged<T>>((signal) => loader(state.value, signal));

  /** Changes the state; any change other than the page starts again at page 1. */
  function update(next: Partial<Omit<PagedState, 'extra'>> & { extra?: Record<string, string> }) {
    const merged = {
      ...state.value,
      ...('page' in next ? {} : { page: 1 }),
      ...next,
      extra: { ...state.value.extra, ...next.extra },
    };
    const query: Record<string, string> = {};
    if (merged.q) query.q = merged.q;
    if (merged.under) query.under = merged.under;
    if (merged.page > 1) query.page = String(merged.page);
    if (merged.size !== defaultPageSize) query.size = String(merged.size);
    for (const [key, value] of Object.entries(merged.extra)) if (value) query[key] = value;
    void router.replace({ query });
  }

  watch(
    () => JSON.stringify(state.value),
    () => void load(),
    { immediate: true },
  );

  return { state, result, loading, error, load, update };
}
