// npm run bench [-- --json] [-- --quick]: every benchmark of the service, each figure next to
// its baseline measured in the same run. Needs a Postgres server (BENCH_DATABASE_URL,
// TEST_DATABASE_URL or DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres):
// it creates a scratch database and drops it afterwards.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/database/database.js';
import { migrateToLatest } from '../src/database/migrations.js';
import { join } from 'node:path';
import { packageRoot } from '../src/database/migrations.js';
import { benchEventStore } from './event-store.bench.js';
import { benchExtraction } from './extraction.bench.js';
import { benchFeeds } from './feeds.bench.js';
import { benchLoad } from './load.bench.js';
import { benchLongHistory } from './long-history.bench.js';
import { benchSources } from './sources.bench.js';
import { benchStanceProjection } from './stance.bench.js';
import { Report } from './report.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' } } });
const report = new Report(values.json ?? false);
const quick = values.quick ?? false;
const serverUrl =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  process.env.DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

async function withScratchDatabase(work: (url: string) => Promise<void>) {
  const name = `stance_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  report.note(`stance-monitor benchmarks on ${process.version}${quick ? ' (quick)' : ''}\n`);

  report.note('extraction (one core):');
  const root = packageRoot();
  await benchExtraction(report, join(root, 'fixtures/articles'), join(root, 'fixtures/watches'), quick ? 20 : 200);
  report.note('');

  await withScratchDatabase(async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    await migrateToLatest(database.db);
    report.note('event store on the Postgres server:');
    await benchEventStore(database, report, 'postgres', {
      batches: quick ? 10 : 50,
      singles: quick ? 500 : 2000,
      readEvents: quick ? 50_000 : 1_000_000,
    });
    report.note('\nsource ingestion on the Postgres server:');
    await benchSources(database, report, 'postgres', 10_000);
    await database.close();
  });

  // A scratch database of its own: the log holds only the projection's claim events.
  await withScratchDatabase(async (url) => {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    await migrateToLatest(database.db);
    report.note('\nstance projection on the Postgres server:');
    await benchStanceProjection(database, report, { claims: quick ? 50_000 : 1_000_000 });
    await database.close();
  });

  const pglite = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
  await migrateToLatest(pglite.db);
  report.note('\nevent store on embedded PGlite:');
  await benchEventStore(pglite, report, 'pglite', { batches: 5, singles: 500, readEvents: 20_000 });
  await benchSources(pglite, report, 'pglite', 10_000);
  await pglite.close();

  report.note('\nfeeds over HTTP (the built service and the load generator in processes of their own):');
  await benchFeeds(report, { serverUrl, quick });

  report.note('\na long history: 100,000 claims over two years (the built service; wrk and the other load in processes of their own):');
  await benchLongHistory(report, { serverUrl, quick });

  report.note('\nthree instances on one database under mixed load (the built service, the load generator in a process of its own):');
  await benchLoad(report, { serverUrl, quick });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
