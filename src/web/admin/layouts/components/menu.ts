import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { hasPermission, reachesCounty } from '../../../common/session';
import { layoutChildren } from '../../router/layout-routes';

export interface MenuItem {
  index: string;
  titleKey: string;
  icon?: Component;
  children?: MenuItem[];
}

const join = (base: string, path: string) => (path.startsWith('/') ? path : `${base.replace(/\/$/, '')}/${path}`);

function toItems(records: RouteRecordRaw[], base: string): MenuItem[] {
  const items: MenuItem[] = [];
  for (const record of records) {
    const meta = record.meta ?? {};
    if (meta.hideInMenu || !meta.titleKey || !hasPermission(meta.permission)) continue;
    if (meta.countyWide && !reachesCounty()) continue;
    const index = join(base, record.path);
    if (record.children?.length) {
      const children = toItems(record.children, index);
      if (children.length) items.push({ index, titleKey: meta.titleKey, icon: meta.icon, children });
    } else {
      items.push({ index, titleKey: meta.titleKey, icon: meta.icon });
    }
  }
  return items;
}

/** The menu the current user may see, from the routes' meta (title, icon, permission). */
export const buildMenu = () => toItems(layoutChildren, '/');
