// The kiosk's words: a few lines instead of vue-i18n (the kiosk app stays small). Same locale files
// shape and `{name}` placeholders as the other pages, same language setting.
import { reactive } from 'vue';
import { loadLocale, type Locale } from '../common/locale';
import en from './locales/en';
import zhCN from './locales/zh-CN';

const messages: Record<Locale, unknown> = { 'zh-CN': zhCN, en };
export const i18n = reactive({ locale: 'zh-CN' as Locale });

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function t(key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(messages[i18n.locale], key) ?? lookup(messages['zh-CN'], key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function restoreLocale() {
  i18n.locale = loadLocale();
  document.documentElement.lang = i18n.locale;
}
