// 关怀模式 (elder mode) on every resident page (issue 18): one choice per device, shared by the QR
// report and tracking pages (/r), the phone pages (/m) and the kiosk — same origin, one storage key.
// It is a class on <html>; each app's style sheet says what the class changes (large text, 60 px
// targets, one column). No library, no Vue: the QR report page's first script stays small.

/** The one localStorage key: '1' on, '0' off, absent when never chosen. */
export const elderStorageKey = 'linli.elderMode';
/** The class on <html> while elder mode is on. */
export const elderClass = 'is-elder';
/** Older phone pages remembered 大字模式 here; read once when the shared key is absent. */
const legacyKey = 'linli.h5.largeFont';

/** The remembered choice, or null when this device never chose. */
export function storedElderMode(): boolean | null {
  try {
    const value = localStorage.getItem(elderStorageKey) ?? localStorage.getItem(legacyKey);
    return value === null ? null : value === '1';
  } catch {
    return null; // storage blocked (private mode): as never chosen
  }
}

/** Puts the class on <html> (or takes it off). */
export function applyElderMode(on: boolean): void {
  document.documentElement.classList.toggle(elderClass, on);
}

/** Remembers the choice on this device and applies it at once. */
export function saveElderMode(on: boolean): void {
  try {
    localStorage.setItem(elderStorageKey, on ? '1' : '0');
  } catch {
    // private mode: lasts for this page only
  }
  applyElderMode(on);
}

/**
 * The first visit of a resident the registry knows to be 60 or older (GET /me's `elderly`) turns elder
 * mode on; the switch, visible on every page, turns it off again and that choice is kept. A choice
 * already made on this device is never overridden. Returns whether it was turned on now.
 */
export function offerElderMode(elderly: boolean | undefined): boolean {
  if (!elderly || storedElderMode() !== null) return false;
  saveElderMode(true);
  return true;
}
