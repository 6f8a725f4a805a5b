import type { Directive } from 'vue';

// v-input-label="name": names the text input inside a composite control whose component does not pass
// an aria-label on to it (Element Plus' el-cascader renders its own el-input and drops the attribute),
// so screen readers and axe find the filter's name (issue 18). Use aria-label where a component takes it.
// v-input-label:sizes="name" on el-pagination names its page-size select (Element Plus gives it none).
const apply = (el: Node, name: unknown, arg?: string) => {
  // On a component whose root is a fragment (el-cascader is a tooltip), `el` is the fragment's empty
  // text anchor: its element follows it.
  let host: Node | null = el;
  while (host && !(host instanceof Element)) host = host.nextSibling;
  const input = host?.querySelector(arg === 'sizes' ? '.el-pagination__sizes input' : 'input');
  if (input && typeof name === 'string' && name && input.getAttribute('aria-label') !== name)
    input.setAttribute('aria-label', name);
};

// The control may render its input again on its own (el-cascader once its lazy options and the chosen
// place's names load), after the directive's hooks ran: a watcher names the new input too.
const watchers = new WeakMap<Node, MutationObserver>();
const latest = new WeakMap<Node, { value: string; arg?: string }>();

export const vInputLabel: Directive<Node, string> = {
  mounted: (el, binding) => {
    latest.set(el, binding);
    apply(el, binding.value, binding.arg);
    // Its parent, not the control: at mount the control's box may not be rendered yet.
    const host = el.parentNode;
    if (!host) return;
    const watcher = new MutationObserver(() => {
      const now = latest.get(el);
      if (now) apply(el, now.value, now.arg);
    });
    watcher.observe(host, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-label', 'placeholder'],
    });
    watchers.set(el, watcher);
  },
  updated: (el, binding) => {
    latest.set(el, binding);
    apply(el, binding.value, binding.arg);
  },
  beforeUnmount: (el) => watchers.get(el)?.disconnect(),
};

declare module 'vue' {
  // Registered once in admin/main.ts, so every console template may write v-input-label.
  interface GlobalDirectives {
    vInputLabel: typeof vInputLabel;
  }
}
