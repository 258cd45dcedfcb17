// A year's scale, not the seeds': the built service over a log of 100,000 claims (two years, two
// watches of six actors: bench/long-history.ts), measured as readers and operators meet it.
//
// 1. Reads at 32 connections (wrk): the board, an actor page and the stances answer, each in
//    alternating slices with the watch's change feed, whose rate in the same run is the baseline
//    (cached pages are meant to serve at >= 0.5 of it).
// 2. A cache miss: after each new claim moves the projection, the first request of each page is
//    timed (p99 < 100 ms).
// 3. The largest response of every route that lists claims or changes, at its default and at its
//    largest page size (<= 256 KB: a response is bounded by its page, not by the log).
// 4. A mixed read load at a fixed 200 req/s (open loop, timed from when each request was due)
//    while feeds are ingested and analysts post claims: p99 < 300 ms, no errors, RSS growth of the
//    service < 100 MB.
// 5. On embedded PGlite, /health polled every 25 ms while a 10 MB feed is ingested: p99 < 250 ms.
//
// Run alone: `npm run build && node dist/bench/long-history.bench.js [--quick] [--json] [--health-only]`
// (--health-only: step 5 alone; --mixed-only: the log and step 4 alone).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database/database.js';
import { packageRoot } from '../src/common/package-root.js';
import { migrateToLatest } from '../src/database/migrations.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { STANCE_SUBSCRIPTION } from '../src/stance/stance-projection.js';
import { AdminApi, ClaimMaker, get, measureInTurn, quantile, sleep, WATCH, withServiceRun, type Service, type ServiceRun } from './feeds.bench.js';
import { fillClaimLog, type Timeline } from './long-history.js';
import { Report } from './report.js';
import { newsFeed } from './sources.bench.js';
import { ensureWrk } from './wrk.js';

const SECOND_WATCH = 'bench-second-watch';
const ACTORS = ['dprk', 'russia', 'ukraine', 'usa', 'nato', 'south-korea'];
const ACTOR = 'russia';
const CONNECTIONS = 32;
const LARGEST_ALLOWED = 256 * 1024;
const MIXED_RATE = 200;
/** A feed of about 10 MB (the fetcher's cap is 10 MiB). */
const BIG_FEED_BYTES = 10_000_000;
const HEALTH_EVERY_MS = 25;

const PAGES = {
  feed: `/feeds/watches/${WATCH}/changes.atom`,
  board: '/',
  actor: `/watches/${WATCH}/actors/${ACTOR}`,
  stances: `/api/watches/${WATCH}/stances`,
};

/** Every route whose answer lists claims or changes; each also asked for its largest page. */
const LISTING_ROUTES = [
  '/',
  `/watches/${WATCH}/actors/${ACTOR}`,
  `/watches/${SECOND_WATCH}/actors/nato`,
  '/api/watches',
  `/api/watches/${WATCH}/stances`,
  `/api/watches/${WATCH}/stances?as_of=2024-06-30`,
  `/api/watches/${WATCH}/actors/${ACTOR}/history`,
  `/api/watches/${WATCH}/actors/${ACTOR}/why`,
  `/feeds/changes.atom`,
  `/feeds/watches/${WATCH}/changes.json`,
  `/feeds/watches/${WATCH}/claims.atom`,
  `/feeds/watches/${WATCH}/actors/${ACTOR}.atom`,
];
/** How a client asks for the most a page gives (the routes document their maximum; a bigger ask is capped or refused). */
const LARGEST_PAGE_QUERY = 'limit=100000';

/**
 * `mixedOnly`: the log and step 4 alone. With BENCH_MIXED_CPU_PROFILE=<dir>, the service's CPU
 * profile of step 4 is written to <dir>/service-mixed.cpuprofile.
 */
export async function benchLongHistory(
  report: Report,
  { serverUrl, quick, mixedOnly = false }: { serverUrl: string; quick: boolean; mixedOnly?: boolean },
): Promise<void> {
  const profileDir = process.env.BENCH_MIXED_CPU_PROFILE ? resolve(process.env.BENCH_MIXED_CPU_PROFILE) : null;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const sizes = quick
    ? { claims: 100_000, readMs: 2_000, rounds: 2, misses: 10, mixedMs: 15_000 }
    : { claims: 100_000, readMs: 10_000, rounds: 5, misses: 40, mixedMs: 60_000 };
  ensureWrk();
  await withServiceRun(serverUrl, 'bench_long', async ({ store, startService }) => {
    const watchesHome = await mkdtemp(join(tmpdir(), 'bench-long-watches-'));
    const watchesDir = join(watchesHome, 'watches');
    try {
      if (!store.env.DATABASE_URL) throw new Error(`the long-history bench needs a Postgres server: ${store.label}`);
      await writeWatches(watchesDir);
      const fillStart = performance.now();
      const head = await fillLog(store.env.DATABASE_URL, sizes.claims);
      const projectStart = performance.now();
      const service = await startService({ ...store.env, WATCHES_DIR: watchesDir, ALLOW_PRIVATE_SOURCES: 'true' }, profileDir);
      await projected(store.env.DATABASE_URL, head);
      report.note(
        `  log: ${head} events (${sizes.claims} claims over ${ACTORS.length} actors of 2 watches, two years), filled in ` +
          `${((projectStart - fillStart) / 1000).toFixed(1)} s, projected live by the service in ${((performance.now() - projectStart) / 1000).toFixed(1)} s (not measured)`,
      );
      const url = service.url;
      if (mixedOnly) {
        // Each route read once first, as the full run's steps 1 to 3 do: the window measures a
        // service in use, not its first renders.
        for (const path of MIXED_PATHS) await get(url + path, {}, 60_000);
        await reportMixedLoad(report, service, sizes.mixedMs, profileDir);
        await service.stop();
        return;
      }

      // -- 1. cached reads against the feed, in turn
      const pages = await answering(report, url, PAGES);
      const cases = pages.map(({ path, first }) => ({
        url: url + path,
        headers: {},
        status: 200 as const,
        length: first.body.length,
        etag: first.headers.etag,
        concurrency: CONNECTIONS,
        serverPid: service.proc.pid!,
      }));
      const timing = { warmupMs: 1_000, durationMs: sizes.readMs, rounds: sizes.rounds, sliceWarmupMs: 1_000 };
      const results = new Map((await measureInTurn(cases, timing)).map((result, i) => [pages[i]!.name, result]));
      const feed = results.get('feed');
      report.note(`  reads at ${CONNECTIONS} connections (wrk), each page in turn with the feed (${sizes.readMs / 1000} s each in ${sizes.rounds} slices); baseline: the feed ${PAGES.feed}:`);
      for (const name of ['board', 'actor', 'stances'] as const) {
        const result = results.get(name);
        report.add({ name: `long.${name}`, value: result?.rps ?? NaN, unit: 'req/s', baseline: feed?.rps, target: '>= 0.5 (cached)' });
        report.add({ name: `long.${name}.p99`, value: result?.p99 ?? NaN, unit: 'ms', baseline: feed?.p99 });
      }
      const readErrors = [...results.values()].reduce((n, r) => n + r.errors + r.unexpected, 0) + (Object.keys(PAGES).length - pages.length);
      report.add({ name: 'long.reads.bad_responses', value: readErrors, unit: 'responses', target: '0 (a page that did not answer counts one)' });

      // -- 2. the first request after the projection moved
      const misses = await cacheMisses(new AdminApi(url), url, sizes.misses, pages.map((p) => p.name).filter((name) => name !== 'feed'));
      for (const [name, latencies] of Object.entries(misses)) {
        report.add({ name: `long.${name}.miss.p99`, value: quantile(latencies, 0.99), unit: 'ms', target: '< 100' });
      }

      // -- 3. the largest response of each route
      let largest = { path: '', bytes: 0 };
      for (const route of LISTING_ROUTES) {
        for (const path of [route, `${route}${route.includes('?') ? '&' : '?'}${LARGEST_PAGE_QUERY}`]) {
          const res = await get(url + path, {}, 60_000).catch((error: Error) => error);
          if (res instanceof Error || res.status >= 500) {
            report.note(`    GET ${path}: ${res instanceof Error ? res.message : `status ${res.status}`}`);
            continue;
          }
          if (res.body.length > largest.bytes) largest = { path, bytes: res.body.length };
          if (res.body.length > LARGEST_ALLOWED) report.note(`    ${path}: ${Math.round(res.body.length / 1024)} KB (over ${LARGEST_ALLOWED / 1024} KB)`);
        }
      }
      report.add({ name: 'long.largest_response', value: largest.bytes / 1024, unit: 'KB', target: `<= ${LARGEST_ALLOWED / 1024} (${largest.path})` });

      // -- 4. mixed load at a fixed rate while feeds are ingested
      await reportMixedLoad(report, service, sizes.mixedMs, profileDir);
      await service.stop();

      // -- 5. /health on embedded PGlite while a 10 MB feed is ingested
      await reportHealthWhileIngesting(report, startService);
    } finally {
      await rm(watchesHome, { recursive: true, force: true });
    }
  });
}

async function reportMixedLoad(report: Report, service: Service, durationMs: number, profileDir: string | null): Promise<void> {
  const mixed = await service.profiled(profileDir && join(profileDir, 'service-mixed.cpuprofile'), () => mixedLoad(service, durationMs));
  report.note(`  mixed reads at ${MIXED_RATE} req/s for ${durationMs / 1000} s while ${mixed.feeds} feeds are ingested and ${mixed.claims} analyst claims are posted:`);
  report.add({ name: 'long.mixed.p99', value: mixed.p99, unit: 'ms', target: '< 300' });
  report.add({ name: 'long.mixed.errors', value: mixed.errors, unit: 'requests', target: `0${mixed.firstProblem ? ` (first: ${mixed.firstProblem})` : ''}` });
  report.add({ name: 'long.mixed.rss_growth', value: mixed.rssGrowthMb, unit: 'MB', target: '< 100' });
  report.note(`    of which (MB, from /metrics): ${Object.entries(mixed.memoryGrowth).map(([name, mb]) => `${name} ${mb.toFixed(0)}`).join(', ')}`);
  report.note(`    ${mixed.requests} requests (p50 ${mixed.p50.toFixed(1)} ms, max ${mixed.max.toFixed(1)} ms); ${mixed.documents} documents ingested during the window`);
  report.note(`    p99 of each second of the window: ${mixed.perSecond.map((p99) => p99.toFixed(0)).join(' ')} ms`);
  report.note(`    p99 by path, slowest first: ${mixed.slowest.map(({ path, p99 }) => `${path} ${p99.toFixed(0)} ms`).join(', ')}`);
  if (profileDir) report.note(`    cpu profile of the service: ${join(profileDir, 'service-mixed.cpuprofile')}`);
}

/** Step 5 alone (`--health-only`): it needs no Postgres data, only a service of its own on PGlite. */
export async function benchEmbeddedHealth(report: Report, serverUrl: string): Promise<void> {
  await withServiceRun(serverUrl, 'bench_long', ({ startService }) => reportHealthWhileIngesting(report, startService));
}

async function reportHealthWhileIngesting(report: Report, startService: ServiceRun['startService']): Promise<void> {
  const health = await healthWhileIngesting(startService);
  report.note(`  /health every ${HEALTH_EVERY_MS} ms on embedded PGlite while a ${(health.feedBytes / 1e6).toFixed(1)} MB feed (${health.items} items) is ingested (${health.seconds.toFixed(1)} s):`);
  report.add({ name: 'long.pglite.health.p99', value: health.p99, unit: 'ms', target: '< 250' });
  report.add({ name: 'long.pglite.health.max', value: health.max, unit: 'ms' });
  report.note(`    ${health.samples} answers, ${health.failures} failed; the feed's state after: ${health.state}, ${health.documents} documents`);
}

/**
 * The project's own watch, and a second one with the same six actors under another id, in
 * `dir`; the language packs they name are found beside it (../languages), as in fixtures/.
 */
async function writeWatches(dir: string): Promise<void> {
  await mkdir(dir);
  await symlink(join(packageRoot(), 'fixtures/languages'), join(dir, '../languages'));
  const own = await readFile(join(packageRoot(), 'fixtures/watches', `${WATCH}.yaml`), 'utf8');
  const second = own
    .replace(/^id: .*$/m, `id: ${SECOND_WATCH}`)
    .replace(/^proposition: .*$/m, 'proposition: A second proposition with the same parties, for the long-history benchmark.');
  if (second === own) throw new Error(`could not derive a second watch from ${WATCH}.yaml`);
  await writeFile(join(dir, `${WATCH}.yaml`), own);
  await writeFile(join(dir, `${SECOND_WATCH}.yaml`), second);
}

/** The log, appended as the extractor would have; its length. */
async function fillLog(url: string, claims: number): Promise<number> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    await migrateToLatest(database.db);
    const timelines: Timeline[] = [WATCH, SECOND_WATCH].flatMap((watchId) => ACTORS.map((actorId) => ({ watchId, actorId })));
    const events = new EventStoreRepository(database);
    await fillClaimLog(events, claims, timelines);
    return (await events.head()).position;
  } finally {
    await database.close();
  }
}

/**
 * Waits until the running service's stance projection has handled the whole log. It projects
 * live, as it would have over those two years, so the feeds hold what was announced (a rebuild
 * announces nothing).
 */
async function projected(url: string, head: number): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    const events = new EventStoreRepository(database);
    const deadline = Date.now() + 600_000;
    while ((await events.checkpoint(STANCE_SUBSCRIPTION)) < head) {
      if (Date.now() > deadline) throw new Error('the service did not project the log within 10 minutes');
      await sleep(250);
    }
  } finally {
    await database.close();
  }
}

type PageName = keyof typeof PAGES;

/** The pages that answer 200 within 10 s; each one that does not is noted and left out. */
async function answering(report: Report, url: string, pages: typeof PAGES) {
  const found: { name: PageName; path: string; first: Awaited<ReturnType<typeof get>> }[] = [];
  for (const [name, path] of Object.entries(pages) as [PageName, string][]) {
    const first = await get(url + path).catch((error: Error) => error);
    if (!(first instanceof Error) && first.status === 200) found.push({ name, path, first });
    else report.note(`    ${name} (${path}) is left out: ${first instanceof Error ? first.message : `status ${first.status}`}`);
  }
  return found;
}

/** For each new claim: wait until the projection shows it (a route not measured), then time each page once. */
async function cacheMisses(api: AdminApi, url: string, count: number, names: PageName[]): Promise<Record<string, Float64Array>> {
  const claims = new ClaimMaker(ACTORS);
  const probe = `${url}/feeds/watches/${WATCH}/claims.atom`;
  const timed: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < count; i++) {
    const etag = async () => (await get(probe, {}, 60_000)).headers.etag;
    const before = await etag();
    await api.recordClaim({ ...claims.next(), quote: `a claim that moves the projection (${i})` });
    const deadline = Date.now() + 60_000;
    while ((await etag()) === before) {
      if (Date.now() > deadline) throw new Error('the projection did not move within 60 s of a new claim');
      await sleep(20);
    }
    for (const name of names) {
      const start = performance.now();
      // A miss slower than a minute is timed as a minute: the figure is bad either way.
      const res = await get(url + PAGES[name], {}, 60_000).catch(() => null);
      if (res && res.status !== 200) throw new Error(`GET ${PAGES[name]} answered ${res.status}`);
      timed[name]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(timed).map(([name, values]) => [name, Float64Array.from(values).sort()]));
}

const MIXED_PATHS = [
  PAGES.feed,
  `/feeds/watches/${WATCH}/actors/${ACTOR}.json`,
  `/feeds/changes.atom`,
  PAGES.board,
  PAGES.actor,
  `/watches/${SECOND_WATCH}/actors/nato`,
  PAGES.stances,
  `/api/watches/${SECOND_WATCH}/stances`,
  `/api/watches/${WATCH}/actors/${ACTOR}/history`,
  `/api/watches/${WATCH}/actors/${ACTOR}/why`,
];

/**
 * Reads due every 1/MIXED_RATE s in turn over MIXED_PATHS, each timed from when it was due (so a
 * stall counts for every request it delays), while four local feeds of 2,000 items each are
 * registered and ingested and an analyst claim is posted every 200 ms. Each read accepts gzip, as
 * browsers and feed readers do.
 */
async function mixedLoad(service: Service, durationMs: number) {
  const api = new AdminApi(service.url);
  const feeds = await startFeedServer(newsFeed(2_000));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  const byPath = new Map<string, number[]>(MIXED_PATHS.map((path) => [path, []]));
  let errors = 0;
  let firstProblem: string | null = null;
  const rss0 = rssMb(service.proc.pid!);
  const memory0 = await memoryOf(service.url);
  const documents0 = await documentsIngested(service.url);
  let claims = 0;
  const claimMaker = new ClaimMaker(ACTORS);
  let stopping = false;
  const writer = (async () => {
    for (let i = 0; i < 4; i++) await api.call('POST', '/api/admin/sources', { url: `${feeds.url}/feed-${i}.xml` });
    while (!stopping) {
      // A refused claim is an error of the window like a failed read, not the end of the bench.
      await api.recordClaim(claimMaker.next()).then(
        () => claims++,
        (error: Error) => {
          errors++;
          firstProblem ??= error.message;
        },
      );
      await sleep(200);
    }
  })();
  const start = performance.now();
  const total = Math.floor((durationMs / 1000) * MIXED_RATE);
  const bySecond: number[][] = Array.from({ length: Math.ceil(durationMs / 1000) }, () => []);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / MIXED_RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const path = MIXED_PATHS[i % MIXED_PATHS.length]!;
    inFlight.push(
      request(agent, service.url + path).then(
        (status) => {
          latencies.push(performance.now() - due);
          byPath.get(path)!.push(performance.now() - due);
          bySecond[Math.floor((due - start) / 1000)]!.push(performance.now() - due);
          if (status !== 200 && status !== 304) {
            errors++;
            firstProblem ??= `GET ${path}: ${status}`;
          }
        },
        (error: Error) => {
          errors++;
          firstProblem ??= `GET ${path}: ${error.message}`;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  stopping = true;
  await writer;
  const rssGrowthMb = rssMb(service.proc.pid!) - rss0;
  const memory1 = await memoryOf(service.url);
  const memoryGrowth = Object.fromEntries(Object.entries(memory1).map(([name, mb]) => [name, mb - (memory0[name] ?? 0)]));
  const documents = (await documentsIngested(service.url)) - documents0;
  agent.destroy();
  await feeds.close();
  const sorted = Float64Array.from(latencies).sort();
  const slowest = [...byPath].map(([path, values]) => ({ path, p99: quantile(Float64Array.from(values).sort(), 0.99) })).sort((a, b) => b.p99 - a.p99);
  const perSecond = bySecond.map((values) => quantile(Float64Array.from(values).sort(), 0.99));
  return {
    slowest,
    perSecond,
    requests: total,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: quantile(sorted, 1),
    errors,
    firstProblem,
    rssGrowthMb,
    memoryGrowth,
    claims,
    feeds: 4,
    documents,
  };
}

/**
 * A service of its own on PGlite in a fresh folder; one big feed registered; /health polled until
 * it is stored. With BENCH_HEALTH_CPU_PROFILE=<dir>, the service's CPU profile of that time is
 * written to <dir>/service-health.cpuprofile.
 */
async function healthWhileIngesting(startService: ServiceRun['startService']) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-long-pglite-'));
  const items = Math.floor(BIG_FEED_BYTES / (newsFeed(100).length / 100));
  const body = newsFeed(items);
  const feeds = await startFeedServer(body);
  const profileDir = process.env.BENCH_HEALTH_CPU_PROFILE ? resolve(process.env.BENCH_HEALTH_CPU_PROFILE) : null;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const service = await startService({ DATA_DIR: dataDir, ALLOW_PRIVATE_SOURCES: 'true' }, profileDir);
  try {
    return await service.profiled(profileDir && join(profileDir, 'service-health.cpuprofile'), () => pollHealthUntilStored(service, feeds.url, body, items));
  } finally {
    await service.stop();
    await feeds.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function pollHealthUntilStored(service: Service, feedsUrl: string, body: string, items: number) {
  const api = new AdminApi(service.url);
  const { source } = await api.call<{ source: { id: string } }>('POST', '/api/admin/sources', { url: `${feedsUrl}/big.xml` });
  const latencies: number[] = [];
  let failures = 0;
  let state = 'pending';
  let documents = 0;
  const started = performance.now();
  const deadline = started + 300_000;
  for (let n = 0; ; n++) {
    const t0 = performance.now();
    try {
      const res = await get(`${service.url}/health`);
      if (res.status !== 200) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - t0);
    if (n % 20 === 0) {
      const found = (await sourcesOf(service.url)).find((s) => s.id === source.id);
      state = found?.state ?? 'missing';
      documents = found?.documentsIngested ?? 0;
      if (state !== 'pending' || performance.now() > deadline) break;
    }
    await sleep(Math.max(0, t0 + HEALTH_EVERY_MS - performance.now()));
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    feedBytes: Buffer.byteLength(body),
    items,
    seconds: (performance.now() - started) / 1000,
    samples: latencies.length,
    failures,
    p99: quantile(sorted, 0.99),
    max: quantile(sorted, 1),
    state,
    documents,
  };
}

interface SourceState {
  id: string;
  state: string;
  documentsIngested: number;
}

async function sourcesOf(url: string): Promise<SourceState[]> {
  const res = await get(`${url}/api/sources`);
  return (JSON.parse(res.body.toString('utf8')) as { sources: SourceState[] }).sources;
}

async function documentsIngested(url: string): Promise<number> {
  return (await sourcesOf(url)).reduce((sum, s) => sum + (s.documentsIngested ?? 0), 0);
}

/** Serves `body` as RSS at every path, on loopback. */
async function startFeedServer(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const bytes = Buffer.from(body);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': bytes.length }).end(bytes));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A GET on a keep-alive agent, body read and dropped; its status. */
function request(agent: http.Agent, url: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out after 10 s')));
  });
}

/** Resident memory of a process in MB, from /proc (NaN where there is none). */
/** The service's own memory figures (prom-client's default metrics), in MB: where RSS growth comes from. */
async function memoryOf(url: string): Promise<Record<string, number>> {
  const text = (await get(`${url}/metrics`)).body.toString();
  const figure = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN) / 1024 / 1024;
  return {
    'heap used': figure(/^nodejs_heap_size_used_bytes (\S+)/m),
    'heap total': figure(/^nodejs_heap_size_total_bytes (\S+)/m),
    external: figure(/^nodejs_external_memory_bytes (\S+)/m),
    'old space': figure(/^nodejs_heap_space_size_total_bytes\{space="old"\} (\S+)/m),
    'new space': figure(/^nodejs_heap_space_size_total_bytes\{space="new"\} (\S+)/m),
  };
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, 'health-only': { type: 'boolean' }, 'mixed-only': { type: 'boolean' } } });
  const report = new Report(values.json ?? false);
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = values['health-only']
    ? (report.note(`/health on embedded PGlite while a 10 MB feed is ingested, on ${process.version}:`), benchEmbeddedHealth(report, serverUrl))
    : (report.note(`a long history (100,000 claims) over HTTP on ${process.version}${values.quick ? ' (quick)' : ''}:`),
      benchLongHistory(report, { serverUrl, quick: values.quick ?? false, mixedOnly: values['mixed-only'] ?? false }));
  run.catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
