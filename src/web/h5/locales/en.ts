import common from '../../common/locales/en';
import type zhCN from './zh-CN';

const en: typeof zhCN = {
  ...common,
  login: {
    title: 'Log in',
    subtitle: 'Community governance · mobile',
    username: 'Username',
    usernamePlaceholder: 'Username',
    password: 'Password',
    passwordPlaceholder: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    submit: 'Log in',
    submitting: 'Logging in…',
    demoTitle: 'Demo accounts',
    demoHint: 'tap one to fill it in; the password is {password}',
    demoAccounts: {
      grid: 'Grid worker · grid 1',
      grid2: 'Grid worker · grid 2',
      community: 'Community worker',
      resident: 'Resident',
      volunteer: 'Volunteer',
      steward: 'Stairwell steward',
    },
  },
  tab: {
    home: 'Home',
    mine: 'Me',
  },
  home: {
    greeting: 'Hello, {name}',
    entries: 'Functions',
    entry: {
      myGrid: { name: 'My grid', desc: 'Every household at hand' },
      snap: { name: 'Snap & report', desc: 'Photograph a problem' },
      visitLog: { name: 'Visit diary', desc: 'Log household visits' },
      tasks: { name: 'My tasks', desc: 'What is waiting for you' },
    },
    noGrid: 'You are not in charge of a grid',
    myGrid: 'My grid',
    myScope: 'My area',
    viewHouseholds: 'Households',
    count: {
      grid: 'Grids',
      building: 'Buildings',
      unit: 'Units',
      household: 'Households',
    },
    tip: 'Snap & report, visit diaries and more are coming soon.',
  },
  mine: {
    account: 'Account: {username}',
    largeFont: 'Large text',
    largeFontHint: 'Bigger text, easier to read',
    logout: 'Log out',
    loggedOut: 'Logged out',
  },
  grid: {
    title: 'My grid',
    households: 'households',
    buildings: 'buildings',
    searchPlaceholder: 'Search address or room',
    finished: '{n} households, all loaded',
    tapRetry: 'Tap to retry',
    noMatch: 'No household matches',
    empty: 'No households yet',
  },
};

export default en;
