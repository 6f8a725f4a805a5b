// The text of a visit log being written is saved as the user types, so a closed page or a call
// does not lose it; it is cleared once the log is in the queue.
const key = (userId: string, householdCode: string) => `linli.h5.visitText.${userId}.${householdCode || 'none'}`;

export function loadText(userId: string, householdCode: string) {
  try {
    return localStorage.getItem(key(userId, householdCode)) ?? '';
  } catch {
    return '';
  }
}

export function saveText(userId: string, householdCode: string, text: string) {
  try {
    if (text) localStorage.setItem(key(userId, householdCode), text);
    else localStorage.removeItem(key(userId, householdCode));
  } catch {
    // private mode: the text lasts for this page only
  }
}

export const maxContent = 2000;

/** One position fix, or why there is none. */
export function currentPosition(timeoutMs = 10_000): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(resolve, reject, {
      enableHighAccuracy: true,
      timeout: timeoutMs,
      maximumAge: 60_000,
    });
  });
}
