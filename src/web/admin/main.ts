import { createApp } from 'vue';
import { vCan } from '../common/can';
import App from './App.vue';
import { setupHttp } from './api/http';
import { i18n } from './i18n';
import { vInputLabel } from './input-label';
import { router } from './router';
import './styles/index.css';
import './styles/blocks.css';

setupHttp();
createApp(App).directive('can', vCan).directive('input-label', vInputLabel).use(i18n).use(router).mount('#app');
