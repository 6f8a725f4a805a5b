import { onBeforeUnmount, ref } from 'vue';

/** True while the viewport is narrower than `maxWidth` (phones, small tablets). */
export function useIsNarrow(maxWidth = 768) {
  const query = window.matchMedia(`(max-width: ${maxWidth - 0.02}px)`);
  const narrow = ref(query.matches);
  const update = (event: MediaQueryListEvent) => (narrow.value = event.matches);
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return narrow;
}
