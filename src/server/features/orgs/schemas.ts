import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';

/** A code of the county's lists of kinds (party_org_kinds, organisation_kinds). */
const kindCode = z.string().regex(/^[a-z_]{2,40}$/);

const placeCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/);
const pageQuery = {
  under: placeCode.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const UnderQuery = z.object({ under: placeCode.optional() });
export const RosterQuery = z.object({
  ...pageQuery,
  q: text({ max: 40 }).optional(),
  partyOrgId: z.uuid().optional().openapi({ description: 'party members: only this organisation' }),
});

export const PartyOrgInput = z
  .object({ parentId: z.uuid().optional(), name: text({ min: 1, max: 60 }), kind: kindCode, placeCode })
  .openapi('PartyOrgInput');
export const PartyOrgSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    place: z.object({ code: z.string(), name: z.string() }),
    memberCount: z.number(),
    takesUnits: z.boolean().openapi({ description: 'a 大党委: member units may be added' }),
    memberUnits: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  })
  .openapi('PartyOrg');

export const PartyMemberInput = z
  .object({
    residentId: z.uuid(),
    partyOrgId: z.uuid(),
    joinedOn: z.iso.date().optional(),
    memberKind: z.enum(['full', 'probationary']).default('full'),
  })
  .openapi('PartyMemberInput');
export const VolunteerInput = z
  .object({
    residentId: z.uuid(),
    skills: z
      .array(text({ min: 1, max: 20 }))
      .max(10)
      .default([]),
    team: text({ max: 40 }).default(''),
  })
  .openapi('VolunteerInput');
export const InServiceInput = z
  .object({
    residentId: z.uuid(),
    workUnit: text({ min: 1, max: 80 }),
    communityCode: z.string().regex(/^\d{12}$/),
    claimedPosts: z
      .array(text({ min: 1, max: 40 }))
      .max(10)
      .default([]),
  })
  .openapi('InServiceMemberInput');
export const OrganisationInput = z
  .object({
    kind: kindCode,
    name: text({ min: 1, max: 80 }),
    placeCode,
    contactName: text({ max: 20 }).default(''),
    phone: text({ max: 20 }).default(''),
  })
  .openapi('OrganisationInput');

const person = {
  residentId: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string(),
};
export const PartyMemberSchema = z
  .object({ ...person, partyOrg: z.string(), joinedOn: z.string().nullable(), memberKind: z.string() })
  .openapi('PartyMember');
export const VolunteerSchema = z
  .object({ ...person, skills: z.array(z.string()), team: z.string(), serviceHours: z.number() })
  .openapi('Volunteer');
export const InServiceSchema = z
  .object({
    ...person,
    workUnit: z.string(),
    community: z.string(),
    claimedPosts: z.array(z.string()),
    registeredAt: z.string(),
  })
  .openapi('InServiceMember');
export const OrganisationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    name: z.string(),
    place: z.object({ code: z.string(), name: z.string() }),
    contactName: z.string(),
    phone: z.string(),
  })
  .openapi('Organisation');

export const OrganisationsQuery = UnderQuery.extend({ kind: kindCode.optional() });

// The county's lists of kinds: an administrator adds, relabels, reorders and retires entries.
const placeKinds = ['street', 'community', 'grid', 'building', 'household'] as const;
const kindFields = {
  code: kindCode.optional().openapi({ description: 'made from the label’s pinyin when left out' }),
  labelZh: text({ min: 1, max: 30 }),
  labelEn: text({ max: 80 }),
  sort: z.number().int().min(0).max(100_000),
};
export const OrganisationKindSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    sort: z.number(),
    active: z.boolean(),
  })
  .openapi('OrganisationKind');
export const PartyOrgKindSchema = OrganisationKindSchema.extend({
  placeKinds: z.array(z.string()).openapi({ description: 'the kinds of place it sits on' }),
  parentKinds: z.array(z.string()).openapi({ description: 'the kinds it may sit under; empty: at the top' }),
  memberUnits: z.boolean().openapi({ description: 'takes member units (大党委)' }),
}).openapi('PartyOrgKind');
export const OrganisationKindInput = z
  .object({
    code: kindFields.code,
    labelZh: kindFields.labelZh,
    labelEn: kindFields.labelEn.default(''),
    sort: kindFields.sort.optional(),
  })
  .openapi('OrganisationKindInput');
export const OrganisationKindUpdate = z
  .object({
    labelZh: kindFields.labelZh.optional(),
    labelEn: kindFields.labelEn.optional(),
    sort: kindFields.sort.optional(),
    active: z.boolean().optional(),
  })
  .openapi('OrganisationKindUpdate');
export const PartyOrgKindInput = OrganisationKindInput.extend({
  placeKinds: z.array(z.enum(placeKinds)).min(1).max(5),
  parentKinds: z.array(kindCode).max(10).default([]),
  memberUnits: z.boolean().default(false),
}).openapi('PartyOrgKindInput');
export const PartyOrgKindUpdate = OrganisationKindUpdate.extend({
  placeKinds: z.array(z.enum(placeKinds)).min(1).max(5).optional(),
  parentKinds: z.array(kindCode).max(10).optional(),
  memberUnits: z.boolean().optional(),
}).openapi('PartyOrgKindUpdate');
export const KindCodeParam = z.object({ code: kindCode });
export const PartyOrgIdParam = z.object({ id: z.uuid() });
export const PartyOrgUnitInput = z.object({ organisationId: z.uuid() }).openapi('PartyOrgUnitInput');

export type OrganisationKindInputT = z.infer<typeof OrganisationKindInput>;
export type OrganisationKindUpdateT = z.infer<typeof OrganisationKindUpdate>;
export type PartyOrgKindInputT = z.infer<typeof PartyOrgKindInput>;
export type PartyOrgKindUpdateT = z.infer<typeof PartyOrgKindUpdate>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export type RosterQueryT = z.infer<typeof RosterQuery>;
export type PartyOrgInputT = z.infer<typeof PartyOrgInput>;
export type PartyMemberInputT = z.infer<typeof PartyMemberInput>;
export type VolunteerInputT = z.infer<typeof VolunteerInput>;
export type InServiceInputT = z.infer<typeof InServiceInput>;
export type OrganisationInputT = z.infer<typeof OrganisationInput>;

// 志愿服务队: a team of a community or street; members are users with the volunteer role there.
export const TeamQuery = z.object({
  under: placeCode.optional(),
  serving: placeCode
    .optional()
    .openapi({ description: 'the teams a case at this place may be sent to: of its community or street' }),
});
export const VolunteerTeamInput = z
  .object({
    name: text({ min: 1, max: 40 }),
    placeCode: placeCode.openapi({ description: 'the community or street the team serves' }),
    phone: text({ max: 20 }).default(''),
    leaderUserId: z.uuid().nullable().default(null),
    memberUserIds: z.array(z.uuid()).max(100).default([]),
  })
  .openapi('VolunteerTeamInput');
export const VolunteerTeamUpdate = VolunteerTeamInput.omit({ placeCode: true }).openapi('VolunteerTeamUpdate');
const teamPerson = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() });
export const VolunteerTeamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phone: z.string(),
    place: z.object({ code: z.string(), name: z.string() }),
    leader: z.object({ id: z.string(), name: z.string() }).nullable(),
    members: z.array(teamPerson),
  })
  .openapi('VolunteerTeam');
export const CandidateQuery = z.object({ placeCode });
export const VolunteerCandidateSchema = teamPerson.extend({ place: z.string() }).openapi('VolunteerCandidate');

export type VolunteerTeamInputT = z.infer<typeof VolunteerTeamInput>;
export type VolunteerTeamUpdateT = z.infer<typeof VolunteerTeamUpdate>;
export type TeamQueryT = z.infer<typeof TeamQuery>;
