// Types of the API, inferred from the server's zod schemas (type-only imports: nothing of the
// server ends up in the web bundles), so the web and the server cannot drift apart silently.
import type { z } from '@hono/zod-openapi';
import type { MeSchema } from '../../server/features/account/schemas';
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
  relations,
  residences,
  ResidentDetailSchema,
  ResidentInput as ResidentInputSchema,
  ResidentPageSchema,
  ResidentSchema,
  residentStatuses,
  ResidentUpdate as ResidentUpdateSchema,
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
export type ResidentAction = 'edit' | 'move' | 'moveOut' | 'death' | 'reveal';
export type RevealField = 'idNumber' | 'phone';

export type ImportMode = 'validate' | 'valid-only' | 'all-or-nothing';
export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}
export interface ImportReport {
  total: number;
  valid: number;
  skipped: number;
  imported: number;
  errors: ImportRowError[];
}

export type PartyOrgKind = (typeof partyOrgKinds)[number];
export type OrganisationKind = (typeof organisationKinds)[number];
export type PartyOrg = z.infer<typeof PartyOrgSchema>;
export type PartyMember = z.infer<typeof PartyMemberSchema>;
export type Volunteer = z.infer<typeof VolunteerSchema>;
export type InServiceMember = z.infer<typeof InServiceSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;

export type VisitLog = z.infer<typeof VisitLogSchema>;
export type VisitLogInput = z.input<typeof VisitLogInputSchema>;
export interface StoredFile {
  id: string;
  mime: string;
  size: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublicConfig {
  appName: string;
  mapTileUrl: string;
  mapTileAttribution: string;
  demo: boolean;
}

export interface ListResponse<T> {
  items: T[];
}

// Cases (诉求). Lists and small answers the server declares inline are written out here.
export type CaseState = (typeof import('../../server/features/cases/lifecycle').caseStates)[number];
export type CaseAction = (typeof import('../../server/features/cases/lifecycle').caseActions)[number];
export type CaseChannel = (typeof import('../../server/features/cases/schemas').channels)[number];
export type CaseSummary = z.infer<typeof import('../../server/features/cases/schemas').CaseSummarySchema>;
export type CaseDetail = z.infer<typeof import('../../server/features/cases/schemas').CaseDetailSchema>;
export type CaseEvent = CaseDetail['timeline'][number];
export type CaseActionInput = z.input<typeof import('../../server/features/cases/schemas').ActionInput>;
export type StaffCaseInput = z.input<typeof import('../../server/features/cases/schemas').StaffCaseInput>;
export type CaseRating = 'satisfied' | 'basic' | 'unsatisfied';
export type SlaLevel = CaseSummary['slaLevel'];

export interface CasePage extends Paged<CaseSummary> {
  /** cases per state under the same filters, whatever state is asked for */
  counts: Partial<Record<CaseState, number>>;
  overdue: number;
}
export interface CaseCategory {
  code: string;
  parentCode: string | null;
  name: string;
  firstContactMinutes: number;
  dispatchMinutes: number;
  takeMinutes: number;
  resolveHours: number;
  businessDays: boolean;
}
export interface CaseDuplicate {
  id: string;
  trackingCode: string;
  description: string;
  state: CaseState;
  createdAt: string;
  score: number;
}
export interface DutyRosterEntry {
  id: string;
  user: { id: string; name: string; phone: string | null };
  weekdays: number[];
}
export interface SmsRecord {
  id: string;
  to: string;
  template: string;
  body: string;
  status: string;
  provider: string | null;
  caseId: string | null;
  createdAt: string;
  sentAt: string | null;
}
/** The resident's side (no login): the QR form and the tracking page. */
export interface PublicCommunity {
  code: string;
  name: string;
  street: string;
  categories: { code: string; name: string; parentCode: string | null }[];
}
export interface PublicCaseView {
  trackingCode: string;
  state: CaseState;
  category: string | null;
  description: string;
  community: string;
  createdAt: string;
  resultText: string | null;
  rating: CaseRating | null;
  canRate: boolean;
  steps: { action: string; at: string; note: string }[];
}

// 部门派单 (duty tasks): a department hands work to a community, checked against the 准入 list.
export type DutyTask = z.infer<typeof import('../../server/features/duties/schemas').DutyTaskSchema>;
export type DutyTaskStatus = DutyTask['status'];
export type DutyTaskInput = z.input<typeof import('../../server/features/duties/schemas').DutyTaskInput>;
export type DutyTaskVerdict = z.infer<typeof import('../../server/features/duties/schemas').DutyTaskVerdictSchema>;

// 吹哨报到
export type WhistleInput = z.input<typeof WhistleInputSchema>;
export type Whistle = z.infer<typeof WhistleSchema>;
/** One row of the department ranking: a department, or a legal adviser summoned in person (department.kind). */
export type WhistleRankingRow = z.infer<typeof RankingRow>;
export type WhistleSummary = z.infer<typeof WhistleSummarySchema>;
export type Summons = Whistle['summonses'][number];
export type SummonsAction = Summons['actions'][number];
