// A few lines instead of vue-i18n: this page opens from a QR code on an old phone and a weak
// signal, so every kilobyte counts. Same locale files, same `{name}` placeholders, same language
// setting as the other pages.
// Chinese is in the page; English is fetched the first time someone asks for it.
import { reactive, shallowReactive } from 'vue';
import { loadLocale, saveLocale, type Locale } from '../common/locale';
import zhCN from './locales/zh-CN';

const messages = shallowReactive<Partial<Record<Locale, unknown>>>({ 'zh-CN': zhCN });
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

export const has = (key: string) =>
  lookup(messages[i18n.locale], key) !== undefined || lookup(messages['zh-CN'], key) !== undefined;

/** Words a page loaded later brings along (the tracking page). */
export function addMessages(locale: Locale, more: Record<string, unknown>) {
  messages[locale] = { ...(messages[locale] as Record<string, unknown>), ...more };
}

async function ensureMessages(locale: Locale) {
  if (!messages[locale]) messages[locale] = (await import('./locales/en')).default;
}

export async function setLocale(locale: Locale, remember = true) {
  try {
    await ensureMessages(locale);
  } catch {
    return; // offline: stay in the language the page has
  }
  i18n.locale = locale;
  if (remember) saveLocale(locale);
  else document.documentElement.lang = locale;
  document.title = t('app.title');
}

/** The language chosen before (on any Linli page), once its messages are here. */
export function restoreLocale() {
  document.documentElement.lang = i18n.locale;
  const saved = loadLocale();
  if (saved !== i18n.locale) void setLocale(saved, false);
}
