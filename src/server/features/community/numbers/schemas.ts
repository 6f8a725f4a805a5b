import { z } from '@hono/zod-openapi';

// 社区生活数据: the year's counts per community in scope, each area's own numbers side by side.

export const LifeNumbersQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  placeCode: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/)
    .optional(),
});
export type LifeNumbersQueryT = z.infer<typeof LifeNumbersQuery>;

const figures = {
  /** 志愿活动: activities finished in the year, distinct people checked in, hours of activities and posts. */
  activitiesHeld: z.number().int(),
  participants: z.number().int(),
  volunteerHours: z.number(),
  /** 双报到认岗: members who claimed a post, months of service confirmed in the year. */
  postMembers: z.number().int(),
  postMonths: z.number().int(),
  wishesPosted: z.number().int(),
  wishesFulfilled: z.number().int(),
  actionsDone: z.number().int(),
  actionParticipants: z.number().int(),
  pointsEarned: z.number().int(),
  pointsSpent: z.number().int(),
  roomDaysUsed: z.number().int(),
  roomBookedSeats: z.number().int(),
  roomAttended: z.number().int(),
  /** attended / booked seats in per cent, one decimal; null without booked seats. */
  roomParticipationPct: z.number().nullable(),
  stewardOpinions: z.number().int(),
  stewardEvaluations: z.number().int(),
  unitEntriesConfirmed: z.number().int(),
  meals: z.number().int(),
  elderMeals: z.number().int(),
  subsidyFen: z.number().int(),
  /** subsidyFen in yuan with two decimals, for reading. */
  subsidyYuan: z.string(),
};

export const LifeNumbersRowSchema = z
  .object({ communityCode: z.string(), communityName: z.string(), ...figures })
  .openapi('LifeNumbersRow');
export type LifeNumbersRowT = z.infer<typeof LifeNumbersRowSchema>;

export const LifeNumbersSchema = z
  .object({
    year: z.number().int(),
    placeName: z.string().nullable(),
    items: z.array(LifeNumbersRowSchema),
    totals: z.object(figures),
  })
  .openapi('LifeNumbers');
export type LifeNumbersT = z.infer<typeof LifeNumbersSchema>;
