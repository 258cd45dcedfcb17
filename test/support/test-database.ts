// Each integration test file gets its own fresh, migrated database (immich's middle tier):
// PGlite in memory always; on a Postgres server, a database cloned from a migrated template,
// when TEST_DATABASE_URL (or DATABASE_URL) points at one.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/database/database.js';
import { defaultMigrationsDir, migrateToLatest } from '../../src/database/migrations.js';
import { splitSqlStatements } from '../../src/database/sql-script.js';

export const serverUrl: string | null = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;

/** The backends this run can test: PGlite always, Postgres when a server URL is configured. */
export const backends: DatabaseKind[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

/** Only the Postgres backend, or nothing (with a plain skip message from the global setup). */
export const serverBackends: DatabaseKind[] = serverUrl ? ['postgres'] : [];

export interface TestDatabase extends Database {
  /** For Postgres: the URL of this test's own database (to open extra connections). */
  readonly url: string | null;
  /** Runs SQL as a superuser on this test's database (tamper tests). */
  superuser(statement: string): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    await migrateToLatest(database.db);
    return {
      ...database,
      url: null,
      // PGlite's only user is a superuser; it takes one statement per query.
      superuser: async (script) => {
        for (const statement of splitSqlStatements(script)) await sql.raw(statement).execute(database.db);
      },
    };
  }
  if (!serverUrl) throw new Error('no Postgres server configured (TEST_DATABASE_URL)');
  const name = `stance_test_${randomBytes(6).toString('hex')}`;
  const template = await ensureTemplate();
  await withAdmin((client) => client.query(`create database ${name} template ${template}`));
  const url = databaseUrl(name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', maxConnections: 20 });
  return {
    ...database,
    url,
    superuser: async (statement) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await database.close();
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A migrated template named after the migrations' content, built once per change of them. */
async function ensureTemplate(): Promise<string> {
  const folder = defaultMigrationsDir();
  const digest = createHash('sha256');
  for (const file of readdirSync(folder).sort()) digest.update(file).update(readFileSync(join(folder, file)));
  const template = `stance_template_${digest.digest('hex').slice(0, 12)}`;
  await withAdmin(async (client) => {
    // Jest runs files in parallel workers: one builds the template, the others wait for it.
    await client.query('select pg_advisory_lock(7301999)');
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [template]);
      if (rowCount) return;
      const building = `${template}_building`;
      await client.query(`drop database if exists ${building}`);
      await client.query(`create database ${building}`);
      const database = await openDatabase({ databaseUrl: databaseUrl(building), dataDir: '' });
      try {
        await migrateToLatest(database.db);
      } finally {
        await database.close();
      }
      await client.query(`alter database ${building} rename to ${template}`);
    } finally {
      await client.query('select pg_advisory_unlock(7301999)');
    }
  });
  return template;
}
