// Types of the API, inferred from the server's zod schemas (type-only imports: nothing of the
// server ends up in the web bundles), so the web and the server cannot drift apart silently.
import type { z } from '@hono/zod-openapi';
import type { CaseState } from '../../shared/cases';
import type { MeSchema, PublicConfigSchema } from '../../server/features/account/schemas';
import type { BaseMapSchema } from '../../server/features/base-map/schemas';
import type {
  ActionInput,
  CaseCategorySchema,
  CaseDetailSchema,
  CaseDuplicateSchema,
  CasePageSchema,
  DispatchPersonSchema,
  CaseSummarySchema,
  DutyRosterEntrySchema,
  PublicCaseViewSchema,
  PublicCommunitySchema,
  PublicPlaceSchema,
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
import type {
  CaseSuggestionSchema,
  CaseSuggestionsSchema,
  DispatchStatusSchema,
  HistoryImportedSchema,
  HitRateSchema,
  TrainResultSchema,
} from '../../server/features/dispatch/schemas';
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
  CreateSpotInput as CreateSpotInputSchema,
  QrPosterInput as QrPosterInputSchema,
  SpotSchema,
  UpdateSpotInput as UpdateSpotInputSchema,
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
  TagInput as TagInputSchema,
  TagUpdate as TagUpdateSchema,
} from '../../server/features/people/schemas';
import type {
  InServiceSchema,
  OrganisationSchema,
  OrganisationKindInput as OrganisationKindInputSchema,
  OrganisationKindSchema,
  OrganisationKindUpdate as OrganisationKindUpdateSchema,
  PartyMemberSchema,
  PartyOrgInput as PartyOrgInputSchema,
  PartyOrgKindInput as PartyOrgKindInputSchema,
  PartyOrgKindSchema,
  PartyOrgKindUpdate as PartyOrgKindUpdateSchema,
  PartyOrgSchema,
  OrganisationInput as OrganisationInputSchema,
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
import type {
  CategoryCreateInput as CategoryCreateInputSchema,
  CategoryDetailSchema,
  CategoryImportResultSchema,
  CategoryListSchema,
  CategoryPatchInput as CategoryPatchInputSchema,
  CategoryVersionSchema,
} from '../../server/features/categories/schemas';

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

/** A code of the county's list of party organisation kinds (GET /party-org-kinds). */
export type PartyOrgKind = string;
/** A code of the county's list of organisation kinds (GET /organisation-kinds). */
export type OrganisationKind = string;
export type PartyOrgKindItem = z.infer<typeof PartyOrgKindSchema>;
export type OrganisationKindItem = z.infer<typeof OrganisationKindSchema>;
export type PartyOrgKindInput = z.input<typeof PartyOrgKindInputSchema>;
export type PartyOrgKindUpdate = z.input<typeof PartyOrgKindUpdateSchema>;
export type OrganisationKindInput = z.input<typeof OrganisationKindInputSchema>;
export type OrganisationKindUpdate = z.input<typeof OrganisationKindUpdateSchema>;
export type PartyOrgInput = z.input<typeof PartyOrgInputSchema>;
export type OrganisationInput = z.input<typeof OrganisationInputSchema>;
export type ResidentTagInput = z.input<typeof TagInputSchema>;
export type ResidentTagUpdate = z.input<typeof TagUpdateSchema>;
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
export type BaseMap = z.infer<typeof BaseMapSchema>;

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
/** A grid or community worker a case may be sent to (派单到人). */
export type DispatchPerson = z.infer<typeof DispatchPersonSchema>;
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

// 智能派单
export type CaseDispatchSuggestion = z.infer<typeof CaseSuggestionSchema>;
export type CaseDispatchHint = z.infer<typeof CaseSuggestionsSchema>['items'][number];
export type DispatchStatus = z.infer<typeof DispatchStatusSchema>;
export type DispatchTrainResult = z.infer<typeof TrainResultSchema>;
export type DispatchHistoryImported = z.infer<typeof HistoryImportedSchema>;
export type DispatchHitRate = z.infer<typeof HitRateSchema>;

// 吹哨报到
export type WhistleInput = z.input<typeof WhistleInputSchema>;
export type Whistle = z.infer<typeof WhistleSchema>;
/** One row of the department ranking: a department, or a legal adviser summoned in person (department.kind). */
export type WhistleRankingRow = z.infer<typeof RankingRow>;
export type WhistleSummary = z.infer<typeof WhistleSummarySchema>;
export type Summons = Whistle['summonses'][number];
export type SummonsAction = Summons['actions'][number];

// 二维码海报 and 地点 (spots): posters per building, unit and spot; the resident's form of a poster.
export type Spot = z.infer<typeof SpotSchema>;
export type CreateSpotInput = z.input<typeof CreateSpotInputSchema>;
export type UpdateSpotInput = z.input<typeof UpdateSpotInputSchema>;
export type QrPosterInput = z.input<typeof QrPosterInputSchema>;
export type PublicPlace = z.infer<typeof PublicPlaceSchema>;
// 事项分类: the editable category tree, its versions and the import of the standard's classes.
export type CategoryDetail = z.infer<typeof CategoryDetailSchema>;
export type CategoryList = z.infer<typeof CategoryListSchema>;
export type CategoryVersion = z.infer<typeof CategoryVersionSchema>;
export type CategoryCreateInput = z.input<typeof CategoryCreateInputSchema>;
export type CategoryPatchInput = z.input<typeof CategoryPatchInputSchema>;
export type CategoryImportResult = z.infer<typeof CategoryImportResultSchema>;
// 督办 (cases/supervision): the queue of late and escalated cases, and the urge.
export type SupervisionItem = z.infer<
  typeof import('../../server/features/cases/supervision/schemas').SupervisionItemSchema
>;
export type SupervisionPage = z.infer<
  typeof import('../../server/features/cases/supervision/schemas').SupervisionPageSchema
>;
export type Urged = z.infer<typeof import('../../server/features/cases/supervision/schemas').UrgedSchema>;
// 志愿服务队 (orgs) — issue 14
export type VolunteerTeam = z.infer<typeof VolunteerTeamSchema>;
export type VolunteerCandidate = z.infer<typeof VolunteerCandidateSchema>;
export type VolunteerTeamInputT = z.input<typeof VolunteerTeamInput>;
