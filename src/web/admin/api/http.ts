// Wires the shared fetch wrapper to the console: its language, its messages and its login page.
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
      const current = router.currentRoute.value;
      if (current.name !== 'login') void router.replace({ name: 'login', query: { redirect: current.fullPath } });
    },
  });
}
