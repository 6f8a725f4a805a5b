// 关怀模式 (elder mode) of the public pages: the phone's one 大字模式 (use-large-font.ts: a 20 px root,
// every size in rem), plus the first visit's one-tap question, both remembered on the device.
// Pages put `elder-page` on their root and import styles/elder.css (through ElderSwitch.vue) for
// what large text alone does not give: 60 px touch targets, one column, line height 1.5.
import { ref } from 'vue';
import { storedElderMode } from '../../common/elder-mode';
import { largeFont, setLargeFont } from './use-large-font';

const askedKey = 'linli.h5.elderAsked';

function storedAsked() {
  try {
    // a choice made anywhere on this device (report page, kiosk, 我的) counts as an answer
    return localStorage.getItem(askedKey) === '1' || storedElderMode() !== null;
  } catch {
    return true; // no storage: do not ask on every page
  }
}

/** The visitor has answered 切换到大字模式? (or switched by hand): not asked again. */
export const elderAsked = ref(storedAsked());

function rememberAsked() {
  elderAsked.value = true;
  try {
    localStorage.setItem(askedKey, '1');
  } catch {
    // private mode: asked again next time
  }
}

export function useElderMode() {
  return {
    /** On: large text and the elder layout. The same switch as 我的 › 大字模式. */
    elderMode: largeFont,
    elderAsked,
    setElderMode(on: boolean) {
      setLargeFont(on);
      rememberAsked();
    },
  };
}
