// Feeds over HTTP, on the built service (`dist/src/cli.js serve`) as an operator runs it:
//
// 1. Feed serving: a watch's change feed holding a full page (50 entries) is fetched by wrk
//    (bench/wrk.ts: an external load generator in C, one thread, 32 keep-alive connections),
//    first as 200s (identity bytes), then as 304s (If-None-Match). The baseline, measured in the
//    same run by the same generator in alternating slices: a bare node:http server (a child
//    process) answering every request with the same bytes and headers, or with a 304 to the same
//    If-None-Match. Besides req/s and latencies, each server's CPU time per response (from /proc).
// 2. Append-to-webhook latency: an analyst's claim (one stance change each) is posted to the
//    admin API, one at a time, and timed until the webhook POST naming that claim reaches a local
//    receiver.
//
// The database is a fresh one on the Postgres server, dropped at the end; when the server is
// unreachable, embedded PGlite in a temporary DATA_DIR (the output says which). Every process
// started here is killed on the way out, errors included.
//
// Run alone: `npm run build && node dist/bench/feeds.bench.js [--quick] [--json]`. With
// BENCH_FEEDS_CPU_PROFILE=<dir>, the service's CPU is profiled (V8 profiler, through
// node:inspector) during the 200 and the 304 case, into <dir>/service-200.cpuprofile and
// service-304.cpuprofile (open them in Chrome DevTools).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Report } from './report.js';
import { ensureWrk, runWrk, type WrkResult } from './wrk.js';

export const WATCH = 'dprk-troops-russia';
const FEED_PATH = `/feeds/watches/${WATCH}/changes.atom`;
/** FEED_PAGE_SIZE's default, which the service is started with. */
const PAGE_SIZE = 50;
/** Claims recorded before the feed is measured: more than a page, so the page is full. */
const SEED_CLAIMS = 80;
/** wrk's connections, as the issue's measurement had them. */
const CONCURRENCY = 32;
const DAY0 = Date.UTC(2024, 0, 1);
const ADMIN_TOKEN = `bench-feeds-${process.pid}-admin-token`;
const BARE_FLAG = '--feeds-bare-child';
const SELF = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

export interface FeedsBenchOptions {
  /** A Postgres server URL (any database on it): a scratch database is created beside it. */
  serverUrl: string;
  quick: boolean;
}

export interface SliceTiming {
  /** Before a case's first slice. */
  warmupMs: number;
  /** Measured per case, in `rounds` slices. */
  durationMs: number;
  rounds: number;
  /** Before each later slice (a new wrk run, new connections). Whole seconds: wrk takes no less. */
  sliceWarmupMs: number;
}

interface Timing extends SliceTiming {
  webhookClaims: number;
}

export async function benchFeeds(report: Report, { serverUrl, quick }: FeedsBenchOptions): Promise<void> {
  const timing: Timing = quick
    ? { warmupMs: 1_000, durationMs: 2_000, rounds: 2, sliceWarmupMs: 1_000, webhookClaims: 50 }
    : { warmupMs: 2_000, durationMs: 10_000, rounds: 5, sliceWarmupMs: 1_000, webhookClaims: 200 };
  ensureWrk();
  await withServiceRun(serverUrl, 'bench_feeds', async ({ children, store, startService }) => {
    report.note(`  database: ${store.label}`);
    const profileDir = process.env.BENCH_FEEDS_CPU_PROFILE ? resolve(process.env.BENCH_FEEDS_CPU_PROFILE) : null;
    if (profileDir) await mkdir(profileDir, { recursive: true });
    const profile = (name: string) => (profileDir ? join(profileDir, `service-${name}.cpuprofile`) : null);
    const service = await startService(store.env, profileDir);
    const api = new AdminApi(service.url);
    const actors = await api.actors(WATCH);
    const claims = new ClaimMaker(actors);

    // -- the feed: a full page of changes spread over every actor (not measured)
    const seedStart = performance.now();
    let last = '';
    for (let i = 0; i < SEED_CLAIMS; i++) {
      const body = claims.next();
      await api.recordClaim(body);
      last = body.url;
    }
    const feed = await fullFeed(service.url, last);
    report.note(
      `  ${FEED_PATH}: ${feed.entries} entries, ${feed.body.length} bytes, etag ${feed.headers.etag}; ` +
        `${SEED_CLAIMS} claims over ${actors.length} actors recorded and projected in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (not measured)`,
    );

    // -- feed serving: the service, then the bare server, in turn, loaded by wrk
    const bare = await startBare(children, feed, await get(service.url + FEED_PATH, { 'if-none-match': feed.headers.etag! }));
    const base = { concurrency: CONCURRENCY, etag: feed.headers.etag! };
    const full = { ...base, headers: {}, status: 200 as const, length: feed.body.length };
    const notModified = { ...base, headers: { 'if-none-match': feed.headers.etag! }, status: 304 as const, length: 0 };
    const onService = { url: service.url + FEED_PATH, serverPid: service.proc.pid! };
    const onBare = { url: bare.url + FEED_PATH, serverPid: bare.proc.pid! };
    const [service200, bare200] = await service.profiled(profile('200'), () =>
      measureInTurn([{ ...full, ...onService }, { ...full, ...onBare }], timing),
    );
    const [service304, bare304] = await service.profiled(profile('304'), () =>
      measureInTurn([{ ...notModified, ...onService }, { ...notModified, ...onBare }], timing),
    );
    await children.stop(bare.proc);

    const window =
      `${CONCURRENCY} in flight; per case ${timing.warmupMs / 1000} s warm-up, then ${timing.durationMs / 1000} s measured in ${timing.rounds} ` +
      `slices taken in turn with the baseline's, each after ${timing.sliceWarmupMs / 1000} s of warm-up`;
    report.note(`  feed serving (${window}; baseline: a bare node:http server with the same bytes and headers; ${availableParallelism()} cores):`);
    report.add({ name: 'feeds.serve.200', value: service200.rps, unit: 'req/s', baseline: bare200.rps, target: '>= 0.6' });
    report.add({ name: 'feeds.serve.200.p50', value: service200.p50, unit: 'ms', baseline: bare200.p50 });
    report.add({ name: 'feeds.serve.200.p99', value: service200.p99, unit: 'ms', baseline: bare200.p99 });
    report.add({ name: 'feeds.serve.304', value: service304.rps, unit: 'req/s', baseline: bare304.rps });
    report.add({ name: 'feeds.serve.304.p50', value: service304.p50, unit: 'ms', baseline: bare304.p50 });
    report.add({ name: 'feeds.serve.304.p99', value: service304.p99, unit: 'ms', baseline: bare304.p99 });
    // The server's CPU per response does not depend on who ran out of CPU first: with a load
    // generator that saturates its core before the bare server does (a small machine), the bare
    // server's req/s is a lower bound and the req/s ratio flatters the service; the CPU ratio does not.
    const cpuPerResponse = (r: LoadResult) => (r.serverCpu === null ? NaN : (r.serverCpu * r.seconds * 1e6) / r.requests);
    if (!Number.isNaN(cpuPerResponse(service200))) {
      report.add({ name: 'feeds.serve.200.cpu', value: cpuPerResponse(service200), unit: 'us/resp', baseline: cpuPerResponse(bare200) });
      report.add({ name: 'feeds.serve.304.cpu', value: cpuPerResponse(service304), unit: 'us/resp', baseline: cpuPerResponse(bare304) });
    }
    const runs = { 'service 200': service200, 'bare 200': bare200, 'service 304': service304, 'bare 304': bare304 };
    const failed = Object.values(runs).reduce((n, r) => n + r.errors + r.unexpected, 0);
    report.add({ name: 'feeds.serve.bad_responses', value: failed, unit: 'responses', target: '0: errors and unexpected statuses, lengths or etags' });
    for (const [name, r] of Object.entries(runs)) {
      report.note(
        `    ${name.padEnd(11)}: ${r.requests} responses in ${r.seconds.toFixed(2)} s, max ${r.max.toFixed(1)} ms, ` +
          `${r.errors} errors, ${r.unexpected} unexpected${r.firstProblem ? ` (first: ${r.firstProblem})` : ''}; ` +
          `cpu: server ${percent(r.serverCpu)}, everything else (wrk, the database) ${percent(r.otherCpu)} of a core`,
      );
    }
    const ratio = service200.rps / bare200.rps;
    report.note(`    target service/bare >= 0.6 for 200s: ${ratio >= 0.6 ? 'met' : 'NOT met'} (${ratio.toFixed(3)}); 304s: ${(service304.rps / bare304.rps).toFixed(3)}`);
    report.note(
      `    by server CPU per response the service does ${(cpuPerResponse(bare200) / cpuPerResponse(service200)).toFixed(3)} (200s) and ` +
        `${(cpuPerResponse(bare304) / cpuPerResponse(service304)).toFixed(3)} (304s) of the bare server's work rate`,
    );
    if (profileDir) report.note(`    cpu profiles of the service: ${profile('200')}, ${profile('304')}`);

    // -- append-to-webhook latency
    const hooks = await webhookLatency(api, claims, timing.webhookClaims);
    report.note(
      `  append-to-webhook (${hooks.latencies.length} claims one at a time, each a stance change; POST /api/admin/claims sent ` +
        `to the webhook body naming the claim received):`,
    );
    report.add({ name: 'feeds.webhook.p50', value: quantile(hooks.latencies, 0.5), unit: 'ms' });
    report.add({ name: 'feeds.webhook.p99', value: quantile(hooks.latencies, 0.99), unit: 'ms' });
    report.add({ name: 'feeds.webhook.max', value: quantile(hooks.latencies, 1), unit: 'ms' });
    report.note(
      `    the claims API answered in p50 ${quantile(hooks.posts, 0.5).toFixed(1)} ms, p99 ${quantile(hooks.posts, 0.99).toFixed(1)} ms; ` +
        `${hooks.missing} claims without a webhook within ${WEBHOOK_WAIT_MS / 1000} s, ${hooks.strays} other webhook posts`,
    );
  });
}

// ---- the database ----

export interface Store {
  label: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function scratchStore(serverUrl: string, prefix = 'bench_feeds'): Promise<Store> {
  const name = `${prefix}_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query(query);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  try {
    await admin(`create database ${name}`);
  } catch (error) {
    const dir = await mkdtemp(join(tmpdir(), 'bench-feeds-'));
    return {
      label: `embedded PGlite in ${dir} (no scratch database on the Postgres server ${new URL(serverUrl).host}: ${(error as Error).message})`,
      env: { DATA_DIR: dir },
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  return {
    label: `the Postgres server ${url.host}, scratch database ${name}`,
    env: { DATABASE_URL: url.toString() },
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

// ---- processes ----

/** What a bench gets for its runs of the built service (see withServiceRun). */
export interface ServiceRun {
  children: Children;
  /** A scratch database on the Postgres server (or, when there is none to create, a PGlite folder). */
  store: Store;
  /** Starts the built service as a child; it is stopped when the run ends, and its output shown if the run fails. */
  startService(env: Record<string, string>, profileDir?: string | null): Promise<Service>;
}

/**
 * The scaffolding every bench of the built service needs: children that die with this process
 * (even on SIGINT), a scratch store dropped at the end or on interruption, and the services
 * stopped, their output shown when `work` fails.
 */
export async function withServiceRun<T>(serverUrl: string, storePrefix: string, work: (run: ServiceRun) => Promise<T>): Promise<T> {
  const children = new Children();
  children.install();
  const services: Service[] = [];
  let store: Store | undefined;
  try {
    store = await scratchStore(serverUrl, storePrefix);
    const scratch = store;
    children.cleanup = () => scratch.dispose();
    return await work({
      children,
      store,
      startService: async (env, profileDir = null) => {
        const service = await startService(children, env, profileDir);
        services.push(service);
        return service;
      },
    });
  } catch (error) {
    for (const service of services) process.stderr.write(`service ${service.url} output:\n${service.output().slice(-4000)}\n`);
    throw error;
  } finally {
    try {
      await Promise.all(services.map((service) => service.stop()));
      await children.stopAll();
      await store?.dispose().catch((error: Error) => console.error(`could not clean the scratch database up: ${error.message}`));
    } finally {
      children.uninstall();
    }
  }
}

/** Every process started here: stopped at the end, killed if this process exits or is interrupted. */
export class Children {
  private readonly live = new Set<ChildProcess>();
  private readonly onExit = () => {
    for (const child of this.live) if (running(child)) child.kill('SIGKILL');
  };
  /** Set on SIGINT / SIGTERM: the children die on purpose. */
  interrupted = false;
  /** Run on SIGINT / SIGTERM, after the children are killed (the scratch database's drop). */
  cleanup: () => Promise<void> = async () => undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.onExit();
    const code = signal === 'SIGINT' ? 130 : 143;
    if (this.interrupted) process.exit(code); // a second one: now
    this.interrupted = true;
    const deadline = setTimeout(() => process.exit(code), 10_000);
    void this.cleanup()
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(deadline);
        process.exit(code);
      });
  };

  install(): void {
    process.on('exit', this.onExit);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  uninstall(): void {
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  add(child: ChildProcess): ChildProcess {
    this.live.add(child);
    child.once('exit', () => this.live.delete(child));
    return child;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
    if (!running(child)) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((child) => this.stop(child)));
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

export interface Service {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Runs `work` with the service's CPU profiled (needs a profile directory), the profile written to `file`. */
  profiled<T>(file: string | null, work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Loaded with --import when profiling: SIGWINCH (not one of the signals Nest's shutdown hooks
 * take) starts the V8 profiler and the sampling heap profiler, the next one writes
 * `<dir>/profile-<n>.cpuprofile` and `<dir>/heap-<n>.heapprofile` (every allocation sampled,
 * collected or not: where the garbage comes from).
 */
function profilerPreload(dir: string): string {
  const code = `
    import { Session } from 'node:inspector';
    import { renameSync, writeFileSync } from 'node:fs';
    const session = new Session();
    session.connect();
    let on = false;
    let written = 0;
    process.on('SIGWINCH', () => {
      if (!on) {
        on = true;
        session.post('Profiler.enable', () => session.post('Profiler.start'));
        session.post('HeapProfiler.enable', () => session.post('HeapProfiler.startSampling', { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }));
      } else {
        on = false;
        session.post('HeapProfiler.stopSampling', (error, result) => {
          if (!error) writeFileSync(${JSON.stringify(dir)} + '/heap-' + (written + 1) + '.heapprofile', JSON.stringify(result.profile));
        });
        session.post('Profiler.stop', (error, result) => {
          if (error) return;
          const file = ${JSON.stringify(dir)} + '/profile-' + ++written + '.cpuprofile';
          writeFileSync(file + '.part', JSON.stringify(result.profile));
          renameSync(file + '.part', file);
        });
      }
    });`;
  return `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
}

export async function startService(children: Children, env: Record<string, string>, profileDir: string | null): Promise<Service> {
  const port = await freePort();
  let profiles = 0;
  const args = [...(profileDir ? ['--import', profilerPreload(profileDir)] : []), CLI, 'serve'];
  const proc = children.add(
    spawn(process.execPath, args, {
      env: {
        ...serviceEnv(),
        LOG_LEVEL: 'warn',
        FIXTURES_DIR: 'off',
        ADMIN_TOKEN,
        ALLOW_PRIVATE_WEBHOOKS: 'true',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  let stopping = false;
  // A service that dies under load fails every request after it: say why, at once.
  proc.once('exit', (code, signal) => {
    if (!stopping && !children.interrupted) console.error(`the service (pid ${proc.pid}) exited unexpectedly (${signal ?? `code ${code}`}):\n${output.slice(-4000)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running(proc)) throw new Error(`the service exited with ${proc.exitCode ?? proc.signalCode}:\n${output}`);
    try {
      if ((await get(`${url}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the service did not answer /health within 60 s:\n${output}`);
    await sleep(200);
  }
  return {
    url,
    proc,
    output: () => output,
    profiled: async (file, work) => {
      if (!profileDir || !file) return work();
      const written = join(profileDir, `profile-${++profiles}.cpuprofile`);
      proc.kill('SIGWINCH');
      await sleep(100); // the profiler starts on the next turn of the service's loop
      const result = await work();
      proc.kill('SIGWINCH');
      const deadline = Date.now() + 30_000;
      while (!existsSync(written)) {
        if (Date.now() > deadline) throw new Error(`no cpu profile at ${written}`);
        await sleep(100);
      }
      await rename(written, file);
      return result;
    },
    stop: () => {
      stopping = true;
      return children.stop(proc);
    },
  };
}

/** This environment without the settings that would point the service elsewhere. */
function serviceEnv(): Record<string, string> {
  const env = { ...process.env } as Record<string, string>;
  for (const name of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'BENCH_DATABASE_URL',
    'DATA_DIR',
    'PORT',
    'PUBLIC_BASE_URL',
    'FEED_URLS',
    'FEED_PAGE_SIZE',
    'FEED_ID_AUTHORITY',
    'WATCHES_DIR',
    'NODE_OPTIONS',
  ]) {
    delete env[name];
  }
  return env;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

// ---- the service's API ----

interface ClaimBody {
  watch: string;
  actor: string;
  stance: 'deny' | 'confirm';
  saidOn: string;
  quote: string;
  url: string;
  analyst: string;
}

/** Claims that each change the actor's stance: alternating stances on increasing days, actors in turn. */
export class ClaimMaker {
  private readonly days = new Map<string, number>();
  private count = 0;
  constructor(private readonly actors: string[]) {}

  next(): ClaimBody {
    const actor = this.actors[this.count++ % this.actors.length]!;
    const day = (this.days.get(actor) ?? 0) + 1;
    this.days.set(actor, day);
    return {
      watch: WATCH,
      actor,
      stance: day % 2 === 1 ? 'deny' : 'confirm',
      saidOn: new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10),
      quote: `${actor} says so on day ${day} (bench claim ${this.count})`,
      url: `https://news.example.org/bench/${actor}/${day}`,
      analyst: 'bench',
    };
  }
}

export class AdminApi {
  constructor(readonly url: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async actors(watchId: string): Promise<string[]> {
    const { watches } = await this.call<{ watches: { id: string; actors: { id: string }[] }[] }>('GET', '/api/watches');
    const watch = watches.find((w) => w.id === watchId);
    if (!watch || watch.actors.length === 0) throw new Error(`GET /api/watches has no watch ${watchId} with actors`);
    return watch.actors.map((a) => a.id);
  }

  recordClaim(body: ClaimBody): Promise<{ claimId: string; position: number; duplicate: boolean }> {
    return this.call('POST', '/api/admin/claims', body);
  }
}

interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET on a connection of its own, no Accept-Encoding: identity bytes. */
export function get(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<Fetched> {
  return new Promise((done, fail) => {
    const req = http.get(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs / 1000} s`)));
  });
}

/** Polls the feed until it holds a full page that ends with the last claim recorded, and is stable. */
async function fullFeed(serviceUrl: string, lastUrl: string): Promise<Fetched & { entries: number }> {
  const deadline = Date.now() + 60_000;
  let seen = '';
  for (;;) {
    const res = await get(serviceUrl + FEED_PATH);
    const text = res.body.toString('utf8');
    const entries = (text.match(/<entry[\s>]/g) ?? []).length;
    seen = `${res.status}, ${entries} entries`;
    if (res.status === 200 && entries >= PAGE_SIZE && text.includes(lastUrl)) {
      const again = await get(serviceUrl + FEED_PATH);
      if (again.headers.etag === res.headers.etag && again.body.equals(res.body)) {
        for (const name of ['etag', 'content-type', 'last-modified', 'cache-control']) {
          if (!res.headers[name]) throw new Error(`the feed's 200 has no ${name} header`);
        }
        if (res.headers['content-encoding']) throw new Error(`the feed came as ${res.headers['content-encoding']} without Accept-Encoding`);
        return { ...res, entries };
      }
    }
    if (Date.now() > deadline) throw new Error(`${FEED_PATH} did not fill a page of ${PAGE_SIZE} with the last claim within 60 s (last: ${seen})`);
    await sleep(100);
  }
}

// ---- the bare server (baseline) ----

interface BareSetup {
  body: string;
  full: Record<string, string>;
  notModified: Record<string, string>;
}

/** The headers a response of the service had, less those node:http writes itself (so the bare server writes them too). */
function headersToCopy(response: Fetched): Record<string, string> {
  const copied: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string' && !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) copied[name] = value;
  }
  return copied;
}

/**
 * The baseline sends the same bytes and the same headers as the service's 200 and 304 (the
 * request id included, as a fixed value of the same length).
 */
async function startBare(children: Children, feed: Fetched, notModified: Fetched): Promise<{ url: string; proc: ChildProcess }> {
  const proc = children.add(fork(SELF, [BARE_FLAG], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const port = await new Promise<number>((done, fail) => {
    proc.once('message', (message) => done((message as { port: number }).port));
    proc.once('error', fail);
    proc.once('exit', (code) => fail(new Error(`the bare server exited with ${code}`)));
    proc.send({ body: feed.body.toString('base64'), full: headersToCopy(feed), notModified: headersToCopy(notModified) } satisfies BareSetup);
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

/** In the bare server's process: the same bytes and headers for every request, or a 304. */
function serveBare({ body, full, notModified }: BareSetup): void {
  const bytes = Buffer.from(body, 'base64');
  const fullHeaders = { ...full, 'content-length': String(bytes.length) };
  const etag = full.etag!;
  const server = http.createServer((req, res) => {
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      res.writeHead(304, notModified);
      res.end();
    } else {
      res.writeHead(200, fullHeaders);
      res.end(bytes);
    }
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
}

// ---- the load: wrk, in slices taken in turn ----

export interface LoadCase {
  url: string;
  headers: Record<string, string>;
  status: 200 | 304;
  /** Body length every response must have. */
  length: number;
  /** The ETag every response must have (none: not checked). */
  etag: string | undefined;
  concurrency: number;
  /** Its CPU time is read from /proc over the measured window. */
  serverPid: number;
}

export interface LoadResult {
  /** Responses completed in the measured slices. */
  requests: number;
  seconds: number;
  rps: number;
  /** The median slice's p50, the worst slice's p99 and max (wrk reports percentiles, not samples). */
  p50: number;
  p99: number;
  max: number;
  /** Socket errors and responses not 2xx/3xx (wrk), and checks that found another status, length or ETag. */
  errors: number;
  unexpected: number;
  firstProblem: string | null;
  /** In cores, over the measured window: the server (null without /proc), and everything else (wrk, the database). */
  serverCpu: number | null;
  otherCpu: number | null;
}

interface LoadSample extends WrkResult {
  serverCpuSeconds: number | null;
  hostBusySeconds: number | null;
  unexpected: number;
  firstProblem: string | null;
}

/**
 * The cases measured in turn, one slice of each per round (the first after the full warm-up, the
 * next ones after a short one, on new connections): a neighbour's burst of CPU, on a shared
 * machine, falls on the service and on its baseline alike.
 */
export async function measureInTurn(cases: LoadCase[], t: SliceTiming): Promise<LoadResult[]> {
  const samples = cases.map(() => [] as LoadSample[]);
  for (let round = 0; round < t.rounds; round++) {
    for (const [i, loadCase] of cases.entries()) {
      samples[i]!.push(await runSlice(loadCase, round === 0 ? t.warmupMs : t.sliceWarmupMs, t.durationMs / t.rounds));
    }
  }
  return samples.map(combine);
}

/** A warm-up run of wrk, then the measured one with the /proc counters read around it, then a check of one response. */
async function runSlice(loadCase: LoadCase, warmupMs: number, durationMs: number): Promise<LoadSample> {
  const run = { url: loadCase.url, connections: loadCase.concurrency, headers: loadCase.headers };
  await runWrk({ ...run, durationMs: warmupMs });
  const server0 = cpuSeconds(loadCase.serverPid);
  const host0 = hostBusySeconds();
  const measured = await runWrk({ ...run, durationMs });
  const server1 = cpuSeconds(loadCase.serverPid);
  const host1 = hostBusySeconds();
  // wrk counts statuses outside 2xx/3xx only: one response is checked in full after each slice.
  const check = await get(loadCase.url, loadCase.headers, 60_000).catch((error: Error) => error);
  const problem =
    check instanceof Error
      ? check.message
      : check.status === loadCase.status && check.body.length === loadCase.length && (loadCase.etag === undefined || check.headers.etag === loadCase.etag)
        ? null
        : `status ${check.status}, ${check.body.length} bytes, etag ${check.headers.etag}`;
  return {
    ...measured,
    serverCpuSeconds: server0 !== null && server1 !== null ? server1 - server0 : null,
    hostBusySeconds: host0 !== null && host1 !== null ? host1 - host0 : null,
    unexpected: problem === null ? 0 : 1,
    firstProblem: problem,
  };
}

function combine(samples: LoadSample[]): LoadResult {
  const sum = (of: (s: LoadSample) => number | null) =>
    samples.reduce<number | null>((total, s) => (total === null || of(s) === null ? null : total + of(s)!), 0);
  const seconds = sum((s) => s.seconds)!;
  const requests = sum((s) => s.requests)!;
  const serverCpu = sum((s) => s.serverCpuSeconds);
  const hostBusy = sum((s) => s.hostBusySeconds);
  const p50s = Float64Array.from(samples.map((s) => s.p50)).sort();
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p50: quantile(p50s, 0.5),
    p99: Math.max(...samples.map((s) => s.p99)),
    max: Math.max(...samples.map((s) => s.max)),
    errors: sum((s) => s.socketErrors + s.badStatus)!,
    unexpected: sum((s) => s.unexpected)!,
    firstProblem: samples.find((s) => s.firstProblem)?.firstProblem ?? null,
    serverCpu: serverCpu === null ? null : serverCpu / seconds,
    otherCpu: serverCpu === null || hostBusy === null ? null : Math.max(0, (hostBusy - serverCpu) / seconds),
  };
}

/** User + system CPU seconds of a process, from /proc (Linux; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole host, all cores, from /proc/stat (ticks of 1/100 s). */
export function hostBusySeconds(): number | null {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return null;
  }
}

// ---- append-to-webhook latency ----

const WEBHOOK_WAIT_MS = 10_000;

async function webhookLatency(api: AdminApi, claims: ClaimMaker, count: number) {
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  let strays = 0;
  const receiver = http.createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      let claimId: unknown;
      try {
        claimId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { claim?: { claimId?: unknown } }).claim?.claimId;
      } catch {
        // not an alert
      }
      if (typeof claimId !== 'string' || req.url !== '/hook') return void strays++;
      if (!arrivals.has(claimId)) arrivals.set(claimId, at);
      waiters.get(claimId)?.();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  try {
    const port = (receiver.address() as { port: number }).port;
    await api.call('POST', '/api/admin/webhooks', { url: `http://127.0.0.1:${port}/hook`, watch: WATCH });
    const latencies: number[] = [];
    const posts: number[] = [];
    let missing = 0;
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const { claimId, duplicate } = await api.recordClaim(claims.next());
      posts.push(performance.now() - start);
      if (duplicate) throw new Error(`claim ${claimId} was recorded before: the bench's claims must be new`);
      const arrived = await new Promise<boolean>((done) => {
        if (arrivals.has(claimId)) return done(true);
        const timer = setTimeout(() => done(false), WEBHOOK_WAIT_MS);
        waiters.set(claimId, () => {
          clearTimeout(timer);
          done(true);
        });
      });
      waiters.delete(claimId);
      if (arrived) latencies.push(arrivals.get(claimId)! - start);
      else missing++;
    }
    if (latencies.length === 0) throw new Error('no webhook arrived for any claim');
    return { latencies: Float64Array.from(latencies).sort(), posts: Float64Array.from(posts).sort(), missing, strays };
  } finally {
    receiver.closeAllConnections();
    await new Promise((done) => receiver.close(done));
  }
}

// ---- helpers ----

/** The q-quantile of sorted values (nearest rank; q = 1 is the max). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function percent(fraction: number | null): string {
  return fraction === null ? 'n/a' : `${Math.round(fraction * 100)}%`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

// ---- entry points: the children, and a run of this bench alone ----

if (process.argv[1] === SELF) {
  if (process.argv[2] === BARE_FLAG) {
    // A child: dies with its parent.
    process.on('disconnect', () => process.exit(0));
    process.once('message', (message) => serveBare(message as BareSetup));
  } else {
    const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' } } });
    const report = new Report(values.json ?? false);
    const serverUrl =
      process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    report.note(`feeds over HTTP on ${process.version}${values.quick ? ' (quick)' : ''}:`);
    benchFeeds(report, { serverUrl, quick: values.quick ?? false }).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
}
