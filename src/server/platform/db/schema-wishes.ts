// Kysely's view of the wishes tables of community life (issue 16); keep in step with the SQL.
// Filled in by the area's migration; joined into `Database` in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WishesDatabase {}
