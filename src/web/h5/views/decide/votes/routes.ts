import type { RouteRecordRaw } from 'vue-router';

// 表决 (issue 17): this area's phone pages — my votes, the voting page, the receipt check.
export const votesPhoneRoutes: RouteRecordRaw[] = [
  {
    path: '/votes',
    name: 'my-votes',
    component: () => import('./index.vue'),
    meta: { titleKey: 'decide.votes.title' },
  },
  {
    path: '/votes/:id',
    name: 'my-vote',
    component: () => import('./vote.vue'),
    meta: { titleKey: 'decide.votes.title' },
  },
  {
    path: '/votes/:id/check',
    name: 'my-vote-check',
    component: () => import('./check.vue'),
    meta: { titleKey: 'decide.votes.checkTitle' },
  },
];
