// Kysely's view of the honours tables (issue 17); keep in step with the SQL.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HonoursDatabase {}
