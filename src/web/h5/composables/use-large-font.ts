// 大字模式: a bigger root font size for elderly users. Every size on the phone pages is in rem
// (Vant's variables are re-declared in rem in styles/index.css), so one number scales them all.
import { ref } from 'vue';

const storageKey = 'linli.h5.largeFont';
const normalSize = '16px';
const largeSize = '20px';

function stored() {
  try {
    return localStorage.getItem(storageKey) === '1';
  } catch {
    return false;
  }
}

export const largeFont = ref(stored());

export function applyLargeFont(on = largeFont.value) {
  document.documentElement.style.fontSize = on ? largeSize : normalSize;
  document.documentElement.classList.toggle('is-large-font', on);
}

export function setLargeFont(on: boolean) {
  largeFont.value = on;
  try {
    localStorage.setItem(storageKey, on ? '1' : '0');
  } catch {
    // private mode: lasts for this page only
  }
  applyLargeFont(on);
}
