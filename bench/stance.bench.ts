// Stance projection rebuild over a log of claim events on the Postgres server, next to the raw
// read rate of the same log measured in the same run, and the process's peak memory during the
// rebuild.
//
// The log: ClaimRecorded events (plus ~0.5% ClaimRejected) over 20 watches x 50 actors = 1,000
// timelines, said-on days spread over two years with day / range / before precisions. Each
// timeline's story is drawn in valid time (said-on order) and each claim keeps the actor's
// previous stance with probability 0.9, otherwise switches: that is what news looks like (an actor
// repeats its line for months, then changes it), and it is what makes most claims "no change".
// The log order is the order the reports arrived: said-on day plus a reporting lag, mostly a day
// or two, sometimes weeks, now and then months (late-arriving old claims), so the said-on days are
// not sorted along the log and the fold has to insert into the middle of a timeline.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/database/database.js';
import type { Stance } from '../src/domain/vocabulary.js';
import type { NewEvent } from '../src/event-store/domain/event.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { EventStore } from '../src/event-store/event-store.service.js';
import { LeaderLockRepository } from '../src/event-store/leader-lock.repository.js';
import { SubscriptionRunner } from '../src/event-store/subscription-runner.js';
import { StanceProjection, type RebuildResult } from '../src/stance/stance-projection.js';
import { StanceRepository } from '../src/stance/stance.repository.js';
import type { Report } from './report.js';

const WATCHES = 20;
const ACTORS = 50;
const TIMELINES = WATCHES * ACTORS;
/** Said-on days: 2023-01-01 plus 0..729. */
const DAYS = 730;
const DAY0 = Date.UTC(2023, 0, 1);
const KEEP_STANCE = 0.9;
const REJECTED = 0.005;
/** Events per append call (one stream each): one round trip and one transaction per batch. */
const FILL_BATCH = 5000;
/** Rows per page of the raw keyset read. */
const READ_PAGE = 5000;
const SAMPLE_MS = 50;
const CHILD_FLAG = '--stance-rebuild-child';

const STANCE_OF: readonly Stance[] = ['deny', 'neither', 'confirm'];
const PRECISIONS = ['day', 'range', 'before'] as const;

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
  const { rejections } = await fillLog(repository, sizes.claims);
  // After a bulk load, as an operator would (autovacuum gets there too, later): sets the hint
  // bits, so neither measured pass pays for them.
  await sql`vacuum (analyze) events`.execute(db);
  const logLength = (await repository.head()).position;
  report.note(
    `  log: ${sizes.claims} ClaimRecorded + ${rejections} ClaimRejected = ${logLength} events over ${TIMELINES} timelines, ` +
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
  if (count.current !== TIMELINES || m.timelines !== TIMELINES) {
    throw new Error(`rebuild left ${count.current} rows in stance_current (${m.timelines} timelines), expected ${TIMELINES}`);
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
export async function rawReadPass(database: Database): Promise<RawRead> {
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

/** Appends the claim log through the event store's own append (trigger: positions, hash chain). */
export async function fillLog(repository: EventStoreRepository, claims: number): Promise<{ rejections: number }> {
  const plan = planClaims(claims);
  let rejections = 0;
  let pendingRejections: string[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  let documentId = randomUUID();
  for (let at = 0; at < claims; at += FILL_BATCH) {
    const events: NewEvent[] = [];
    // Rejections of claims logged in the previous batch: an analyst catching them a little later.
    for (const claimId of pendingRejections) {
      events.push({ type: 'ClaimRejected', data: { claimId, reason: 'not a statement by the actor', by: 'analyst:bench' } });
    }
    rejections += pendingRejections.length;
    pendingRejections = [];
    for (let k = at; k < Math.min(at + FILL_BATCH, claims); k++) {
      // Two or three claims per report on average.
      if (Math.random() < 0.4) documentId = randomUUID();
      const data = claimPayload(plan, plan.logOrder[k]!, documentId);
      events.push({ type: 'ClaimRecorded', data });
      if (Math.random() < REJECTED) pendingRejections.push(data.claimId);
    }
    // The next batch is built while this one is written; appends stay in order.
    await inFlight;
    inFlight = repository.append(`bench-claims-${randomUUID()}`, events);
  }
  await inFlight;
  if (pendingRejections.length > 0) {
    await repository.append(
      `bench-claims-${randomUUID()}`,
      pendingRejections.map((claimId) => ({ type: 'ClaimRejected', data: { claimId, reason: 'not a statement by the actor', by: 'analyst:bench' } })),
    );
    rejections += pendingRejections.length;
  }
  return { rejections };
}

interface ClaimPlan {
  timeline: Uint16Array;
  /** Said-on upper bound, days since DAY0. */
  day: Uint16Array;
  /** 0 day, 1 range, 2 before. */
  precision: Uint8Array;
  /** Days between the said-on lower bound and the upper one, for ranges. */
  span: Uint8Array;
  stance: Uint8Array;
  /** Report time, days since DAY0 (fractional). */
  reported: Float64Array;
  /** Claim indexes in log (arrival) order. */
  logOrder: Uint32Array;
}

/** Draws every claim as a few numbers (typed arrays, ~20 bytes a claim); payloads come per batch. */
function planClaims(claims: number): ClaimPlan {
  const plan: ClaimPlan = {
    timeline: new Uint16Array(claims),
    day: new Uint16Array(claims),
    precision: new Uint8Array(claims),
    span: new Uint8Array(claims),
    stance: new Uint8Array(claims),
    reported: new Float64Array(claims),
    logOrder: new Uint32Array(claims),
  };
  const perTimeline = Math.floor(claims / TIMELINES);
  let c = 0;
  for (let t = 0; t < TIMELINES; t++) {
    const n = perTimeline + (t < claims - perTimeline * TIMELINES ? 1 : 0);
    // The timeline's story in valid time: sorted said-on days, stance mostly repeated.
    const days = Uint16Array.from({ length: n }, () => Math.floor(Math.random() * DAYS)).sort();
    let stance = Math.floor(Math.random() * 3);
    for (let i = 0; i < n; i++, c++) {
      if (i > 0 && Math.random() >= KEEP_STANCE) stance = (stance + 1 + Math.floor(Math.random() * 2)) % 3;
      const r = Math.random();
      plan.timeline[c] = t;
      plan.day[c] = days[i]!;
      plan.precision[c] = r < 0.6 ? 0 : r < 0.85 ? 1 : 2;
      plan.span[c] = 1 + Math.floor(Math.random() * 6);
      plan.stance[c] = stance;
      // Reporting lag: mostly a day or two, sometimes weeks, now and then months.
      const l = Math.random();
      const lag = l < 0.85 ? Math.random() * 3 : l < 0.97 ? 3 + Math.random() * 27 : 30 + Math.random() * 335;
      plan.reported[c] = days[i]! + lag;
    }
  }
  const reported = plan.reported;
  plan.logOrder = Uint32Array.from({ length: claims }, (_, i) => i).sort((a, b) => reported[a]! - reported[b]!);
  return plan;
}

function claimPayload(plan: ClaimPlan, c: number, documentId: string) {
  const t = plan.timeline[c]!;
  const watchId = `watch-${String(Math.floor(t / ACTORS)).padStart(2, '0')}`;
  const actorId = `actor-${String(t % ACTORS).padStart(2, '0')}`;
  const stance = STANCE_OF[plan.stance[c]!]!;
  const to = isoDay(plan.day[c]!);
  const precision = PRECISIONS[plan.precision[c]!]!;
  const saidOn =
    precision === 'day'
      ? { from: to, to, precision, basis: 'pada hari Kamis' }
      : precision === 'range'
        ? { from: isoDay(Math.max(0, plan.day[c]! - plan.span[c]!)), to, precision, basis: 'pekan lalu' }
        : { from: null, to, precision, basis: 'sebelumnya' };
  const sentence =
    `Juru bicara ${actorId} pada ${to} ${VERBS[stance]} laporan bahwa pasukan asing dikerahkan ke garis depan, ` +
    `kata sumber yang dikutip kantor berita (${c}).`;
  const start = 200 + (c % 5000);
  return {
    claimId: randomUUID(),
    watchId,
    actorId,
    speaker: `Juru bicara ${actorId}`,
    stance,
    saidOn,
    evidence: { sentence, start, end: start + sentence.length, cues: [CUES[stance]] },
    documentId,
    url: `https://news.example/articles/${documentId}`,
    origin: 'extractor' as const,
    recordedBy: 'rules-1',
    reportedAt: new Date(DAY0 + plan.reported[c]! * 86_400_000).toISOString(),
  };
}

const VERBS: Record<Stance, string> = { deny: 'membantah keras', neither: 'enggan mengomentari', confirm: 'membenarkan' };
const CUES: Record<Stance, string> = { deny: 'membantah', neither: 'enggan mengomentari', confirm: 'membenarkan' };

const isoDays: string[] = [];
function isoDay(day: number): string {
  return (isoDays[day] ??= new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10));
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
