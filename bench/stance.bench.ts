// Stance projection rebuild over a log of claim events on the Postgres server, next to the raw
// read rate of the same log measured in the same run, and the process's peak memory during the
// rebuild.
//
// The log (bench/long-history.ts): ClaimRecorded events (plus ~0.5% ClaimRejected) over 20
// watches x 50 actors = 1,000 timelines, said-on days spread over two years, arriving out of
// said-on order.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/database/database.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { EventStore } from '../src/event-store/event-store.service.js';
import { LeaderLockRepository } from '../src/event-store/leader-lock.repository.js';
import { SubscriptionRunner } from '../src/event-store/subscription-runner.js';
import { StanceProjection, type RebuildResult } from '../src/stance/stance-projection.js';
import { StanceRepository } from '../src/stance/stance.repository.js';
import { fillClaimLog, syntheticTimelines } from './long-history.js';
import type { Report } from './report.js';

const TIMELINES = syntheticTimelines(20, 50);
/** Rows per page of the raw keyset read. */
const READ_PAGE = 5000;
const SAMPLE_MS = 50;
const CHILD_FLAG = '--stance-rebuild-child';

export interface StanceBenchSizes {
  /** ClaimRecorded events in the log. */
  claims: number;
}

export async function benchStanceProjection(database: Database, report: Report, sizes: StanceBenchSizes) {
  if (!database.serverUrl) throw new Error('the stance projection bench needs a Postgres server');
  const db = database.db;
  const repository = new EventStoreRepository(database);

  // -- fill (not measured)
  const fillStart = process.hrtime.bigint();
  const { rejections } = await fillClaimLog(repository, sizes.claims, TIMELINES);
  // After a bulk load, as an operator would (autovacuum gets there too, later): sets the hint
  // bits, so neither measured pass pays for them.
  await sql`vacuum (analyze) events`.execute(db);
  const logLength = (await repository.head()).position;
  report.note(
    `  log: ${sizes.claims} ClaimRecorded + ${rejections} ClaimRejected = ${logLength} events over ${TIMELINES.length} timelines, ` +
      `filled in ${seconds(fillStart).toFixed(1)} s (not measured)`,
  );

  // -- the raw read, then the rebuild, each in a fresh process of its own: the peak memory is the
  //    rebuild's, as a rebuild command would see it, not the heap kept from the fill, the read or
  //    the benchmarks before this one.
  const { read, rawRead } = (await measureInChild(database.serverUrl, 'read')) as RawRead;
  if (read !== logLength) throw new Error(`raw read saw ${read} events, the log has ${logLength}`);
  const m = (await measureInChild(database.serverUrl, 'rebuild')) as Rebuilt;

  // -- it produced the projection
  const { rows: counts } = await sql<{ claims: number; drops: number; current: number; changes: number }>`
    select (select count(*)::int from stance_claims) as claims, (select count(*)::int from stance_claim_drops) as drops,
           (select count(*)::int from stance_current) as current, (select count(*)::int from stance_changes) as changes`.execute(db);
  const count = counts[0]!;
  if (count.claims !== sizes.claims) throw new Error(`rebuild left ${count.claims} rows in stance_claims, expected ${sizes.claims}`);
  if (count.drops !== rejections) throw new Error(`rebuild left ${count.drops} rows in stance_claim_drops, expected ${rejections}`);
  if (count.current !== TIMELINES.length || m.timelines !== TIMELINES.length) {
    throw new Error(`rebuild left ${count.current} rows in stance_current (${m.timelines} timelines), expected ${TIMELINES.length}`);
  }
  if (m.position !== logLength) throw new Error(`rebuild stopped at ${m.position}, the log ends at ${logLength}`);

  report.add({ name: 'stance.rebuild', value: logLength / m.rebuild, unit: 'events/s', baseline: read / rawRead, target: '>= 0.3' });
  report.add({
    name: 'stance.rebuild.peak_rss',
    value: m.peakRss / 1024 / 1024,
    unit: 'MB',
    target: `< 300 MB; rss of the rebuilding process, sampled every ${SAMPLE_MS} ms; ${mb(m.rssBefore)} MB before the rebuild`,
  });
  report.add({
    name: 'stance.rebuild.peak_heap',
    value: m.peakHeap / 1024 / 1024,
    unit: 'MB',
    target: `heapUsed, same samples; ${mb(m.heapBefore)} MB before the rebuild${m.gc ? '' : ' (run with --expose-gc)'}`,
  });
  const s = m.stages;
  const fold = s.refresh - s.timelineRecords - s.replaceTimelineRows;
  report.note(
    `  rebuild ${m.rebuild.toFixed(1)} s: copy from the log ${s.copy.toFixed(1)} s (${s.copyCalls} chunks), ` +
      `per-timeline refresh ${s.refresh.toFixed(1)} s over ${s.refreshCalls} timelines ` +
      `(read rows ${s.timelineRecords.toFixed(1)} s, fold ${fold.toFixed(1)} s, write rows ${s.replaceTimelineRows.toFixed(1)} s), ` +
      `rest ${(m.rebuild - s.copy - s.refresh).toFixed(1)} s; raw read ${rawRead.toFixed(1)} s; ${count.changes} stance changes`,
  );
}

interface RawRead {
  read: number;
  rawRead: number;
}

interface Rebuilt {
  rebuild: number;
  position: number;
  timelines: number;
  stages: ReturnType<typeof instrument>['stages'];
  rssBefore: number;
  heapBefore: number;
  peakRss: number;
  peakHeap: number;
  gc: boolean;
}

type Pass = 'read' | 'rebuild';

/** Runs this module as a child process (see the end of the file) and takes its figures. */
function measureInChild(serverUrl: string, pass: Pass): Promise<RawRead | Rebuilt> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, pass, serverUrl], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let measured: RawRead | Rebuilt | undefined;
    child.on('message', (message) => (measured = message as RawRead | Rebuilt));
    child.on('error', reject);
    child.on('exit', (code) =>
      measured && code === 0 ? resolve(measured) : reject(new Error(`stance bench ${pass} process exited with ${code}`)),
    );
  });
}

/** In the child: one pass over the log, on a pool of its own. */
async function measure(serverUrl: string, pass: Pass): Promise<RawRead | Rebuilt> {
  const database = await openDatabase({ databaseUrl: serverUrl, dataDir: '' });
  try {
    return pass === 'read' ? await rawReadPass(database) : await rebuildPass(database);
  } finally {
    await database.close();
  }
}

/** The baseline: the raw read of the whole log (keyset pages, JSON parsed by pg). */
async function rawReadPass(database: Database): Promise<RawRead> {
  const db = database.db;
  let read = 0;
  const rawRead = await timed(async () => {
    let after = 0;
    for (;;) {
      const { rows } = await sql<{ position: number }>`
        select * from events where position > ${after} order by position limit ${READ_PAGE}`.execute(db);
      if (rows.length === 0) break;
      read += rows.length;
      after = Number(rows[rows.length - 1]!.position);
    }
  });
  return { read, rawRead };
}

/** StanceProjection.rebuild() over the whole log, its stages timed, memory sampled every 50 ms. */
async function rebuildPass(database: Database): Promise<Rebuilt> {
  const repository = new EventStoreRepository(database);
  const stances = new StanceRepository(database);
  const runner = new SubscriptionRunner(repository, new EventStore(repository), new LeaderLockRepository(database));
  const projection = new StanceProjection(stances, repository, runner);
  const { stages, progress } = instrument(stances);
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  let result: RebuildResult;
  let rebuild: number;
  try {
    const start = process.hrtime.bigint();
    result = await projection.rebuild({ progress });
    rebuild = seconds(start);
  } finally {
    clearInterval(sampler);
  }
  sample();
  return {
    rebuild,
    position: result.position,
    timelines: result.timelines,
    stages,
    rssBefore: before.rss,
    heapBefore: before.heapUsed,
    peakRss,
    peakHeap,
    gc: global.gc !== undefined,
  };
}

/**
 * Times the rebuild's two stages through its progress hooks ('reading the log', 'folding
 * timelines'), and, inside the fold, the repository's reads and writes (public methods wrapped
 * on this instance: a call each, no measurable cost).
 */
function instrument(stances: StanceRepository) {
  const stages = { copy: 0, copyCalls: 0, refresh: 0, refreshCalls: 0, timelineRecords: 0, replaceTimelineRows: 0 };
  const wrap = (method: 'timelineOrderRecords' | 'replaceTimelineRows', add: (s: number) => void) => {
    const original = stances[method].bind(stances) as (...args: unknown[]) => Promise<unknown>;
    (stances as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const start = process.hrtime.bigint();
      try {
        return await original(...args);
      } finally {
        add(seconds(start));
      }
    };
  };
  wrap('timelineOrderRecords', (s) => (stages.timelineRecords += s));
  wrap('replaceTimelineRows', (s) => (stages.replaceTimelineRows += s));
  const progress = (label: string) => {
    const start = process.hrtime.bigint();
    let calls = 0;
    return {
      advance: () => void calls++,
      done: () => {
        if (label === 'reading the log') (stages.copy = seconds(start)), (stages.copyCalls = calls);
        else (stages.refresh = seconds(start)), (stages.refreshCalls = calls);
      },
    };
  };
  return { stages, progress };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return seconds(start);
}

// Started by measureInChild: measure, hand the figures to the parent, exit.
if (process.argv[2] === CHILD_FLAG && process.argv[1] === fileURLToPath(import.meta.url)) {
  measure(process.argv[4]!, process.argv[3] as Pass).then(
    (measured) => process.send!(measured, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
