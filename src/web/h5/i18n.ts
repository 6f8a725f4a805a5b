import { Locale as VantLocale } from 'vant';
import enUS from 'vant/es/locale/lang/en-US';
import zhCNVant from 'vant/es/locale/lang/zh-CN';
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

function useVantLocale(locale: Locale) {
  if (locale === 'en') VantLocale.use('en-US', enUS);
  else VantLocale.use('zh-CN', zhCNVant);
}
useVantLocale(initial);

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  saveLocale(locale);
  useVantLocale(locale);
  document.title = i18n.global.t('common.appName');
}
