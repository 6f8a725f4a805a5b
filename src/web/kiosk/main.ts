import { createApp } from 'vue';
import { configureHttp } from '../common/http';
import { applyElderMode, storedElderMode } from '../common/elder-mode';
import App from './App.vue';
import { i18n, restoreLocale, t } from './i18n';
import './styles.css';

configureHttp({
  getLocale: () => i18n.locale,
  fallbackMessage: (status) => (status === 0 ? t('common.networkError') : t('common.serverError', { status })),
});
restoreLocale();
applyElderMode(storedElderMode() === true);
document.title = t('app.title');
createApp(App).mount('#app');
