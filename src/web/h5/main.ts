import { createApp } from 'vue';
import { vCan } from '../common/can';
import App from './App.vue';
import { setupHttp } from './api/http';
import { applyLargeFont } from './composables/use-large-font';
import { i18n } from './i18n';
import { router } from './router';
import './styles/index.css';
import './styles/page.css';
import './styles/card.css';
import './styles/timeline.css';
import './styles/blocks.css';
import './styles/elder.css';

applyLargeFont();
setupHttp();
createApp(App).directive('can', vCan).use(i18n).use(router).mount('#app');
