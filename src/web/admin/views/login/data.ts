// Demo accounts shown on the login page when the server runs with demo data (config.demo).
export const demoPassword = 'Linli@2026';

export const demoAccounts = [
  'admin',
  'street',
  'community',
  'community2',
  'grid',
  'grid2',
  'receiver',
  'handler',
] as const;
