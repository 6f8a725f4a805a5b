import { z } from '@hono/zod-openapi';
import { text } from '../../../platform/text-schema.js';

// The volunteers API's shapes: inputs checked at the edge, outputs as the API gives them.

const uuid = z.string().uuid();
const placeCode = z.string().regex(/^\d{12}$/);
const instant = z.string().datetime({ offset: true });
const year = z.coerce.number().int().min(2000).max(2100);

export const IdParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });
export const ActivityActionParams = z.object({
  id: uuid.openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(['publish', 'finish', 'cancel']).openapi({ param: { name: 'action', in: 'path' } }),
});
export const TokenParam = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .openapi({ param: { name: 'token', in: 'path' } }),
});
export const UserParams = z.object({ userId: uuid.openapi({ param: { name: 'userId', in: 'path' } }) });

export const ActivityListQuery = z.object({
  placeCode: placeCode.optional(),
  state: z.enum(['draft', 'published', 'finished', 'cancelled']).optional(),
  year: year.optional(),
});
export const YearQuery = z.object({ year: year.optional() });
export const YearPlaceQuery = z.object({ year: year.optional(), placeCode: placeCode.optional() });
export const PlaceQuery = z.object({ placeCode: placeCode.optional() });

const Location = { lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) };

export const ActivityInput = z
  .object({
    communityCode: placeCode,
    teamId: uuid.nullable().optional(),
    title: text({ min: 1, max: 60 }),
    description: text({ max: 2000, multiline: true }).default(''),
    address: text({ max: 120 }).default(''),
    location: z.object(Location).nullable().optional(),
    radiusM: z.number().int().min(10).max(5000).nullable().optional(),
    startsAt: instant,
    endsAt: instant,
    capacity: z.number().int().min(1).max(10000),
    signupDeadline: instant.optional(),
    attendPoints: z.number().int().min(0).max(1000).nullable().optional(),
  })
  .openapi('VolunteerActivityInput');
export type ActivityInputT = z.infer<typeof ActivityInput>;

export const ActivityPatch = ActivityInput.omit({ communityCode: true }).partial().openapi('VolunteerActivityPatch');
export type ActivityPatchT = z.infer<typeof ActivityPatch>;

export const ActionInput = z.object({ reason: text({ max: 200 }).optional() }).openapi('VolunteerActivityActionInput');

export const LocationInput = z.object(Location).openapi('VolunteerCheckinLocation');

export const AttendanceInput = z
  .object({
    signupId: uuid.optional(),
    guestName: text({ min: 1, max: 30 }).optional(),
    minutes: z.number().int().min(0).max(1440),
  })
  .refine((v) => (v.signupId ? 1 : 0) + (v.guestName ? 1 : 0) === 1, { message: 'signupId or guestName' })
  .openapi('VolunteerAttendanceInput');
export type AttendanceInputT = z.infer<typeof AttendanceInput>;

export const PostInput = z
  .object({
    communityCode: placeCode,
    title: text({ min: 1, max: 60 }),
    duty: text({ max: 1000, multiline: true }).default(''),
    slots: z.number().int().min(1).max(1000),
  })
  .openapi('VolunteerPostInput');
export type PostInputT = z.infer<typeof PostInput>;
export const PostPatch = z
  .object({
    title: text({ min: 1, max: 60 }).optional(),
    duty: text({ max: 1000, multiline: true }).optional(),
    slots: z.number().int().min(1).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .openapi('VolunteerPostPatch');
export type PostPatchT = z.infer<typeof PostPatch>;

export const RecordInput = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    minutes: z.number().int().min(1).max(44640),
    note: text({ max: 500, multiline: true }).default(''),
  })
  .openapi('VolunteerPostRecordInput');
export type RecordInputT = z.infer<typeof RecordInput>;

// ---- outputs

export const ActivitySchema = z
  .object({
    id: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    address: z.string(),
    location: z.object(Location).nullable(),
    radiusM: z.number().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    capacity: z.number(),
    signupDeadline: z.string(),
    attendPoints: z.number().nullable(),
    state: z.enum(['draft', 'published', 'finished', 'cancelled']),
    cancelReason: z.string(),
    signedUp: z.number(),
    waiting: z.number(),
    /** the staff's actions (publish, finish, cancel) the caller may take now */
    actions: z.array(z.string()),
    /** may the caller edit it */
    editable: z.boolean(),
  })
  .openapi('VolunteerActivity');

export const MySignupSchema = z
  .object({
    id: z.string(),
    state: z.enum(['signed_up', 'waiting', 'cancelled']),
    /** place on the waiting list (1 = next), null when not waiting */
    waitingPosition: z.number().nullable(),
    checkedInAt: z.string().nullable(),
    checkedOutAt: z.string().nullable(),
    minutes: z.number(),
  })
  .openapi('VolunteerMySignup');

export const ActivityDetailSchema = ActivitySchema.extend({
  mySignup: MySignupSchema.nullable(),
  /** what the caller may do now as a participant */
  may: z.object({
    signUp: z.boolean(),
    cancelSignup: z.boolean(),
    checkIn: z.boolean(),
    checkOut: z.boolean(),
  }),
}).openapi('VolunteerActivityDetail');

export const SignupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phoneMasked: z.string().nullable(),
    guest: z.boolean(),
    state: z.enum(['signed_up', 'waiting', 'cancelled']),
    queuedAt: z.string(),
    checkedInAt: z.string().nullable(),
    checkedOutAt: z.string().nullable(),
    checkinMethod: z.enum(['qr', 'location', 'staff']).nullable(),
    minutes: z.number(),
  })
  .openapi('VolunteerSignup');

export const CheckinLinkSchema = z.object({ url: z.string(), svg: z.string() }).openapi('VolunteerCheckinLink');

export const HoursRowSchema = z
  .object({
    userId: z.string().nullable(),
    name: z.string(),
    communityName: z.string(),
    activities: z.number(),
    minutes: z.number(),
    hours: z.number(),
  })
  .openapi('VolunteerHoursRow');

export const MyHoursSchema = z
  .object({
    year: z.number(),
    activityMinutes: z.number(),
    postMinutes: z.number(),
    hours: z.number(),
    activities: z.array(z.object({ id: z.string(), title: z.string(), date: z.string(), minutes: z.number() })),
  })
  .openapi('VolunteerMyHours');

export const NumbersSchema = z
  .object({
    year: z.number(),
    items: z.array(
      z.object({
        placeCode: z.string(),
        placeName: z.string(),
        activitiesHeld: z.number(),
        participants: z.number(),
        attendances: z.number(),
        hours: z.number(),
        postMembers: z.number(),
        postMonths: z.number(),
        postHours: z.number(),
      }),
    ),
  })
  .openapi('VolunteerNumbers');

export const PostSchema = z
  .object({
    id: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    title: z.string(),
    duty: z.string(),
    slots: z.number(),
    claimed: z.number(),
    active: z.boolean(),
  })
  .openapi('VolunteerPost');

export const OpenPostsSchema = z
  .object({
    /** may the caller claim (an in-service party member, 在职党员) */
    member: z.boolean(),
    items: z.array(PostSchema.extend({ mine: z.boolean() })),
  })
  .openapi('VolunteerOpenPosts');

export const RecordSchema = z
  .object({
    id: z.string(),
    month: z.string(),
    minutes: z.number(),
    note: z.string(),
    confirmed: z.boolean(),
  })
  .openapi('VolunteerPostRecord');

export const ClaimSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    title: z.string(),
    duty: z.string(),
    communityName: z.string(),
    claimedAt: z.string(),
    endedAt: z.string().nullable(),
    records: z.array(RecordSchema),
  })
  .openapi('VolunteerClaim');

export const StaffClaimSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    title: z.string(),
    name: z.string(),
    claimedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi('VolunteerStaffClaim');

export const StaffRecordSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    name: z.string(),
    month: z.string(),
    minutes: z.number(),
    note: z.string(),
    confirmed: z.boolean(),
  })
  .openapi('VolunteerStaffRecord');

export const UnitMembersSchema = z
  .object({
    year: z.number(),
    units: z.array(z.object({ id: z.string(), name: z.string() })),
    items: z.array(
      z.object({
        name: z.string(),
        unitName: z.string(),
        communityName: z.string(),
        /** has logged in on the phone (records exist only then) */
        active: z.boolean(),
        activities: z.number(),
        hours: z.number(),
        posts: z.array(z.object({ title: z.string(), communityName: z.string(), months: z.number() })),
      }),
    ),
  })
  .openapi('VolunteerUnitMembers');

export const TeamSchema = z
  .object({ id: z.string(), name: z.string(), placeName: z.string() })
  .openapi('VolunteerTeam');
