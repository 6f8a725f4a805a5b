// Types of the API, inferred from the server's zod schemas (type-only imports: nothing of the
// server ends up in the web bundles), so the web and the server cannot drift apart silently.
import type { z } from '@hono/zod-openapi';
import type { CaseState } from '../../shared/cases';
import type { MeSchema, PublicConfigSchema } from '../../server/features/account/schemas';
import type {
  ActionInput,
  CaseCategorySchema,
  CaseDetailSchema,
  CaseDuplicateSchema,
  CasePageSchema,
  CaseSummarySchema,
  DutyRosterEntrySchema,
  PublicCaseViewSchema,
  PublicCommunitySchema,
  SmsOutboxPageSchema,
  SmsRecordSchema,
  StaffCaseInput as StaffCaseInputSchema,
} from '../../server/features/cases/schemas';
import type {
  DutyAdviceSchema,
  DutyItemSchema,
  DutyListSchema,
  DutyTaskInput as DutyTaskInputSchema,
  DutyTaskSchema,
  DutyTaskStatSchema,
  DutyTaskVerdictSchema,
} from '../../server/features/duties/schemas';
import type { StoredFileSchema } from '../../server/features/files/schemas';
import type {
  DepartmentSchema,
  GridChangeSchema,
  GridSchema,
  HouseholdPageSchema,
  HouseholdRowSchema,
  LocateResultSchema,
  PlaceDetailSchema,
  PlaceSummarySchema,
  placeKinds,
} from '../../server/features/places/schemas';
import type {
  HouseholdSummarySchema,
  ImportReportSchema,
  importModes,
  relations,
  residences,
  ResidentDetailSchema,
  ResidentInput as ResidentInputSchema,
  ResidentPageSchema,
  ResidentSchema,
  residentStatuses,
  ResidentUpdate as ResidentUpdateSchema,
  residentActions,
  revealFields,
  TagSchema,
} from '../../server/features/people/schemas';
import type {
  InServiceSchema,
  OrganisationSchema,
  organisationKinds,
  PartyMemberSchema,
  PartyOrgSchema,
  partyOrgKinds,
  VolunteerSchema,
  VolunteerCandidateSchema,
  VolunteerTeamInput,
  VolunteerTeamSchema,
} from '../../server/features/orgs/schemas';
import type { VisitLogInput as VisitLogInputSchema, VisitLogSchema } from '../../server/features/gridwork/schemas';
import type {
  RankingRow,
  WhistleInput as WhistleInputSchema,
  WhistleSchema,
  WhistleSummary as WhistleSummarySchema,
} from '../../server/features/whistle/schemas';

export type Me = z.infer<typeof MeSchema>;
export type Membership = Me['memberships'][number];
export type PlaceKind = (typeof placeKinds)[number];
export type PlaceSummary = z.infer<typeof PlaceSummarySchema>;
export type PlaceDetail = z.infer<typeof PlaceDetailSchema>;
export type Grid = z.infer<typeof GridSchema>;
export type GridChange = z.infer<typeof GridChangeSchema>;
export type HouseholdRow = z.infer<typeof HouseholdRowSchema>;
export type HouseholdPage = z.infer<typeof HouseholdPageSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type LocateResult = z.infer<typeof LocateResultSchema>;

export type Relation = (typeof relations)[number];
export type Residence = (typeof residences)[number];
export type ResidentStatus = (typeof residentStatuses)[number];
export type Resident = z.infer<typeof ResidentSchema>;
export type ResidentDetail = z.infer<typeof ResidentDetailSchema>;
export type ResidentEvent = ResidentDetail['history'][number];
export type ResidentPage = z.infer<typeof ResidentPageSchema>;
export type ResidentInput = z.input<typeof ResidentInputSchema>;
export type ResidentUpdate = z.input<typeof ResidentUpdateSchema>;
export type ResidentTag = z.infer<typeof TagSchema>;
export type HouseholdSummary = z.infer<typeof HouseholdSummarySchema>;
/** What a resident row offers the current user (the server decides; the UI shows only these). */
export type ResidentAction = (typeof residentActions)[number];
export type RevealField = (typeof revealFields)[number];

export type ImportMode = (typeof importModes)[number];
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type ImportRowError = ImportReport['errors'][number];

export type PartyOrgKind = (typeof partyOrgKinds)[number];
export type OrganisationKind = (typeof organisationKinds)[number];
export type PartyOrg = z.infer<typeof PartyOrgSchema>;
export type PartyMember = z.infer<typeof PartyMemberSchema>;
export type Volunteer = z.infer<typeof VolunteerSchema>;
export type InServiceMember = z.infer<typeof InServiceSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;

export type VisitLog = z.infer<typeof VisitLogSchema>;
export type VisitLogInput = z.input<typeof VisitLogInputSchema>;
export type StoredFile = z.infer<typeof StoredFileSchema>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type PublicConfig = z.infer<typeof PublicConfigSchema>;

export interface ListResponse<T> {
  items: T[];
}

// Cases (诉求). The closed sets of words come from src/shared/cases.ts, the shapes from the server's schemas.
export type { CaseChannel, CaseRating, CaseState, SlaLevel } from '../../shared/cases';
export type CaseAction = (typeof import('../../server/features/cases/lifecycle').caseActions)[number];
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type CaseEvent = CaseDetail['timeline'][number];
export type CaseActionInput = z.input<typeof ActionInput>;
export type StaffCaseInput = z.input<typeof StaffCaseInputSchema>;
/** The inbox page; counts: cases per state under the same filters, whatever state is asked for. */
export type CasePage = z.infer<typeof CasePageSchema>;
export type CaseCategory = z.infer<typeof CaseCategorySchema>;
// The server declares these two states as strings (its queries type them so); they are CaseStates.
export type CaseDuplicate = Omit<z.infer<typeof CaseDuplicateSchema>, 'state'> & { state: CaseState };
export type DutyRosterEntry = z.infer<typeof DutyRosterEntrySchema>;
export type SmsRecord = z.infer<typeof SmsRecordSchema>;
export type SmsOutboxPage = z.infer<typeof SmsOutboxPageSchema>;
/** The resident's side (no login): the QR form and the tracking page. */
export type PublicCommunity = z.infer<typeof PublicCommunitySchema>;
export type PublicCaseView = Omit<z.infer<typeof PublicCaseViewSchema>, 'state'> & { state: CaseState };

// 部门派单 (duty tasks): a department hands work to a community, checked against the 准入 list.
export type DutyTask = z.infer<typeof DutyTaskSchema>;
export type DutyTaskStatus = DutyTask['status'];
export type DutyTaskInput = z.input<typeof DutyTaskInputSchema>;
export type DutyTaskVerdict = z.infer<typeof DutyTaskVerdictSchema>;
export type DutyTaskStat = z.infer<typeof DutyTaskStatSchema>;
export type DutyList = z.infer<typeof DutyListSchema>;
export type DutyItem = z.infer<typeof DutyItemSchema>;
export type DutyKind = DutyItem['kind'];
export type DutyAdvice = z.infer<typeof DutyAdviceSchema>;

// 吹哨报到
export type WhistleInput = z.input<typeof WhistleInputSchema>;
export type Whistle = z.infer<typeof WhistleSchema>;
/** One row of the department ranking: a department, or a legal adviser summoned in person (department.kind). */
export type WhistleRankingRow = z.infer<typeof RankingRow>;
export type WhistleSummary = z.infer<typeof WhistleSummarySchema>;
export type Summons = Whistle['summonses'][number];
export type SummonsAction = Summons['actions'][number];

// 志愿服务队 (orgs) — issue 14
export type VolunteerTeam = z.infer<typeof VolunteerTeamSchema>;
export type VolunteerCandidate = z.infer<typeof VolunteerCandidateSchema>;
export type VolunteerTeamInputT = z.input<typeof VolunteerTeamInput>;
