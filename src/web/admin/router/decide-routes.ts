import { Stamp } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { topicsAdminRoutes } from '../views/decide/topics/routes';
import { meetingsAdminRoutes } from '../views/decide/meetings/routes';
import { votesAdminRoutes } from '../views/decide/votes/routes';
import { supervisorsAdminRoutes } from '../views/decide/supervisors/routes';
import { noticesAdminRoutes } from '../views/decide/notices/routes';
import { honoursAdminRoutes } from '../views/decide/honours/routes';
import { numbersAdminRoutes } from '../views/decide/numbers/routes';

// 居民议事 (issue 17): topics, deliberation meetings, votes, supervisors, the five public notices and
// honours, and their numbers; each area keeps its pages in views/decide/<area>/routes.ts.
export const decideRoutes: RouteRecordRaw = {
  path: 'decide',
  name: 'decide',
  meta: {
    titleKey: 'decide.menu.group',
    icon: Stamp,
    permission: ['community:read', 'deliberation:manage', 'notices:write', 'notices:approve', 'honours:manage'],
  },
  children: [
    ...topicsAdminRoutes,
    ...meetingsAdminRoutes,
    ...votesAdminRoutes,
    ...supervisorsAdminRoutes,
    ...noticesAdminRoutes,
    ...honoursAdminRoutes,
    ...numbersAdminRoutes,
  ],
};
