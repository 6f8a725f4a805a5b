import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

// schema.ts is written by hand; this test keeps it in step with the migrated database (issue 13):
// the same tables, the same columns, the same nullability and the same kind of value.

type Family = 'string' | 'number' | 'boolean' | 'date' | 'json' | 'array';

interface Column {
  families: Family[];
  nullable: boolean;
}
type Tables = Map<string, Map<string, Column>>;

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.ts');

/** What a TypeScript type holds, after Kysely's ColumnType/Generated are unwrapped to their select type. */
function familiesOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, out: Column): void {
  if (type.isUnion()) {
    for (const member of type.types) familiesOf(checker, member, at, out);
    return;
  }
  const selected = type.getProperty('__select__');
  if (selected) return familiesOf(checker, checker.getTypeOfSymbolAtLocation(selected, at), at, out);
  const add = (family: Family) => {
    if (!out.families.includes(family)) out.families.push(family);
  };
  if (type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) out.nullable = true;
  else if (type.flags & ts.TypeFlags.StringLike) add('string');
  else if (type.flags & ts.TypeFlags.NumberLike) add('number');
  else if (type.flags & ts.TypeFlags.BooleanLike) add('boolean');
  else if (type.getSymbol()?.getName() === 'Date') add('date');
  else if (checker.isArrayType(type)) add('array');
  else add('json'); // unknown, a record or an interface: a json/jsonb column
}

/** Tables and columns as schema.ts declares them: the `Database` interface and each table's interface. */
function declaredTables(file = schemaFile): Tables {
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error(`${file} has no Database interface`);
  const tables: Tables = new Map();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const columns = new Map<string, Column>();
    for (const column of checker.getTypeOfSymbolAtLocation(table, database).getProperties()) {
      const declaration = column.valueDeclaration ?? database;
      const found: Column = { families: [], nullable: false };
      familiesOf(checker, checker.getTypeOfSymbolAtLocation(column, declaration), declaration, found);
      columns.set(column.getName(), found);
    }
    tables.set(table.getName(), columns);
  }
  return tables;
}

/** The kinds of value a TypeScript column may declare for a PostgreSQL type (pg and PGlite parsers). */
function acceptedFamilies(dataType: string): Family[] {
  if (dataType === 'ARRAY') return ['array'];
  if (['text', 'character varying', 'character', 'uuid', 'inet', 'citext'].includes(dataType)) return ['string'];
  if (['integer', 'smallint', 'real', 'double precision'].includes(dataType)) return ['number'];
  // int8 is parsed to a number (platform/db/database.ts); numeric stays a string unless the code casts it.
  if (['bigint', 'numeric'].includes(dataType)) return ['number', 'string'];
  if (dataType === 'boolean') return ['boolean'];
  if (dataType.startsWith('timestamp')) return ['date'];
  if (dataType === 'date') return ['string', 'date'];
  if (dataType === 'json' || dataType === 'jsonb') return ['json', 'array', 'string', 'number', 'boolean'];
  return ['string'];
}

interface DatabaseColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
}

/** Every difference between schema.ts and the migrated database, one line each. */
function differences(declared: Tables, columns: DatabaseColumn[]): string[] {
  const actual = new Map<string, Map<string, DatabaseColumn>>();
  for (const c of columns) {
    if (!actual.has(c.table_name)) actual.set(c.table_name, new Map());
    actual.get(c.table_name)!.set(c.column_name, c);
  }
  const found: string[] = [];
  for (const table of [...actual.keys()].filter((t) => !declared.has(t)).sort())
    found.push(`table ${table}: in the database, missing from Database in schema.ts`);
  for (const [table, declaredColumns] of [...declared].sort(([a], [b]) => a.localeCompare(b))) {
    const actualColumns = actual.get(table);
    if (!actualColumns) {
      found.push(`table ${table}: declared in schema.ts, not in the database`);
      continue;
    }
    for (const name of [...actualColumns.keys()].filter((c) => !declaredColumns.has(c)).sort())
      found.push(`${table}.${name}: in the database (${actualColumns.get(name)!.data_type}), missing from schema.ts`);
    for (const [name, column] of declaredColumns) {
      const db = actualColumns.get(name);
      if (!db) {
        found.push(`${table}.${name}: declared in schema.ts, not in the database`);
        continue;
      }
      const nullable = db.is_nullable === 'YES';
      if (column.nullable !== nullable)
        found.push(
          `${table}.${name}: ${nullable ? 'nullable in the database, not' : 'NOT NULL in the database, yet'} \`| null\` in schema.ts`,
        );
      const accepted = acceptedFamilies(db.data_type);
      const wrong = column.families.filter((f) => !accepted.includes(f));
      if (wrong.length > 0 || column.families.length === 0)
        found.push(
          `${table}.${name}: ${db.data_type} in the database, ${column.families.join(' | ') || 'nothing'} in schema.ts (expected ${accepted.join(' or ')})`,
        );
    }
  }
  return found;
}

describe('schema.ts', () => {
  it('matches the migrated database: tables, columns, nullability, kind of value', { timeout: 120_000 }, async () => {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    try {
      await migrateToLatest(handle.db);
      const { rows } = await sql<DatabaseColumn>`
        select c.table_name, c.column_name, c.data_type, c.is_nullable
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.table_name not like 'kysely\\_%'
        order by c.table_name, c.ordinal_position`.execute(handle.db);
      expect(rows.length).toBeGreaterThan(0);
      expect(differences(declaredTables(), rows)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
