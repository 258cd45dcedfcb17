// Opens the system of record: PGlite in a data folder by default (one command starts the
// service on a fresh machine), or a Postgres server through `pg` when DATABASE_URL is set.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { releaseDataFolder } from './data-folder-lock.js';
import { PGliteWorkerDialect } from './pglite-worker-driver.js';
import type { Tables } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** Postgres server URL; null opens PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Pool size for a server (default 10). */
  maxConnections?: number;
  /**
   * Run PGlite in a worker thread (default: yes for a data folder, no for `memory://`). On the
   * main thread its queries block the event loop; the tests' in-memory databases stay there
   * because they serve no HTTP while they work and start faster.
   */
  pgliteInWorker?: boolean;
  /**
   * An image of a data folder (`migratedTemplateImage()`) that an in-memory PGlite starts from
   * instead of running initdb.
   */
  pgliteImage?: Blob;
}

export interface Database {
  readonly db: Kysely<Tables>;
  readonly kind: DatabaseKind;
  /** Server URL for features that need a connection of their own (leader lock); null on PGlite. */
  readonly serverUrl: string | null;
  close(): Promise<void>;
}

// `pg` hands int8 back as a string; PGlite as a number. Log positions stay far below 2^53, so
// both are read as numbers and every repository sees one shape.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: 10_000,
    });
    // A client losing its server (restart, pg_terminate_backend) must not crash the process: the
    // pool reports idle clients on 'error', but a client checked out by Kysely between queries
    // emits 'error' on itself, with no listener unless we add one. The next query reports it.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', serverUrl: options.databaseUrl, close: () => db.destroy() };
  }

  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(options.dataDir, { recursive: true });
  let db: Kysely<Tables>;
  if (options.pgliteImage && !inMemory) throw new Error('a PGlite image is loaded into an in-memory database only');
  if (options.pgliteInWorker ?? !inMemory) {
    db = new Kysely<Tables>({ dialect: new PGliteWorkerDialect(options.dataDir) });
    // Opened now, not at the first query, so that a folder PGlite cannot open fails here.
    await sql`select 1`.execute(db);
  } else {
    db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite: await PGlite.create(options.dataDir, { loadDataDir: options.pgliteImage }) }) });
  }
  return {
    db,
    kind: 'pglite',
    serverUrl: null,
    close: async () => {
      await db.destroy(); // closes PGlite (its files flushed), and its worker if it has one
      if (!inMemory) releaseDataFolder(options.dataDir);
    },
  };
}
