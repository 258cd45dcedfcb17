// npm run bench [-- --json] [-- --quick] [-- --only NAME,...]: every benchmark of the service, each
// figure next to its baseline measured in the same run. --only runs the named sections (extraction,
// eval, event-store, projection, rebuilds, pglite, feeds, long, load). Needs a Postgres server (BENCH_DATABASE_URL,
// TEST_DATABASE_URL or DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres):
// it creates a scratch database and drops it afterwards.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/database/database.js';
import { migrateToLatest } from '../src/database/migrations.js';
import { join } from 'node:path';
import { packageRoot } from '../src/common/package-root.js';
import { benchEval } from './eval.bench.js';
import { benchEventStore } from './event-store.bench.js';
import { benchExtraction } from './extraction.bench.js';
import { benchFeeds } from './feeds.bench.js';
import { benchLoad } from './load.bench.js';
import { benchLongHistory } from './long-history.bench.js';
import { benchSources } from './sources.bench.js';
import { benchStanceProjection } from './stance.bench.js';
import { benchRepeatedRebuilds } from './rebuilds.bench.js';
import { Report } from './report.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, only: { type: 'string' } } });
const report = new Report(values.json ?? false);
const quick = values.quick ?? false;
const SECTIONS = ['extraction', 'eval', 'event-store', 'projection', 'rebuilds', 'pglite', 'feeds', 'long', 'load'] as const;
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !(SECTIONS as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`--only: no section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
/** Whether this run includes the section (all of them without --only). */
const runs = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
const serverUrl =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  process.env.DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `work` on a migrated database of its own on the server, closed and dropped after. */
async function withScratchDatabase(work: (database: Database) => Promise<void>) {
  const name = `stance_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    try {
      await migrateToLatest(database.db);
      await work(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  report.note(`stance-monitor benchmarks on ${process.version}${quick ? ' (quick)' : ''}\n`);

  const root = packageRoot();
  if (runs('extraction')) {
    report.note('extraction (one core):');
    await benchExtraction(report, join(root, 'fixtures/articles'), join(root, 'fixtures/watches'), quick ? 20 : 200);
    report.note('');
  }

  if (runs('eval')) {
    report.note('eval (the built command, 11 ingestion orders of the seeds):');
    await benchEval(report, root);
    report.note('');
  }

  if (runs('event-store')) {
    await withScratchDatabase(async (database) => {
      report.note('event store on the Postgres server:');
      await benchEventStore(database, report, 'postgres', {
        batches: quick ? 10 : 50,
        singles: quick ? 500 : 2000,
        readEvents: quick ? 50_000 : 1_000_000,
      });
      report.note('\nsource ingestion on the Postgres server:');
      await benchSources(database, report, 'postgres', 10_000);
    });
  }

  // A scratch database of its own: the log holds only the projection's claim events.
  if (runs('projection')) {
    await withScratchDatabase(async (database) => {
      report.note('\nstance projection on the Postgres server:');
      await benchStanceProjection(database, report, { claims: quick ? 50_000 : 1_000_000 });
    });
  }

  if (runs('rebuilds')) {
    await withScratchDatabase(async (database) => {
      report.note('\nthree rebuilds in a row on the Postgres server:');
      await benchRepeatedRebuilds(database, report, { claims: quick ? 20_000 : 100_000 });
    });
  }

  if (runs('pglite')) {
    const pglite = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    await migrateToLatest(pglite.db);
    report.note('\nevent store on embedded PGlite:');
    await benchEventStore(pglite, report, 'pglite', { batches: 5, singles: 500, readEvents: 20_000 });
    await benchSources(pglite, report, 'pglite', 10_000);
    await pglite.close();
  }

  if (runs('feeds')) {
    report.note('\nfeeds over HTTP (the built service and the load generator in processes of their own):');
    await benchFeeds(report, { serverUrl, quick });
  }

  if (runs('long')) {
    report.note('\na long history: 100,000 claims over two years (the built service; wrk and the other load in processes of their own):');
    await benchLongHistory(report, { serverUrl, quick });
  }

  if (runs('load')) {
    report.note('\nthree instances on one database under mixed load (the built service, the load generator in a process of its own):');
    await benchLoad(report, { serverUrl, quick });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
