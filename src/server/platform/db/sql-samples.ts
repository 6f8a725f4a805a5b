import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

// Reviewable SQL (as Immich keeps it): every repository function is called once with sample
// arguments against a database that only records statements, and the compiled SQL is committed
// in src/server/queries/<feature>.sql. A reviewer reads the SQL a change produces; CI fails when
// the committed file differs. Each feature keeps its samples in `repository.samples.ts`:
//
//   import * as repo from './repository.js';
//   export const samples: SqlSamples<typeof repo> = {
//     findByCode: (db) => repo.findByCode(db, '610899001001'),
//   };
//
// The type demands a sample for every exported function, so a new query cannot be left out.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function signature
type AnyFunction = (...args: any[]) => unknown;

export type SqlSamples<Module> = {
  [K in keyof Module as Module[K] extends AnyFunction ? K : never]: (db: Kysely<Database>) => unknown;
};
