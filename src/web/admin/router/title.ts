// The browser tab title of a page. Kept apart from the router so that components (the language switch)
// can set it without importing the router, which imports every page.
import { i18n } from '../i18n';

/** Sets the browser tab title from a page's title key (also after a language switch). */
export function refreshTitle(titleKey: string | undefined) {
  const t = i18n.global.t;
  document.title = titleKey ? `${t(titleKey)} · ${t('common.appFullName')}` : t('common.appFullName');
}
