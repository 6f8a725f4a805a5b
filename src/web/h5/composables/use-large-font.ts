// 大字模式 = 关怀模式 (elder mode) on the phone pages: a bigger root font size (every size on the
// phone pages is in rem; Vant's variables are re-declared in rem in styles/index.css), and the
// shared class and storage key of common/elder-mode.ts, so the choice made on the QR report page,
// the kiosk or here is the same one. styles/elder.css says what else the class changes.
import { ref } from 'vue';
import { applyElderMode, offerElderMode, saveElderMode, storedElderMode } from '../../common/elder-mode';

const normalSize = '16px';
const largeSize = '20px';

export const largeFont = ref(storedElderMode() === true);

export function applyLargeFont(on = largeFont.value) {
  document.documentElement.style.fontSize = on ? largeSize : normalSize;
  document.documentElement.classList.toggle('is-large-font', on);
  applyElderMode(on);
}

export function setLargeFont(on: boolean) {
  largeFont.value = on;
  saveElderMode(on);
  applyLargeFont(on);
}

/** Turned on for a resident of 60 or more on the first visit (not chosen before): the home page says so once. */
export const largeFontOffered = ref(false);

export function offerLargeFont(elderly: boolean | undefined) {
  if (!offerElderMode(elderly)) return;
  largeFont.value = true;
  largeFontOffered.value = true;
  applyLargeFont(true);
}
