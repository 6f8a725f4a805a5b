export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** A community code has 12 digits; places under it (grids, buildings …) start with them. */
export const isCommunityCode = (code: string) => /^\d{12}$/.test(code);

/** The community a user works in or under, from their scope code; '' for a street or county scope. */
export const communityOfScope = (code: string | null) => (code && code.length >= 12 ? code.slice(0, 12) : '');

/** Whether someone whose scope is `scope` may be on this community's roster (works in it or above it). */
export const worksFor = (scope: string | null, community: string) =>
  Boolean(scope && (scope.startsWith(community) || community.startsWith(scope)));
