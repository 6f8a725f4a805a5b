import { z } from '@hono/zod-openapi';

// 待办: community-life work waiting for the user, one count per kind they may act on.

export const todoKinds = [
  'wishesToReview',
  'entriesToConfirm',
  'redemptionsToHandOver',
  'stewardNominations',
  'stewardVotes',
  'bookingsToday',
  'postRecordsToConfirm',
] as const;
export type TodoKind = (typeof todoKinds)[number];

export const TodoSchema = z
  .object({
    day: z.string(),
    items: z.array(z.object({ kind: z.enum(todoKinds), count: z.number().int() })),
  })
  .openapi('CommunityTodo');
export type TodoT = z.infer<typeof TodoSchema>;
