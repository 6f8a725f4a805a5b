import { createApp } from 'vue';
import { vCan } from '../common/can';
import { installFontFloor } from '../common/font-floor';
import App from './App.vue';
import { namePopupCloseButtons } from './directives/popup-names';
import { vTabFilter } from './directives/tab-filter';
import { vRateLabel, vStepperLabel } from './directives/vant-names';
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
installFontFloor();
setupHttp();
namePopupCloseButtons();
createApp(App)
  .directive('can', vCan)
  .directive('tab-filter', vTabFilter)
  .directive('stepper-label', vStepperLabel)
  .directive('rate-label', vRateLabel)
  .use(i18n)
  .use(router)
  .mount('#app');
