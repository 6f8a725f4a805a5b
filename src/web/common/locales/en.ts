import { roleLabels, roles } from '../../../shared/roles';
import type zhCN from './zh-CN';

const roleNames = Object.fromEntries(roles.map((role) => [role, roleLabels[role].en])) as Record<(typeof roles)[number], string>;

const en: typeof zhCN = {
  common: {
    appName: 'Linli',
    appFullName: 'Linli · Community Governance',
    ok: 'OK',
    cancel: 'Cancel',
    retry: 'Retry',
    back: 'Back',
    search: 'Search',
    reset: 'Reset',
    loading: 'Loading…',
    empty: 'No data',
    loadFailed: 'Failed to load',
    networkError: 'Cannot reach the server; check the network and try again',
    serverError: 'The service is unavailable ({status}); try again later',
    comingSoon: 'Coming soon',
    listSeparator: ', ',
    unit: { household: 'households', grid: 'grids', person: 'people' },
  },
  language: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
  },
  role: roleNames,
  placeKind: {
    province: 'Province',
    city: 'City',
    county: 'County',
    street: 'Street',
    community: 'Community',
    grid: 'Grid',
    building: 'Building',
    unit: 'Unit',
    household: 'Household',
  },
  placeStatus: { active: 'Active', retired: 'Retired' },
  gridKind: { comprehensive: 'Comprehensive', dedicated: 'Dedicated' },
  departmentKind: {
    justice: 'Justice office',
    police: 'Police station',
    city_management: 'City management',
    housing: 'Housing and construction',
    market_regulation: 'Market regulation',
    civil_affairs: 'Civil affairs',
    water: 'Water supply',
    power: 'Power supply',
    gas: 'Gas supply',
  },
};

export default en;
