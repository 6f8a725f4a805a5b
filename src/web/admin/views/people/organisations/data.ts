import type { OrganisationKind } from '../../../../common/api-types';

export const organisationKinds: OrganisationKind[] = [
  'property_company',
  'owners_committee',
  'co_building_unit',
  'social_org',
];

export const kindColors: Record<OrganisationKind, string> = {
  property_company: '#2563eb',
  owners_committee: '#059669',
  co_building_unit: '#d97706',
  social_org: '#7c3aed',
};
