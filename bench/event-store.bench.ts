// Event-store throughput next to raw `pg` doing the same work on an equivalent plain table
// (same columns, constraints and indexes; no trigger, no chain), measured in the same run.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../src/database/database.js';
import { splitSqlStatements } from '../src/database/sql-script.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { EventStore } from '../src/event-store/event-store.service.js';
import { LeaderLockRepository } from '../src/event-store/leader-lock.repository.js';
import { SubscriptionRunner, type EventSubscriber } from '../src/event-store/subscription-runner.js';
import type { Report } from './report.js';

const RAW_TABLE = `
  create table if not exists raw_events (
    position bigint generated always as identity primary key,
    stream_id text not null, stream_version integer not null, event_id uuid not null unique,
    type text not null, data jsonb not null, metadata jsonb not null default '{}'::jsonb,
    idempotency_key text, recorded_at timestamptz not null default now(),
    unique (stream_id, stream_version));
  create index if not exists raw_events_idempotency_key on raw_events (idempotency_key) where idempotency_key is not null;
  create index if not exists raw_events_type_position on raw_events (type, position);
  create index if not exists raw_events_recorded_at on raw_events (recorded_at)`;

/** A realistic ClaimRecorded payload (~700 bytes of JSON). */
export function claimData(n: number) {
  return {
    claimId: randomUUID(),
    documentId: randomUUID(),
    watchId: 'dprk-troops-russia',
    actorId: ['russia', 'dprk', 'ukraine', 'usa', 'nato', 'south-korea'][n % 6],
    speaker: 'Dmitry Peskov',
    stance: ['deny', 'neither', 'confirm'][n % 3],
    saidOn: { from: null, to: '2024-10-24', precision: 'before', basis: 'sebelumnya' },
    evidence: {
      sentence: `Juru bicara Kremlin Dmitry Peskov menolak spekulasi bahwa militer Korea Utara terlibat dalam permusuhan dengan Ukraina sebagai “cerita palsu” (${n}).`,
      start: 1000 + n,
      end: 1150 + n,
      cues: ['menolak', 'cerita palsu'],
    },
    url: `https://news.example/articles/${n}`,
    origin: 'extractor',
    recordedBy: 'rules-1',
  };
}

export interface EventStoreBenchSizes {
  batches: number;
  singles: number;
  /** Events in the log for the full read (topped up with batch appends). */
  readEvents: number;
}

export async function benchEventStore(database: Database, report: Report, label: string, sizes: EventStoreBenchSizes) {
  const db = database.db;
  for (const statement of splitSqlStatements(RAW_TABLE)) await sql.raw(statement).execute(db);
  const repository = new EventStoreRepository(database);
  const store = new EventStore(repository);
  const prefix = label === 'postgres' ? '' : `${label}.`;

  // -- batch append, 1,000 events per transaction
  const batch = () => Array.from({ length: 1000 }, (_, i) => ({ type: 'ClaimRecorded', data: claimData(i) }));
  const ours = await timed(async () => {
    for (let b = 0; b < sizes.batches; b++) await store.append(`bench-batch-${randomUUID()}`, batch());
  });
  const raw = await timed(async () => {
    for (let b = 0; b < sizes.batches; b++) {
      const stream = `raw-batch-${randomUUID()}`;
      await db
        .insertInto('raw_events' as never)
        .values(
          batch().map((e, i) => ({
            stream_id: stream,
            stream_version: i + 1,
            event_id: randomUUID(),
            type: e.type,
            data: JSON.stringify(e.data),
            metadata: '{}',
          })) as never,
        )
        .execute();
    }
  });
  const events = sizes.batches * 1000;
  report.add({ name: `${prefix}append.batch`, value: events / ours, unit: 'events/s', baseline: events / raw, target: '>= 0.6' });

  // -- single appends with an expected version
  const stream = `bench-single-${randomUUID()}`;
  const oursSingle = await timed(async () => {
    for (let v = 0; v < sizes.singles; v++) {
      await store.append(stream, [{ type: 'ClaimRecorded', data: claimData(v) }], { expectedVersion: v });
    }
  });
  const rawStream = `raw-single-${randomUUID()}`;
  const rawSingle = await timed(async () => {
    for (let v = 0; v < sizes.singles; v++) {
      await sql`insert into raw_events (stream_id, stream_version, event_id, type, data)
                values (${rawStream}, ${v + 1}, ${randomUUID()}, 'ClaimRecorded', ${JSON.stringify(claimData(v))}::jsonb)`.execute(db);
    }
  });
  report.add({
    name: `${prefix}append.single`,
    value: sizes.singles / oursSingle,
    unit: 'events/s',
    baseline: sizes.singles / rawSingle,
    target: '>= 0.5',
  });

  // -- top both tables up to the same size for the full read
  await topUp(store, db, sizes.readEvents);

  // -- full read through the subscription API (checkpoint moved per batch) vs raw keyset paging
  const runner = new SubscriptionRunner(repository, store, new LeaderLockRepository(database));
  // Flat memory: the heap left after a full collection, sampled every tenth of the read, must not
  // grow with the number of events read (garbage between collections is not growth).
  let seen = 0;
  const heapSamples: number[] = [];
  const sampleEvery = Math.max(1000, Math.floor(sizes.readEvents / 10 / 1000) * 1000);
  const reader: EventSubscriber = {
    subscriptionName: `bench-read-${randomUUID()}`,
    batchSize: 1000,
    async handle(batchOfEvents) {
      seen += batchOfEvents.length;
      if (seen % sampleEvery < batchOfEvents.length) {
        global.gc?.();
        heapSamples.push(process.memoryUsage().heapUsed);
      }
    },
  };
  const oursRead = await timed(() => runner.catchUp(reader));
  const rawRead = await timed(async () => {
    let after = 0;
    for (;;) {
      const { rows } = await sql<{ position: number }>`select * from raw_events where position > ${after} order by position limit 1000`.execute(db);
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]!.position);
    }
  });
  const total = (await repository.head()).position;
  report.add({ name: `${prefix}read.full`, value: total / oursRead, unit: 'events/s', baseline: seen / rawRead, target: '>= 0.5' });
  report.add({
    name: `${prefix}read.full.heap_growth`,
    value: Math.max(0, heapSamples.at(-1)! - heapSamples[0]!) / 1024 / 1024,
    unit: 'MB',
    target: `flat: live heap after GC, first vs last of ${heapSamples.length} samples over ${total} events${global.gc ? '' : ' (run with --expose-gc)'}`,
  });
  report.add({ name: `${prefix}read.full.rss`, value: process.memoryUsage().rss / 1024 / 1024, unit: 'MB' });
}

async function topUp(store: EventStore, db: Database['db'], target: number) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(db);
  let have = rows[0]!.n;
  while (have < target) {
    const n = Math.min(1000, target - have);
    await store.append(`bench-fill-${randomUUID()}`, Array.from({ length: n }, (_, i) => ({ type: 'ClaimRecorded', data: claimData(i) })));
    have += n;
  }
  // The raw table gets the same rows, copied in bulk (its fill is not what is measured).
  await sql`truncate raw_events`.execute(db);
  await sql`insert into raw_events (stream_id, stream_version, event_id, type, data, metadata)
            select stream_id, stream_version, event_id, type, data, metadata from events order by position`.execute(db);
  // After a bulk load, as an operator would (autovacuum gets there too, later).
  await sql`analyze events`.execute(db);
  await sql`analyze raw_events`.execute(db);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}
