import { i18n } from '../i18n';

// Vant's popups (sheets, dialogs, action sheets) close by a tap on the dark overlay and, when
// closeable, on a × icon; both are role="button" without a name, and Vant takes no label for
// either (issue 18, axe's aria-command-name). One watcher names every such button "关闭" as it
// appears, whichever page opened the popup; the popup itself is named by its aria-label.

const unnamed =
  '.van-overlay[role="button"]:not([aria-label]), .van-popup__close-icon[role="button"]:not([aria-label])';

function nameCloseButtons(root: ParentNode) {
  const label = i18n.global.t('common.close');
  root.querySelectorAll(unnamed).forEach((el) => el.setAttribute('aria-label', label));
}

export function namePopupCloseButtons(): void {
  nameCloseButtons(document);
  new MutationObserver(() => nameCloseButtons(document)).observe(document.body, { childList: true, subtree: true });
}
