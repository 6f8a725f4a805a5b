import type { RouteRecordRaw } from 'vue-router';

// 议题 (issue 17): this area's phone pages — the 议事 hub, raising a topic, one topic with its trail.
export const topicsPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/topics',
    name: 'topics',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.topics.title' },
  },
  {
    path: '/topics/new',
    name: 'topic-new',
    component: () => import('./new.vue'),
    meta: { titleKey: 'decide.topics.newTitle' },
  },
  {
    path: '/topics/:id',
    name: 'topic',
    component: () => import('./detail.vue'),
    meta: { titleKey: 'decide.topics.detailTitle' },
  },
];
