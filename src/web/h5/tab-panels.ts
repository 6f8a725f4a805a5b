// Vant's tabs used as filters (a <van-tab> with no content) render no panel, yet each tab still
// names one in aria-controls: a reference to nothing, which screen readers and axe reject. The
// dangling reference is dropped as the tabs appear; tabs with panels are left as they are.
function dropDangling(root: ParentNode) {
  for (const tab of root.querySelectorAll<HTMLElement>('[role=tab][aria-controls]')) {
    const target = tab.getAttribute('aria-controls')!;
    if (!document.getElementById(target)) tab.removeAttribute('aria-controls');
  }
}

export function watchTabPanels(): void {
  new MutationObserver(() => dropDangling(document)).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-controls'],
  });
}
