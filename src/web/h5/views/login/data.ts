// Demo accounts shown on the phone login page when the server runs with demo data.
export const demoPassword = 'Linli@2026';
export const demoAccounts = ['grid', 'grid2', 'community', 'resident', 'volunteer', 'steward', 'supervisor'] as const;
