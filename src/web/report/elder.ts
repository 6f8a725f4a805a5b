// The report app's view of 关怀模式: a reactive flag over the shared class and storage key.
import { reactive } from 'vue';
import { applyElderMode, saveElderMode, storedElderMode } from '../common/elder-mode';

export const elder = reactive({ on: storedElderMode() === true });

export function restoreElder() {
  applyElderMode(elder.on);
}

export function setElder(on: boolean) {
  elder.on = on;
  saveElderMode(on);
}
