import { onBeforeUnmount, ref } from 'vue';

/** The current time, refreshed every `intervalMs`, so "剩 5 分钟" counts down on an open page. */
export function useNow(intervalMs = 30_000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), intervalMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
