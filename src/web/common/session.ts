// Who is logged in, shared by the pages of one app. The server is the truth: the first navigation
// asks GET /me once (when the browser holds a session marker); login and logout update the state; a
// 401 anywhere clears it.
import { reactive } from 'vue';
import type { Permission } from '../../shared/roles';
import * as authApi from './api/auth';
import type { PlaceKind } from '../../shared/place-kinds';
import type { Me, Membership, PublicConfig } from './api-types';
import { ApiError, hasSession, setCsrfToken } from './http';

interface SessionState {
  me: Me | null;
  /** GET /me has answered (with a user or with 401). */
  checked: boolean;
  config: PublicConfig | null;
  /**
   * An administrator set this user's password: the server refuses everything but changing it and
   * logging out (AUTH_PASSWORD_CHANGE_REQUIRED), so the pages send them to the change-password page.
   */
  passwordChangeRequired: boolean;
}

export const session = reactive<SessionState>({
  me: null,
  checked: false,
  config: null,
  passwordChangeRequired: false,
});

function remember(me: Me | null) {
  session.me = me;
  session.checked = true;
  session.passwordChangeRequired = Boolean(me?.mustChangePassword);
  setCsrfToken(me?.csrfToken ?? '');
}

/** The current user, asking the server the first time; null when not logged in. */
export async function ensureSession(): Promise<Me | null> {
  if (session.checked) return session.me;
  // No session marker (the CSRF cookie a login sets): nobody is logged in here — no request, so no 401
  // in the console of every login page. A session that ended keeps it until the 401 clears it.
  if (!hasSession()) {
    remember(null);
    return null;
  }
  try {
    remember(await authApi.getMe());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) remember(null);
    else if (error instanceof ApiError && error.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') {
      remember(null);
      session.passwordChangeRequired = true;
    } else throw error;
  }
  return session.me;
}

/** The user's own new password (the one an administrator set is replaced); then who they are, afresh. */
export async function changeOwnPassword(currentPassword: string, newPassword: string) {
  await authApi.changePassword(currentPassword, newPassword);
  session.checked = false;
  session.passwordChangeRequired = false;
  return ensureSession();
}

export async function login(username: string, password: string) {
  const me = await authApi.login(username, password);
  remember(me);
  return me;
}

/** Residents log in with their phone and the code sent by SMS. */
export async function phoneLogin(phone: string, code: string) {
  const me = await authApi.phoneLogin(phone, code);
  remember(me);
  return me;
}

export async function logout() {
  try {
    await authApi.logout();
  } finally {
    remember(null);
  }
}

/** Forget the user without asking the server (it already said 401). */
export function clearSession() {
  remember(null);
}

export async function loadPublicConfig(): Promise<PublicConfig> {
  if (!session.config) {
    try {
      session.config = await authApi.getPublicConfig();
    } catch {
      // Without the config the pages still work: no demo hint, no map tiles.
      return { appName: '', mapTileUrl: '', mapTileAttribution: '', mapTileSubdomains: [], demo: false };
    }
  }
  return session.config;
}

/** One permission, or a list of which any one will do (pages both sides of a workflow open). */
export function hasPermission(permission: Permission | readonly Permission[] | undefined | null) {
  if (!permission) return true;
  const held = session.me?.permissions ?? [];
  return typeof permission === 'string' ? held.includes(permission) : permission.some((p) => held.includes(p));
}

const countyWide: readonly PlaceKind[] = ['province', 'city', 'county'];

/** Whether one of the user's memberships is on a whole county (or a city or province above it). */
export function reachesCounty(): boolean {
  return (session.me?.memberships ?? []).some(
    (m) => m.scopeKind === 'place' && m.scopeLevel !== null && countyWide.includes(m.scopeLevel),
  );
}

export function primaryMembership(): Membership | null {
  return session.me?.memberships[0] ?? null;
}

/** The place the user's first membership covers, or null for department-scoped users. */
export function scopePlaceCode(): string | null {
  const membership = primaryMembership();
  return membership?.scopeKind === 'place' ? membership.scopeCode : null;
}
