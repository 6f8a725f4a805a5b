// The smallest text of 关怀模式 (issue 18) on pages whose style sheets have many small sizes: every
// font-size declaration of the page's own style sheets becomes max(var(--elder-min-font, 0px), <size>).
// Without the variable (normal mode) nothing changes; html.is-elder sets it (18 px), so no text
// is smaller while headings keep their larger sizes. Style sheets loaded later (a page's chunk) too.
// CSSOM edits, not inline styles: the Content-Security-Policy stays strict.

const done = new WeakSet<CSSStyleSheet>();
/** Lengths and expressions; keywords (inherit, smaller) are left as they are. */
const sized = /^(?:[\d.]+(?:px|rem|em|%)|(?:var|calc|max|min|clamp)\(.*)$/;

function floorRules(rules: CSSRuleList) {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      const size = rule.style.getPropertyValue('font-size');
      if (sized.test(size) && !size.includes('--elder-min-font')) {
        const priority = rule.style.getPropertyPriority('font-size');
        rule.style.setProperty('font-size', `max(var(--elder-min-font, 0px), ${size})`, priority);
      }
    }
    if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) floorRules(rule.cssRules);
  }
}

function floorSheet(sheet: CSSStyleSheet | null) {
  if (!sheet || done.has(sheet)) return;
  try {
    floorRules(sheet.cssRules);
    done.add(sheet);
  } catch {
    // another origin's sheet, or not loaded yet: its load event comes back here
  }
}

/** Puts the floor under every style sheet of the page, now and as more load. */
export function installFontFloor(): void {
  for (const sheet of document.styleSheets) floorSheet(sheet);
  new MutationObserver((changes) => {
    for (const change of changes)
      for (const node of change.addedNodes) {
        if (node instanceof HTMLLinkElement && node.rel === 'stylesheet') {
          floorSheet(node.sheet);
          node.addEventListener('load', () => floorSheet(node.sheet));
        } else if (node instanceof HTMLStyleElement) floorSheet(node.sheet);
      }
  }).observe(document.head, { childList: true });
}
