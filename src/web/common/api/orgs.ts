import type {
  InServiceMember,
  ListResponse,
  Organisation,
  OrganisationInput,
  OrganisationKind,
  OrganisationKindInput,
  OrganisationKindItem,
  OrganisationKindUpdate,
  Paged,
  PartyMember,
  PartyOrg,
  PartyOrgInput,
  PartyOrgKindInput,
  PartyOrgKindItem,
  PartyOrgKindUpdate,
  Volunteer,
  VolunteerCandidate,
  VolunteerTeam,
  VolunteerTeamInputT,
} from '../api-types';
import { http } from '../http';

export interface RosterQuery {
  under?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const listPartyOrgs = (under?: string, signal?: AbortSignal) =>
  http.get<ListResponse<PartyOrg>>('/party-orgs', { query: { under }, signal });

export const listPartyMembers = (query: RosterQuery, signal?: AbortSignal) =>
  http.get<Paged<PartyMember>>('/party-members', { query: { ...query }, signal });

export const listVolunteers = (query: RosterQuery, signal?: AbortSignal) =>
  http.get<Paged<Volunteer>>('/volunteers', { query: { ...query }, signal });

export const listInServiceMembers = (query: RosterQuery, signal?: AbortSignal) =>
  http.get<Paged<InServiceMember>>('/in-service-members', { query: { ...query }, signal });

export const listOrganisations = (query: { under?: string; kind?: OrganisationKind | '' }, signal?: AbortSignal) =>
  http.get<ListResponse<Organisation>>('/organisations', { query: { ...query }, signal });

export const createPartyOrg = (input: PartyOrgInput) => http.post<{ id: string }>('/party-orgs', input);

/** A member unit (共建单位, 物业, 社会组织) of a 大党委. */
export const addPartyOrgUnit = (partyOrgId: string, organisationId: string) =>
  http.post<{ id: string }>(`/party-orgs/${encodeURIComponent(partyOrgId)}/units`, { organisationId });

export const createOrganisation = (input: OrganisationInput) => http.post<{ id: string }>('/organisations', input);

// The county's lists of kinds (read by everyone with orgs:read, edited with lists:configure).
export const listPartyOrgKinds = (signal?: AbortSignal) =>
  http.get<ListResponse<PartyOrgKindItem>>('/party-org-kinds', { signal });
export const createPartyOrgKind = (input: PartyOrgKindInput) => http.post<{ code: string }>('/party-org-kinds', input);
export const updatePartyOrgKind = (code: string, input: PartyOrgKindUpdate) =>
  http.patch<{ code: string }>(`/party-org-kinds/${encodeURIComponent(code)}`, input);
export const listOrganisationKinds = (signal?: AbortSignal) =>
  http.get<ListResponse<OrganisationKindItem>>('/organisation-kinds', { signal });
export const createOrganisationKind = (input: OrganisationKindInput) =>
  http.post<{ code: string }>('/organisation-kinds', input);
export const updateOrganisationKind = (code: string, input: OrganisationKindUpdate) =>
  http.patch<{ code: string }>(`/organisation-kinds/${encodeURIComponent(code)}`, input);
// 志愿服务队: the teams in scope, or (`serving`) the teams a case at that place may be sent to.
export const listVolunteerTeams = (query: { under?: string; serving?: string }, signal?: AbortSignal) =>
  http.get<ListResponse<VolunteerTeam>>('/volunteer-teams', { query: { ...query }, signal });

export const listTeamCandidates = (placeCode: string, signal?: AbortSignal) =>
  http.get<ListResponse<VolunteerCandidate>>('/volunteer-teams/candidates', { query: { placeCode }, signal });

export const createVolunteerTeam = (input: VolunteerTeamInputT) => http.post<{ id: string }>('/volunteer-teams', input);

export const updateVolunteerTeam = (id: string, input: Omit<VolunteerTeamInputT, 'placeCode'>) =>
  http.put<{ id: string }>(`/volunteer-teams/${encodeURIComponent(id)}`, input);
