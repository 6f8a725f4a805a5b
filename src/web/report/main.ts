import { createApp } from 'vue';
import { configureHttp } from '../common/http';
import App from './App.vue';
import { restoreElder } from './elder';
import { i18n, restoreLocale, t } from './i18n';
import './styles.css';

configureHttp({
  getLocale: () => i18n.locale,
  fallbackMessage: (status) => (status === 0 ? t('common.networkError') : t('common.serverError', { status })),
});
restoreLocale();
restoreElder();
document.title = t('app.title');
createApp(App).mount('#app');
