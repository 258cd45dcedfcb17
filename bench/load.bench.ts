// Mixed read traffic against three instances on one database while sources are polled and claims
// appended, as DESIGN.md's scale-out path runs the service:
//
// - Three built services (`dist/src/cli.js serve`) on a scratch database on the Postgres server.
//   The first is started alone, so it leads every background role (scheduler, extraction, stance
//   projection, webhook dispatch); the other two only serve.
// - Writes all along: a local "wire" feed gains an article every WIRE_MS (each one a stance claim
//   the extractor finds) and is registered under one more URL every REGISTER_MS, so that the
//   scheduler polls it again (a polled feed waits at least a minute: several outlets carrying one
//   wire, which also exercises ingestion's deduplication); and an analyst's claim is posted
//   through the admin API every CLAIM_MS, to the instances in turn.
// - Reads from a load generator in a child process of its own (not on the event loop of the wire
//   server and the writers, nor of a service): CONCURRENCY requests in flight on keep-alive
//   connections, in a fixed mix: half feeds (Atom and JSON; all changes, one watch, one actor,
//   claims), a quarter stances (now and as of a day), a quarter actors' histories.
// - The baseline, in the same run and in alternating slices: the same traffic against one
//   instance (a non-leader: it only serves) while the other two still run and the writes go on.
//   Not a bare node:http server (feeds.serve already compares the feed path with one): the
//   question here is what serving from three instances buys over one.
// - Projection lag, sampled from the database every LAG_SAMPLE_MS with the query behind /metrics'
//   gauges (MetricsRepository): the events the `stance` subscription has not handled yet and how
//   old the oldest of them is.
//
// Every response must be a 200 and every write must succeed: the run fails after its report otherwise.
//
// Run alone: `npm run build && node dist/bench/load.bench.js [--quick] [--json]`.
import { fork } from 'node:child_process';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/database/database.js';
import { MetricsRepository } from '../src/metrics/metrics.repository.js';
import { SCHEDULER_LEADER_LOCK } from '../src/sources/sources.scheduler.js';
import { STANCE_EVENT_TYPES, STANCE_SUBSCRIPTION } from '../src/stance/stance-projection.js';
import { DISPATCH_LEADER_LOCK } from '../src/webhooks/webhook-dispatcher.js';
import {
  AdminApi,
  ClaimMaker,
  cpuSeconds,
  get,
  hostBusySeconds,
  quantile,
  sleep,
  WATCH,
  withServiceRun,
  type Children,
  type Service,
} from './feeds.bench.js';
import { driveClosedLoop, type LoopControl } from './closed-loop.js';
import { Report } from './report.js';

const CONCURRENCY = 32;
const WIRE_MS = 500;
const REGISTER_MS = 3_000;
const CLAIM_MS = 200;
const LAG_SAMPLE_MS = 250;
/** Claims and wire articles in place before the first measured slice, so feeds hold full pages. */
const SEED_CLAIMS = 100;
const SEED_ARTICLES = 20;
/** The wire feed shows its newest entries only, as real feeds do. */
const WIRE_WINDOW = 50;
const PUBLIC_BASE_URL = 'https://stance.example.org';
const GENERATOR_FLAG = '--load-generator-child';
const SELF = fileURLToPath(import.meta.url);
/** What /health lists under `leads` on the instance that runs all the background work. */
const ROLES = [SCHEDULER_LEADER_LOCK, 'subscription:extraction', `subscription:${STANCE_SUBSCRIPTION}`, DISPATCH_LEADER_LOCK].sort();

type Kind = 'feed' | 'stances' | 'history';

/** The read mix, by weight: each path once per round of the generator's slots. */
const READS: { kind: Kind; path: string }[] = [
  { kind: 'feed', path: '/feeds/changes.atom' },
  { kind: 'feed', path: '/feeds/changes.json' },
  { kind: 'feed', path: `/feeds/watches/${WATCH}/changes.atom` },
  { kind: 'feed', path: `/feeds/watches/${WATCH}/claims.json` },
  { kind: 'feed', path: `/feeds/watches/${WATCH}/actors/russia.atom` },
  { kind: 'feed', path: `/feeds/watches/${WATCH}/actors/usa.json` },
  { kind: 'stances', path: `/api/watches/${WATCH}/stances` },
  { kind: 'stances', path: `/api/watches/${WATCH}/stances` },
  { kind: 'stances', path: `/api/watches/${WATCH}/stances?as_of=2025-01-01` },
  { kind: 'history', path: `/api/watches/${WATCH}/actors/russia/history` },
  { kind: 'history', path: `/api/watches/${WATCH}/actors/ukraine/history` },
  { kind: 'history', path: `/api/watches/${WATCH}/actors/south-korea/history` },
];

export interface LoadBenchOptions {
  /** A Postgres server URL (any database on it): a scratch database is created beside it. */
  serverUrl: string;
  quick: boolean;
}

interface Timing {
  rounds: number;
  /** Measured per case and round. */
  sliceMs: number;
  /** Before the first slice of each case, then before each later one (new generator, new connections). */
  warmupMs: number;
  sliceWarmupMs: number;
}

export async function benchLoad(report: Report, { serverUrl, quick }: LoadBenchOptions): Promise<void> {
  const timing: Timing = quick
    ? { rounds: 1, sliceMs: 4_000, warmupMs: 1_000, sliceWarmupMs: 500 }
    : { rounds: 3, sliceMs: 10_000, warmupMs: 2_000, sliceWarmupMs: 1_000 };
  await withServiceRun(serverUrl, 'bench_load', async ({ children, store, startService }) => {
    const wire = await startWire();
    const services: Service[] = [];
    let writers: Writers | undefined;
    let lag: LagMonitor | undefined;
    try {
      const databaseUrl = store.env.DATABASE_URL;
      if (!databaseUrl) throw new Error(`the load bench needs the Postgres server: several instances cannot share ${store.label}`);
      report.note(`  database: ${store.label}`);
      const env = {
        DATABASE_URL: databaseUrl,
        PUBLIC_BASE_URL,
        ALLOW_PRIVATE_SOURCES: 'true',
        // The bench's writers are one client posting CLAIM_MS apart; the limit is for people.
        ADMIN_RATE_LIMIT: '1000/second',
      };
      const leader = await startService({ ...env, INSTANCE_ID: 'load-1' });
      services.push(leader);
      await until('the first instance to lead every role', async () => (await roles(leader)).join() === ROLES.join(), 30_000);
      services.push(...(await Promise.all([2, 3].map((n) => startService({ ...env, INSTANCE_ID: `load-${n}` })))));
      const reader = services[1]!;
      report.note(`  instances: ${(await Promise.all(services.map(async (s) => `${s.url} leads [${(await roles(s)).join(', ')}]`))).join('; ')}`);

      // -- the content the reads see, in place before measuring (not measured)
      lag = await LagMonitor.start(databaseUrl);
      const apis = services.map((s) => new AdminApi(s.url));
      const claims = new ClaimMaker(await apis[0]!.actors(WATCH));
      for (let i = 0; i < SEED_CLAIMS; i++) await apis[i % apis.length]!.recordClaim(claims.next());
      for (let i = 0; i < SEED_ARTICLES; i++) wire.publish();
      await apis[0]!.call('POST', '/api/admin/sources', { url: wire.url('seed') });
      await until('the seed claims and the wire to be projected', async () => {
        const { documents } = await lag!.counts();
        return documents >= SEED_ARTICLES && (await lag!.sample()).events === 0;
      }, 60_000);

      // -- measured: the two cases in turn, with the writes going on throughout
      writers = startWriters(apis, claims, wire);
      const before = await lag.counts();
      lag.window(true);
      const single = READS.map((read) => ({ ...read, url: reader.url + read.path }));
      const spread = services.flatMap((s) => READS.map((read) => ({ ...read, url: s.url + read.path })));
      const cases = { one: [] as Slice[], three: [] as Slice[] };
      const pids = services.map((s) => s.proc.pid!);
      for (let round = 0; round < timing.rounds; round++) {
        const warmup = round === 0 ? timing.warmupMs : timing.sliceWarmupMs;
        cases.one.push(await runSlice(children, single, pids, warmup, timing.sliceMs));
        cases.three.push(await runSlice(children, spread, pids, warmup, timing.sliceMs));
      }
      lag.window(false);
      const atEnd = await lag.sample();
      const after = await lag.counts();
      const writes = await writers.stop();
      writers = undefined;

      // -- the report
      const one = combine(cases.one);
      const three = combine(cases.three);
      report.note(
        `  mixed reads (${CONCURRENCY} in flight on keep-alive connections; per case ${timing.warmupMs / 1000} s warm-up, then ${(timing.rounds * timing.sliceMs) / 1000} s ` +
          `measured in ${timing.rounds} slice(s) taken in turn; half feeds, a quarter stances, a quarter histories; baseline: the same reads against one ` +
          `instance, a non-leader, while all three run; ${availableParallelism()} cores):`,
      );
      report.add({ name: 'load.reads', value: three.rps, unit: 'req/s', baseline: one.rps });
      report.add({ name: 'load.reads.p50', value: three.p50, unit: 'ms', baseline: one.p50 });
      report.add({ name: 'load.reads.p99', value: three.p99, unit: 'ms', baseline: one.p99 });
      for (const kind of ['feed', 'stances', 'history'] as const) {
        report.add({ name: `load.reads.${kind}.p99`, value: three.byKind[kind].p99, unit: 'ms', baseline: one.byKind[kind].p99 });
      }
      const errors = one.errors + three.errors + writes.errors;
      report.add({ name: 'load.errors', value: errors, unit: 'errors', target: '0: failed requests, statuses other than 200, failed writes' });
      for (const [name, r] of [['three instances', three], ['one instance', one]] as const) {
        report.note(
          `    ${name.padEnd(15)}: ${r.requests} responses in ${r.seconds.toFixed(1)} s, max ${r.max.toFixed(1)} ms, ${r.errors} errors` +
            `${r.firstProblem ? ` (first: ${r.firstProblem})` : ''}; cpu in cores: services ${r.serviceCpu.map(cores).join(' + ')} ` +
            `(the leader first), load generator ${cores(r.generatorCpu)}, the rest (Postgres, the writers, anything else on the host) ${cores(r.otherCpu)}; ` +
            `the host ${cores(r.hostCpu)} of ${availableParallelism()} busy`,
        );
      }
      report.note(
        `  writes while measured: ${writes.claims} analyst claims (one every ${CLAIM_MS} ms), ${writes.articles} wire articles (one every ${WIRE_MS} ms), ` +
          `${writes.registrations} feed registrations (one every ${REGISTER_MS / 1000} s); the log grew by ${after.events - before.events} events ` +
          `(${after.documents - before.documents} documents), ${writes.errors} failed writes${writes.firstProblem ? ` (first: ${writes.firstProblem})` : ''}`,
      );
      const worst = lag.worst();
      report.note(`  projection lag of the stance subscription (events it has not handled; age of the oldest), as /metrics reports it, sampled every ${LAG_SAMPLE_MS} ms:`);
      report.add({ name: 'load.lag.max', value: worst.events, unit: 'events' });
      report.add({ name: 'load.lag.max.seconds', value: worst.seconds, unit: 's' });
      report.add({ name: 'load.lag.end', value: atEnd.events, unit: 'events' });
      report.add({ name: 'load.lag.end.seconds', value: atEnd.seconds, unit: 's' });
      if (errors > 0) throw new Error(`load bench: ${errors} errors (first: ${one.firstProblem ?? three.firstProblem ?? writes.firstProblem}); there must be none`);
    } finally {
      await writers?.stop();
      await lag?.close();
      await wire.close();
    }
  });
}

async function roles(service: Service): Promise<string[]> {
  return (JSON.parse((await get(`${service.url}/health`)).body.toString('utf8')) as { leads: string[] }).leads;
}

async function until(what: string, done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

// ---- the wire feed and the writers ----

const SPEAKERS: [actor: string, speaker: string][] = [
  ['russia', 'Kremlin spokesman Dmitry Peskov'],
  ['ukraine', "Ukraine's foreign ministry"],
  ['usa', 'The Pentagon'],
  ['south-korea', 'Seoul'],
  ['dprk', 'Pyongyang'],
  ['nato', 'NATO Secretary General Mark Rutte'],
];
const WIRE_DAY0 = Date.UTC(2026, 0, 1);

interface Wire {
  /** The feed's address, under a name of its own (each is a source of its own to the service). */
  url(outlet: string): string;
  /** Adds the next article: an actor's denial or confirmation, alternating per actor, an hour after the last. */
  publish(): void;
  close(): Promise<void>;
}

/** A local RSS feed that grows: every path and query answers with its newest WIRE_WINDOW articles. */
async function startWire(): Promise<Wire> {
  const items: string[] = [];
  const server = http.createServer((_req, res) => {
    const body =
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><language>en</language>` +
      items.slice(-WIRE_WINDOW).reverse().join('') +
      '</channel></rss>';
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return {
    url: (outlet) => `http://127.0.0.1:${port}/wire.xml?outlet=${encodeURIComponent(outlet)}`,
    publish: () => {
      const n = items.length;
      const [, speaker] = SPEAKERS[n % SPEAKERS.length]!;
      const verb = Math.floor(n / SPEAKERS.length) % 2 === 0 ? 'denied' : 'confirmed';
      const published = new Date(WIRE_DAY0 + n * 3_600_000).toUTCString();
      items.push(
        `<item><guid>wire-${n}</guid><link>https://wire.example.org/load/${n}</link><title>Wire report ${n}</title><pubDate>${published}</pubDate>` +
          `<description>${speaker.replace("'", '&apos;')} ${verb} that North Korean troops were fighting in Kursk. Wire report ${n}.</description></item>`,
      );
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

interface Writers {
  /** Ends the writes; what they did. Safe to call twice. */
  stop(): Promise<{ claims: number; articles: number; registrations: number; errors: number; firstProblem: string | null }>;
}

/** The steady writes: each on a fixed schedule (a late one does not shift the ones after it). */
function startWriters(apis: AdminApi[], claims: ClaimMaker, wire: Wire): Writers {
  let stopping = false;
  let errors = 0;
  let firstProblem: string | null = null;
  const counts = { claims: 0, articles: 0, registrations: 0 };
  const every = async (periodMs: number, write: (n: number) => Promise<void> | void) => {
    const start = performance.now();
    for (let n = 0; !stopping; n++) {
      await sleep(Math.max(0, start + n * periodMs - performance.now()));
      if (stopping) return;
      try {
        await write(n);
      } catch (error) {
        errors++;
        firstProblem ??= (error as Error).message;
      }
    }
  };
  const loops = Promise.all([
    every(CLAIM_MS, async (n) => {
      const { duplicate } = await apis[n % apis.length]!.recordClaim(claims.next());
      if (duplicate) throw new Error('an analyst claim was recorded as a duplicate: the bench must post new ones');
      counts.claims++;
    }),
    every(WIRE_MS, () => {
      wire.publish();
      counts.articles++;
    }),
    every(REGISTER_MS, async (n) => {
      await apis[n % apis.length]!.call('POST', '/api/admin/sources', { url: wire.url(`outlet-${n}`) });
      counts.registrations++;
    }),
  ]);
  return {
    stop: async () => {
      stopping = true;
      await loops;
      return { ...counts, errors, firstProblem };
    },
  };
}

// ---- projection lag, from the database ----

type Lag = Awaited<ReturnType<MetricsRepository['projectionLag']>>;

class LagMonitor {
  private timer: NodeJS.Timeout | null = null;
  private measuring = false;
  private worstSeen: Lag = { events: 0, seconds: 0 };
  private pending: Promise<unknown> = Promise.resolve();
  private readonly metrics: MetricsRepository;

  private constructor(private readonly database: Database) {
    this.metrics = new MetricsRepository(database);
  }

  static async start(databaseUrl: string): Promise<LagMonitor> {
    const monitor = new LagMonitor(await openDatabase({ databaseUrl, dataDir: '', maxConnections: 1 }));
    monitor.timer = setInterval(() => {
      monitor.pending = monitor.sample().catch(() => undefined);
    }, LAG_SAMPLE_MS);
    return monitor;
  }

  /** The stance subscription's lag now; kept for the maximum while the window is open. */
  async sample(): Promise<Lag> {
    const lag = await this.metrics.projectionLag(STANCE_SUBSCRIPTION, STANCE_EVENT_TYPES);
    if (this.measuring) {
      this.worstSeen = { events: Math.max(this.worstSeen.events, lag.events), seconds: Math.max(this.worstSeen.seconds, lag.seconds) };
    }
    return lag;
  }

  /** Events and documents in the log. */
  async counts(): Promise<{ events: number; documents: number }> {
    const { rows } = await sql<{ events: number; documents: number }>`
      select count(*)::int as events, (count(*) filter (where type = 'DocumentIngested'))::int as documents from events
    `.execute(this.database.db);
    return rows[0]!;
  }

  window(open: boolean): void {
    this.measuring = open;
  }

  worst(): Lag {
    return this.worstSeen;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pending;
    await this.database.close().catch(() => undefined);
  }
}

// ---- the load generator ----

interface Read {
  kind: Kind;
  url: string;
}

type GeneratorMessage = { kind: 'start'; reads: Read[]; concurrency: number } | LoopControl;

interface GeneratorResult {
  /** Latencies (ms) of the responses completed between 'measure' and 'stop', by kind. */
  latencies: Record<Kind, number[]>;
  errors: number;
  firstProblem: string | null;
  cpuSeconds: number;
}

interface Slice extends GeneratorResult {
  seconds: number;
  /** CPU seconds over the measured window, from /proc: each service's, and the whole host's (null without /proc). */
  serviceCpuSeconds: (number | null)[];
  hostBusySeconds: number | null;
}

async function runSlice(children: Children, reads: Read[], servicePids: number[], warmupMs: number, durationMs: number): Promise<Slice> {
  const generator = children.add(fork(SELF, [GENERATOR_FLAG], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const result = new Promise<GeneratorResult>((done, fail) => {
    let answer: GeneratorResult | undefined;
    generator.on('message', (message) => (answer = message as GeneratorResult));
    generator.once('error', fail);
    generator.once('exit', (code, signal) => (answer && code === 0 ? done(answer) : fail(new Error(`the load generator exited with ${signal ?? `code ${code}`}`))));
  });
  result.catch(() => undefined); // awaited after the window
  const send = (message: GeneratorMessage) => generator.send(message);
  send({ kind: 'start', reads, concurrency: CONCURRENCY });
  await sleep(warmupMs);
  const services0 = servicePids.map(cpuSeconds);
  const host0 = hostBusySeconds();
  const t0 = performance.now();
  send({ kind: 'measure' });
  await sleep(durationMs);
  send({ kind: 'stop' });
  const seconds = (performance.now() - t0) / 1000;
  const services1 = servicePids.map(cpuSeconds);
  const host1 = hostBusySeconds();
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    ...(await result),
    seconds,
    serviceCpuSeconds: services0.map((s, i) => delta(s, services1[i]!)),
    hostBusySeconds: delta(host0, host1),
  };
}

function cores(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

function combine(slices: Slice[]) {
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const sorted = (of: (s: Slice) => number[]) => Float64Array.from(slices.flatMap(of)).sort();
  const all = sorted((s) => Object.values(s.latencies).flat());
  const byKind = Object.fromEntries(
    (['feed', 'stances', 'history'] as const).map((kind) => {
      const latencies = sorted((s) => s.latencies[kind]);
      return [kind, { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) }];
    }),
  ) as Record<Kind, { p50: number; p99: number }>;
  const sum = (values: (number | null)[]) => values.reduce<number | null>((total, v) => (total === null || v === null ? null : total + v), 0);
  const serviceCpu = slices[0]!.serviceCpuSeconds.map((_, i) => sum(slices.map((s) => s.serviceCpuSeconds[i]!)));
  const generatorCpu = slices.reduce((sum, s) => sum + s.cpuSeconds, 0);
  const hostBusy = sum(slices.map((s) => s.hostBusySeconds));
  const servicesBusy = sum(serviceCpu);
  return {
    requests: all.length,
    seconds,
    rps: all.length / seconds,
    p50: quantile(all, 0.5),
    p99: quantile(all, 0.99),
    max: quantile(all, 1),
    byKind,
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    firstProblem: slices.find((s) => s.firstProblem)?.firstProblem ?? null,
    serviceCpu: serviceCpu.map((cpu) => (cpu === null ? null : cpu / seconds)),
    generatorCpu: generatorCpu / seconds,
    hostCpu: hostBusy === null ? null : hostBusy / seconds,
    otherCpu: hostBusy === null || servicesBusy === null ? null : Math.max(0, hostBusy - servicesBusy - generatorCpu) / seconds,
  };
}

/**
 * In the generator's process: `concurrency` requests in flight on keep-alive connections from
 * 'start' to 'stop', each slot taking the next read of the mix in turn; gzip accepted, as feed
 * readers and browsers ask. Anything but a 200 with a body is an error.
 */
function generateLoad(reads: Read[], concurrency: number, control: NodeJS.Process): void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: Record<Kind, number[]> = { feed: [], stances: [], history: [] };
  let next = 0;
  let errors = 0;
  let firstProblem: string | null = null;
  const problem = (read: Read, what: string) => {
    errors++;
    firstProblem ??= `GET ${read.url}: ${what}`;
  };

  driveClosedLoop({
    control,
    slots: concurrency,
    issue(done) {
      const read = reads[next++ % reads.length]!;
      const keep = (ms: number) => latencies[read.kind].push(ms);
      const req = http.get(read.url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        let length = 0;
        res.on('data', (chunk: Buffer) => (length += chunk.length));
        res.on('end', () => {
          const ok = res.statusCode === 200 && length > 0;
          if (!ok) problem(read, `status ${res.statusCode}, ${length} bytes`);
          done(ok ? keep : null);
        });
        res.on('error', () => undefined); // the request's error handler counts it
      });
      req.on('error', (error) => {
        problem(read, error.message);
        // A server that is gone would make this spin: pause a little.
        setTimeout(() => done(null), 10);
      });
    },
    report(cpuSeconds) {
      agent.destroy();
      const result: GeneratorResult = { latencies, errors, firstProblem, cpuSeconds };
      control.send!(result, () => process.exit(0));
    },
  });
}

// ---- entry points: the generator child, and a run of this bench alone ----

if (process.argv[1] === SELF) {
  if (process.argv[2] === GENERATOR_FLAG) {
    process.on('disconnect', () => process.exit(0)); // dies with its parent
    process.once('message', (message) => {
      const { reads, concurrency } = message as Extract<GeneratorMessage, { kind: 'start' }>;
      generateLoad(reads, concurrency, process);
    });
  } else {
    const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' } } });
    const report = new Report(values.json ?? false);
    const serverUrl =
      process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    report.note(`three instances under mixed load on ${process.version}${values.quick ? ' (quick)' : ''}:`);
    benchLoad(report, { serverUrl, quick: values.quick ?? false }).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
}
