import type { z } from '@hono/zod-openapi';
import type { TodoSchema } from '../../../server/features/community/todo/schemas';
import { http } from '../http';

// 待办 (issue 16): community-life work waiting for the user, typed from the server's schema.

export type CommunityTodo = z.infer<typeof TodoSchema>;
export type CommunityTodoKind = CommunityTodo['items'][number]['kind'];

export const communityTodo = (signal?: AbortSignal) => http.get<CommunityTodo>('/community/todo', { signal });
