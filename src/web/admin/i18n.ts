import { createI18n } from 'vue-i18n';
import { loadLocale, saveLocale, type Locale } from '../common/locale';
import en from './locales/en';
import zhCN from './locales/zh-CN';

export type Messages = typeof zhCN;

const initial = loadLocale();
document.documentElement.lang = initial;

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  saveLocale(locale);
}
