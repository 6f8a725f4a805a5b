import { reactive } from 'vue';

/** One short message in the middle of the screen (the tracking page shows it: a rating's thanks). */
export const toast = reactive({ message: '' });
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string, ms = 2500) {
  toast.message = message;
  clearTimeout(timer);
  timer = setTimeout(() => (toast.message = ''), ms);
}
