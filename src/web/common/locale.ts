// The UI language: Simplified Chinese unless the user chose English. Shared by the console and
// the phone pages (same origin, same storage key), and sent to the server as Accept-Language.
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'linli.locale';

export function loadLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveLocale(locale: Locale) {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
}
