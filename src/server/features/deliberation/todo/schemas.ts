import { z } from '@hono/zod-openapi';

// 居民议事待办 (issue 17): deliberation work waiting for the user, one count per kind they may act on.

export const decideTodoKinds = [
  'topicsToScreen',
  'tasksDue',
  'noticesToApprove',
  'objectionsToAnswer',
  'votesToClose',
  'issuesToHandle',
] as const;
export type DecideTodoKind = (typeof decideTodoKinds)[number];

export const DecideTodoSchema = z
  .object({
    /** Today in China time: tasks due by its end count as due. */
    day: z.string(),
    items: z.array(z.object({ kind: z.enum(decideTodoKinds), count: z.number().int() })),
  })
  .openapi('DecideTodo');
export type DecideTodoT = z.infer<typeof DecideTodoSchema>;
