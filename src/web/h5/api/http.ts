// Wires the shared fetch wrapper to the phone pages: their language, messages and login page.
import { configureHttp } from '../../common/http';
import { clearSession } from '../../common/session';
import { currentLocale, i18n } from '../i18n';
import { router } from '../router';

export function setupHttp() {
  configureHttp({
    getLocale: currentLocale,
    fallbackMessage: (status) =>
      status === 0 ? i18n.global.t('common.networkError') : i18n.global.t('common.serverError', { status }),
    onUnauthorized: () => {
      clearSession();
      if (router.currentRoute.value.name !== 'login') void router.replace({ name: 'login' });
    },
  });
}
