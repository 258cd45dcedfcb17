// Each integration test file gets its own fresh, migrated database (immich's middle tier):
// PGlite in memory, loaded from a migrated template; on a Postgres server, a database cloned
// from a migrated template, when TEST_DATABASE_URL (or DATABASE_URL) points at one.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/database/database.js';
import { packageRoot } from '../../src/common/package-root.js';
import { defaultMigrationsDir, migrateToLatest } from '../../src/database/migrations.js';
import type { Tables } from '../../src/database/schema.js';
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
    // As openDatabase opens `memory://` (PGlite on this thread), but from the template's files:
    // PGlite's initdb alone takes seconds, loading a data folder one.
    const db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite: await PGlite.create('memory://', { loadDataDir: await pgliteTemplate() }) }) });
    const database: Database = { db, kind: 'pglite', serverUrl: null, close: () => db.destroy() };
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

/** The migrations' content, which names the templates: a changed migration builds new ones. */
function migrationsDigest(): string {
  const folder = defaultMigrationsDir();
  const digest = createHash('sha256');
  for (const file of readdirSync(folder).sort()) digest.update(file).update(readFileSync(join(folder, file)));
  return digest.digest('hex').slice(0, 12);
}

let pgliteTemplateData: Promise<Blob> | undefined;

/**
 * A migrated PGlite data folder as a tarball, kept in the system's temporary folder per
 * migrations and PGlite version. Jest workers that find none build one each and rename it
 * into place whole, so none reads a half-written file.
 */
function pgliteTemplate(): Promise<Blob> {
  pgliteTemplateData ??= (async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
    const file = join(tmpdir(), `stance-pglite-template-${migrationsDigest()}-${version}.tar`);
    if (!existsSync(file)) {
      const pglite = await PGlite.create('memory://');
      const db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite }) });
      try {
        await migrateToLatest(db);
        const building = `${file}.${process.pid}`;
        await writeFile(building, new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer()));
        await rename(building, file);
      } finally {
        await db.destroy();
      }
    }
    return new Blob([await readFile(file)]);
  })();
  return pgliteTemplateData;
}

/** A migrated template named after the migrations' content, built once per change of them. */
async function ensureTemplate(): Promise<string> {
  const template = `stance_template_${migrationsDigest()}`;
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
