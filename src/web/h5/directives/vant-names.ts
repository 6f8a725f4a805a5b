import type { Directive } from 'vue';
import { i18n } from '../i18n';

// Names for the parts of Vant controls that Vant leaves unnamed (issue 18): a screen reader would
// say "button", "button" and "spin button" for a stepper, "radio button" five times for the stars.
// The directives name them after the field's own label, the value bound to the directive.

const t = (key: string, values: Record<string, unknown>) => i18n.global.t(key, values);

function nameStepper(el: HTMLElement, label: string) {
  el.querySelector('.van-stepper__minus')?.setAttribute('aria-label', t('a11y.less', { name: label }));
  el.querySelector('.van-stepper__plus')?.setAttribute('aria-label', t('a11y.more', { name: label }));
  el.querySelector('.van-stepper__input')?.setAttribute('aria-label', label);
}

/** `<van-stepper v-stepper-label="dish name">`: the − and + buttons and the number box say what they count. */
export const vStepperLabel: Directive<HTMLElement, string> = {
  mounted: (el, binding) => nameStepper(el, binding.value),
  updated: (el, binding) => nameStepper(el, binding.value),
};

function nameRate(el: HTMLElement, label: string) {
  el.setAttribute('aria-label', label);
  el.querySelectorAll('[role="radio"]').forEach((star, i) =>
    star.setAttribute('aria-label', t('a11y.stars', { n: i + 1 })),
  );
}

/** `<van-rate v-rate-label="评分">`: the group says what is rated and each star its number. */
export const vRateLabel: Directive<HTMLElement, string> = {
  mounted: (el, binding) => nameRate(el, binding.value),
  updated: (el, binding) => nameRate(el, binding.value),
};

declare module 'vue' {
  interface GlobalDirectives {
    vStepperLabel: typeof vStepperLabel;
    vRateLabel: typeof vRateLabel;
  }
}
