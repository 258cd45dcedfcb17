// Logs and metrics of the service as an operator sees them: JSON lines with request ids on its
// output, and /metrics in the Prometheus text format whose counters agree with what the API says.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from './support/cli.js';
import { parsePrometheusText, sampleValue, type MetricFamily } from './support/prometheus-text.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';
import { until } from './support/until.js';

const WATCH = 'dprk-troops-russia';
const PREFIX = 'stance_monitor_';
const ADMIN_TOKEN = 'test-admin-token-0123456789';

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('logs and metrics of the service on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let service: Awaited<ReturnType<typeof startService>>;
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${service.url}${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const scrape = async (): Promise<Map<string, MetricFamily>> => {
    const res = await fetch(`${service.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  };
  /** Scrapes until `ready` holds (the service works in the background), then returns that scrape. */
  const scrapeUntil = async (ready: (metrics: Map<string, MetricFamily>) => boolean, what: string) => {
    let metrics = await scrape();
    for (let i = 0; i < 150 && !ready(metrics); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      metrics = await scrape();
    }
    if (!ready(metrics)) throw new Error(`/metrics never showed ${what}`);
    return metrics;
  };
  const lagOf = (metrics: Map<string, MetricFamily>, unit: 'events' | 'seconds') =>
    metrics.get(`${PREFIX}projection_lag_${unit}`)?.samples.map((s) => [s.labels.subscription, s.value]) ?? [];
  const caughtUp = (metrics: Map<string, MetricFamily>) =>
    (sampleValue(metrics, `${PREFIX}documents_ingested_total`) ?? 0) > 0 &&
    lagOf(metrics, 'events').length > 0 &&
    [...lagOf(metrics, 'events'), ...lagOf(metrics, 'seconds')].every(([, value]) => value === 0);
  /** The JSON lines the service wrote so far. */
  const logLines = () =>
    service
      .output()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'observability-'));
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    service = await startService({ ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir }), LOG_LEVEL: 'debug', ADMIN_TOKEN });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('echoes a sane X-Request-Id, makes one up otherwise, and logs the request under it', async () => {
    const given = await fetch(`${service.url}/api/watches`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const feed = await fetch(`${service.url}/feeds/changes.atom`, { headers: { 'X-Request-Id': 'feed-abc-123' } });
    expect(feed.headers.get('x-request-id')).toBe('feed-abc-123'); // answered ahead of Express
    const generated = (await fetch(`${service.url}/api/watches`)).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const refused = (await fetch(`${service.url}/api/watches`, { headers: { 'X-Request-Id': 'a"b' } })).headers.get('x-request-id');
    expect(refused).not.toBe('a"b');
    expect(refused).toMatch(/^[0-9a-f-]{36}$/);
    await Promise.all([given, feed].map((res) => res.arrayBuffer()));

    for (const [reqId, path] of [['abc-123', '/api/watches'], ['feed-abc-123', '/feeds/changes.atom'], [generated, '/api/watches']] as const) {
      for (let i = 0; i < 50 && !logLines().some((line) => line.reqId === reqId); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logLines().filter((line) => line.reqId === reqId)).toContainEqual(
        expect.objectContaining({ level: 'debug', context: 'HTTP', method: 'GET', path, status: 200, bytes: expect.any(Number), durationMs: expect.any(Number) }),
      );
    }
  });

  it('serves /metrics as Prometheus text whose counters agree with the API once the seeds are projected', async () => {
    const metrics = await scrapeUntil(caughtUp, 'the seeds projected (lag 0)');
    for (const [name, type] of [
      ['documents_ingested_total', 'counter'],
      ['claims_recorded_total', 'counter'],
      ['stance_changes_announced_total', 'counter'],
      ['source_polls_total', 'counter'],
      ['webhook_delivery_attempts_total', 'counter'],
      ['http_request_duration_seconds', 'histogram'],
      ['projection_lag_events', 'gauge'],
      ['projection_lag_seconds', 'gauge'],
    ] as const) {
      expect([name, metrics.get(`${PREFIX}${name}`)?.type]).toEqual([name, type]);
      expect(metrics.get(`${PREFIX}${name}`)?.help).not.toBe('');
    }
    expect(metrics.get('process_cpu_user_seconds_total')?.type).toBe('counter'); // Node's process metrics
    expect(metrics.get('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect(lagOf(metrics, 'events').map(([subscription]) => subscription).sort()).toEqual(['extraction', 'stance']);

    const { sources } = await getJson<{ sources: { kind: string; documentsIngested: number }[] }>('/api/sources');
    const documents = sources.reduce((sum, source) => sum + source.documentsIngested, 0);
    expect(documents).toBeGreaterThan(0);
    expect(sampleValue(metrics, `${PREFIX}documents_ingested_total`)).toBe(documents);
    expect(sampleValue(metrics, `${PREFIX}source_polls_total`, { kind: 'fixture-folder' })).toBeGreaterThanOrEqual(1);

    const { watches } = await getJson<{ watches: { id: string; actors: { id: string }[] }[] }>('/api/watches');
    // A history answered before the projection caught up is renewed within READ_REFRESH_MS (1 s).
    const claims = await until('the history answers renewed after the seeds were projected', async () => {
      let total = 0;
      for (const actor of watches.find((w) => w.id === WATCH)!.actors) {
        total += (await getJson<{ claims: unknown[] }>(`/api/watches/${WATCH}/actors/${actor.id}/history`)).claims.length;
      }
      return total > 0 && total;
    }, 10_000);
    expect(claims).toBeGreaterThan(0);
    expect(sampleValue(metrics, `${PREFIX}claims_recorded_total`, { origin: 'extractor' })).toBe(claims);
  });

  it('times each request by route template, feeds answered ahead of Express included', async () => {
    const routes = [
      { route: '/feeds/watches/:watch/actors/:actor.atom', path: `/feeds/watches/${WATCH}/actors/russia.atom` },
      { route: '/api/watches/:watch/stances', path: `/api/watches/${WATCH}/stances?as_of=2024-10-25` },
    ];
    const count = (metrics: Map<string, MetricFamily>, route: string) =>
      sampleValue(metrics, `${PREFIX}http_request_duration_seconds_count`, { method: 'GET', route, status: '200' }) ?? 0;
    const before = await scrape();
    for (const { path } of routes) {
      for (let i = 0; i < 3; i++) expect((await fetch(`${service.url}${path}`).then(async (res) => (await res.arrayBuffer(), res))).status).toBe(200);
    }
    const after = await scrapeUntil((metrics) => routes.every(({ route }) => count(metrics, route) >= count(before, route) + 3), 'the requests counted');
    for (const { route } of routes) {
      expect(count(after, route)).toBe(count(before, route) + 3);
      const infinity = sampleValue(after, `${PREFIX}http_request_duration_seconds_bucket`, { method: 'GET', route, status: '200', le: '+Inf' });
      expect(infinity).toBe(count(after, route));
    }
    // A path no route serves is one label, not a new series per path.
    await fetch(`${service.url}/no/such/page-${Date.now()}`).then((res) => res.arrayBuffer());
    const unknown = await scrapeUntil((metrics) => count404(metrics) > 0, 'the 404 counted');
    expect(unknown.get(`${PREFIX}http_request_duration_seconds`)!.samples.every((s) => !s.labels.route?.startsWith('/no/'))).toBe(true);
  });

  it('counts an analyst claim once under origin=analyst, however often it is posted', async () => {
    const analystClaims = (metrics: Map<string, MetricFamily>) => sampleValue(metrics, `${PREFIX}claims_recorded_total`, { origin: 'analyst' }) ?? 0;
    const before = analystClaims(await scrape());
    const body = JSON.stringify({ watch: WATCH, actor: 'russia', stance: 'confirm', saidOn: '2025-07-01', quote: 'Russia confirms it once more.', url: 'https://example.org/o', analyst: 'ana' });
    const post = () => fetch(`${service.url}/api/admin/claims`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` }, body });
    expect([(await post()).status, (await post()).status]).toEqual([201, 200]); // the second is the same claim again
    expect(analystClaims(await scrape())).toBe(before + 1);
  });

  it('on shutdown, its live stream has sent exactly the stance changes the counter announced, and every line it wrote was JSON', async () => {
    const metrics = await scrapeUntil(caughtUp, 'the seeds projected');
    const announced = (kind: string) => sampleValue(metrics, `${PREFIX}stance_changes_announced_total`, { kind });
    // The stream replays the whole outbox from position 0; the service ends it on shutdown once it
    // has sent everything projected, so what it sent is every alert there is.
    let stopped: Promise<void> | undefined;
    const streamed = await new Promise<string>((resolve, reject) => {
      request(`${service.url}/api/stream?since=0`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          stopped ??= service.stop(); // once the stream has begun
          text += chunk;
        });
        res.on('end', () => resolve(text));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    await stopped;
    const events = (name: string) => streamed.split('\n').filter((line) => line === `event: ${name}`).length;
    expect(events('stance.changed')).toBeGreaterThan(0);
    expect(announced('changed')).toBe(events('stance.changed'));
    expect(announced('withdrawn')).toBe(events('stance.withdrawn'));

    const lines = service.output().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      let parsed: Record<string, unknown> = {};
      expect(() => (parsed = JSON.parse(line) as Record<string, unknown>)).not.toThrow();
      expect([line, typeof parsed.level, typeof parsed.msg, typeof parsed.time]).toEqual([line, 'string', 'string', 'string']);
    }
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContainEqual(expect.stringContaining('listening on'));
  });
});

function count404(metrics: Map<string, MetricFamily>): number {
  return sampleValue(metrics, `${PREFIX}http_request_duration_seconds_count`, { method: 'GET', route: 'other', status: '404' }) ?? 0;
}
