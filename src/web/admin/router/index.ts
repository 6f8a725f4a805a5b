import { createRouter, createWebHistory } from 'vue-router';
import { ensureSession, hasPermission, reachesCounty, session } from '../../common/session';
import { routes } from './routes';
import { refreshTitle } from './title';

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

const redirectOf = (path: string) => (path === '/' || path === '/dashboard' ? {} : { redirect: path });

router.beforeEach(async (to) => {
  let me = null;
  try {
    me = await ensureSession();
  } catch {
    me = null; // server unreachable: the login page will say so when the user tries
  }
  // A password an administrator set must be replaced before anything else (the server insists too).
  if (session.passwordChangeRequired)
    return to.name === 'change-password' ? true : { name: 'change-password', query: redirectOf(to.fullPath) };
  if (to.name === 'change-password') return me ? { name: 'dashboard' } : { name: 'login' };
  if (to.meta.public) {
    if (me && to.name === 'login')
      return typeof to.query.redirect === 'string' ? to.query.redirect : { name: 'dashboard' };
    return true;
  }
  if (!me) return { name: 'login', query: redirectOf(to.fullPath) };
  const needed = to.matched.map((record) => record.meta.permission).filter(Boolean);
  if (!needed.every((permission) => hasPermission(permission))) {
    // /dashboard is everyone's home page: who may not see the statistics gets the workbench.
    return to.name === 'dashboard' ? { name: 'workbench' } : { name: 'forbidden' };
  }
  if (to.matched.some((record) => record.meta.countyWide) && !reachesCounty()) return { name: 'forbidden' };
  return true;
});

router.afterEach((to) => refreshTitle(to.meta.titleKey));
