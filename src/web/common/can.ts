// What the logged-in user may do, so the pages offer only the buttons that would work. The server stays
// the authority: it checks every request again and refuses what these checks would have hidden.
import { computed, type Directive } from 'vue';
import type { Permission } from '../../shared/roles';
import { hasPermission, session } from './session';

/** One permission code (from src/shared/roles.ts), or a list of which any one will do. */
export type PermissionNeed = Permission | readonly Permission[];

/** The checks a component needs: can('cases:intake'), and the places the user's memberships cover. */
export function useCan() {
  return {
    can: (need: PermissionNeed | undefined | null) => hasPermission(need),
    /** The place codes of the user's place memberships (a department's user has none). */
    places: computed(() =>
      (session.me?.memberships ?? []).filter((m) => m.scopeKind === 'place').map((m) => m.scopeCode),
    ),
  };
}

/**
 * v-can="'disputes:write'" (or a list, any one of them): the element is taken out of the page when the
 * user holds none. Like the v-access of vue-vben-admin it removes the element once, when mounted, so it
 * belongs on elements whose earlier siblings never come and go (Vue would insert before the removed
 * element); elsewhere write v-if="can(…)" with useCan().
 */
export const vCan: Directive<Element, PermissionNeed> = {
  mounted(el, binding) {
    if (!hasPermission(binding.value)) el.remove();
  },
};

declare module 'vue' {
  // Registered once per app (admin/main.ts, h5/main.ts), so every template may write v-can.
  interface GlobalDirectives {
    vCan: typeof vCan;
  }
}
