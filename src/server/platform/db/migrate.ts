import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { splitSqlStatements } from './split-sql.js';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

// Numbered plain-SQL files; Kysely's Migrator records them and runs them in one transaction under a lock.
class SqlFileProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    const dir = this.dir;
    for (const file of fs
      .readdirSync(this.dir)
      .filter((f) => /^\d{4}_.+\.sql$/.test(f))
      .sort()) {
      // Read and split when it runs: every start lists the migrations, few run any.
      migrations[file.replace(/\.sql$/, '')] = {
        async up(db) {
          const statements = splitSqlStatements(fs.readFileSync(path.join(dir, file), 'utf8'));
          for (const statement of statements) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider(migrationsDir) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies the migrations up to and including `name`: a test builds rows as an older version left them. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider(migrationsDir) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

/**
 * Applies the migrations before the one whose name starts with `prefix` (`'0052'` or its full name):
 * a migration's test builds rows as the version before it left them.
 */
export async function migrateToBefore(db: Db, prefix: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider(migrationsDir) });
  const names = (await migrator.getMigrations()).map((m) => m.name);
  const at = names.findIndex((n) => n.startsWith(prefix));
  if (at < 1) throw new Error(`No migration before one named ${prefix}…`);
  await migrateTo(db, names[at - 1]!);
}

/** True when every migration file has been applied. */
export async function isMigrated(db: Db): Promise<boolean> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider(migrationsDir) });
  const all = await migrator.getMigrations();
  return all.length > 0 && all.every((m) => m.executedAt !== undefined);
}
