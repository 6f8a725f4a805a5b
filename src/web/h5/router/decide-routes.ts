import type { RouteRecordRaw } from 'vue-router';
import { topicsPhoneRoutes } from '../views/decide/topics/routes';
import { meetingsPhoneRoutes } from '../views/decide/meetings/routes';
import { votesPhoneRoutes } from '../views/decide/votes/routes';
import { supervisorsPhoneRoutes } from '../views/decide/supervisors/routes';
import { noticesPhoneRoutes } from '../views/decide/notices/routes';
import { honoursPhoneRoutes } from '../views/decide/honours/routes';
import { publicPagePhoneRoutes } from '../views/decide/public-page/routes';

// 居民议事 (issue 17): each area keeps its phone pages in views/decide/<area>/routes.ts. The public
// community page (/m/c/<community code>) and the notice board are open without login.
export const decidePhoneRoutes: RouteRecordRaw[] = [
  ...topicsPhoneRoutes,
  ...meetingsPhoneRoutes,
  ...votesPhoneRoutes,
  ...supervisorsPhoneRoutes,
  ...noticesPhoneRoutes,
  ...honoursPhoneRoutes,
  ...publicPagePhoneRoutes,
];
