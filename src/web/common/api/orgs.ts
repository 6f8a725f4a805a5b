import type {
  InServiceMember,
  ListResponse,
  Organisation,
  OrganisationKind,
  Paged,
  PartyMember,
  PartyOrg,
  Volunteer,
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
