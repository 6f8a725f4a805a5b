import type { Directive } from 'vue';

// Tabs that filter the list below them own no panel, yet Vant's tab titles still name one with
// aria-controls: an id that names nothing is invalid ARIA, and screen readers announce a panel that is
// not there (issue 18, axe's aria-valid-attr-value). `v-tab-filter` on a <van-tabs> drops the
// aria-controls that name no element inside the tabs; titles whose panel exists keep theirs.
function dropDanglingControls(el: HTMLElement) {
  for (const tab of el.querySelectorAll('[role="tab"][aria-controls]')) {
    const id = tab.getAttribute('aria-controls') ?? '';
    if (!el.querySelector(`#${CSS.escape(id)}`)) tab.removeAttribute('aria-controls');
  }
}

export const vTabFilter: Directive<HTMLElement> = {
  mounted: dropDanglingControls,
  updated: dropDanglingControls,
};

declare module 'vue' {
  interface GlobalDirectives {
    vTabFilter: typeof vTabFilter;
  }
}
