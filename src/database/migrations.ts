// Migrations are the plain SQL files in migrations/, run in name order by Kysely's migrator,
// the same files on PGlite and on a Postgres server.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { packageRoot } from '../common/package-root.js';
import { splitSqlStatements } from './sql-script.js';

/** migrations/ at the package root, found from src/ (tests) and from dist/src/ (built) alike. */
export function defaultMigrationsDir(): string {
  return join(packageRoot(), 'migrations');
}

export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder)).filter((f) => f.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const statements = splitSqlStatements(await readFile(join(this.folder, file), 'utf8'));
      migrations[file.replace(/\.sql$/, '')] = {
        async up(db: Kysely<any>) {
          for (const statement of statements) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

export interface MigrationReport {
  applied: string[];
}

/** The migrations not yet applied, read without writing or locking anything. */
export async function pendingMigrations(db: Kysely<any>, folder = defaultMigrationsDir()): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(folder) });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/**
 * Brings the schema to the latest migration; running it again applies nothing. An up-to-date
 * schema is seen read-only first, so that `serve` as the least-privilege role (which may read
 * kysely_migration, not take kysely_migration_lock) starts on a schema its owner migrated.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  folder = defaultMigrationsDir(),
): Promise<MigrationReport> {
  const pending = await pendingMigrations(db, folder).catch(() => null); // unreadable: let the migrator say why
  if (pending?.length === 0) return { applied: [] };
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(folder) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = error instanceof Error ? error.message : String(error);
    if (!failed && /permission denied/.test(cause)) {
      const what = pending ? `migrations pending (${pending.join(', ')})` : 'the applied migrations cannot be read by this role';
      throw new Error(`${what}, and this database role may not migrate (${cause}): run \`stance-monitor migrate\` as the schema's owner first`, {
        cause: error,
      });
    }
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
