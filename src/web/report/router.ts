// Two pages, so no router library: the address decides the page, and links inside the app move
// with history.pushState (the back button works, nothing reloads).
import { reactive } from 'vue';

export type Page =
  | { name: 'report'; community: string; placeToken?: string }
  | { name: 'track'; code: string; token: string }
  | { name: 'home' };

const trackingCode = /^[A-Za-z]{1,4}-\d{8}-\d{4,6}$/;

function parse(): Page {
  const parts = location.pathname.replace(/\/+$/, '').split('/').filter(Boolean); // ['r', …]
  const query = new URLSearchParams(location.search);
  if (parts[1] === 'track' && parts[2] && trackingCode.test(decodeURIComponent(parts[2]))) {
    return { name: 'track', code: decodeURIComponent(parts[2]).toUpperCase(), token: query.get('t') ?? '' };
  }
  if (parts[1] && /^\d{12}$/.test(parts[1])) return { name: 'report', community: parts[1] };
  // /r/p/{token}: the poster of a building, unit or spot (the server tells which, or that it is no good)
  if (parts[1] === 'p' && parts[2] && /^[0-9A-Za-z]{1,40}$/.test(parts[2]))
    return { name: 'report', community: '', placeToken: parts[2] };
  return { name: 'home' };
}

export const route = reactive<{ page: Page }>({ page: parse() });

/** What one page hands to the next without putting it in the address (the phone's last 4 digits). */
export const handover = reactive({ phone4: '' });

export function navigate(path: string) {
  history.pushState(null, '', path);
  route.page = parse();
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => (route.page = parse()));

export const isTrackingCode = (value: string) => trackingCode.test(value.trim());
