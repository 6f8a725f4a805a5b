import type {
  InServiceMember,
  ListResponse,
  Organisation,
  OrganisationKind,
  Paged,
  PartyMember,
  PartyOrg,
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

// 志愿服务队: the teams in scope, or (`serving`) the teams a case at that place may be sent to.
export const listVolunteerTeams = (query: { under?: string; serving?: string }, signal?: AbortSignal) =>
  http.get<ListResponse<VolunteerTeam>>('/volunteer-teams', { query: { ...query }, signal });

export const listTeamCandidates = (placeCode: string, signal?: AbortSignal) =>
  http.get<ListResponse<VolunteerCandidate>>('/volunteer-teams/candidates', { query: { placeCode }, signal });

export const createVolunteerTeam = (input: VolunteerTeamInputT) => http.post<{ id: string }>('/volunteer-teams', input);

export const updateVolunteerTeam = (id: string, input: Omit<VolunteerTeamInputT, 'placeCode'>) =>
  http.put<{ id: string }>(`/volunteer-teams/${encodeURIComponent(id)}`, input);
