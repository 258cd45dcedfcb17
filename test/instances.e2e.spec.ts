// Three service processes on one database, as DESIGN.md's scale-out path runs them: exactly one
// leads each background role (the scheduler, each projection, webhook dispatch) at any time, a
// SIGKILLed leader's roles pass to a survivor within a bound derived from the retry intervals,
// every instance serves the same stances and feed bytes, and nothing is ingested twice.
//
// Postgres server only: PGlite is one process's private database, so several instances on it
// cannot exist.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SUBSCRIPTION_LEADER_RETRY_MS } from '../src/event-store/subscription-runner.js';
import { startLocalHttpServer, type LocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { SCHEDULER_LEADER_LOCK, SCHEDULER_TICK_MS } from '../src/sources/sources.scheduler.js';
import { DISPATCH_LEADER_LOCK, DISPATCH_LEADER_RETRY_MS } from '../src/webhooks/webhook-dispatcher.js';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
// The address behind a load balancer: the same for every instance, so they serve the same bytes.
const PUBLIC_BASE_URL = 'https://stance.example.org';

/**
 * Each role, and how long a survivor may take to lead it once the leader's connection is gone.
 * Postgres frees a killed leader's advisory locks as soon as its session sees the socket close
 * (milliseconds); a survivor then takes the lock at its next try, at most one retry interval
 * later. The margin covers that try itself (a new connection and one query), this test's 100 ms
 * sampling and a busy machine.
 */
const HANDOVER_MARGIN_MS = 2_000;
const ROLES: Record<string, number> = {
  [SCHEDULER_LEADER_LOCK]: SCHEDULER_TICK_MS + HANDOVER_MARGIN_MS,
  'subscription:extraction': SUBSCRIPTION_LEADER_RETRY_MS + HANDOVER_MARGIN_MS,
  'subscription:stance': SUBSCRIPTION_LEADER_RETRY_MS + HANDOVER_MARGIN_MS,
  [DISPATCH_LEADER_LOCK]: DISPATCH_LEADER_RETRY_MS + HANDOVER_MARGIN_MS,
};

interface FeedItem {
  guid: string;
  title: string;
  text: string;
  published: string;
}

const EARLY_ITEMS: FeedItem[] = [
  { guid: 'seoul', title: 'Seoul', text: 'Seoul confirmed that North Korean troops were deployed to Kursk.', published: 'Mon, 01 Dec 2025 08:00:00 GMT' },
  {
    guid: 'pentagon',
    title: 'Pentagon',
    text: 'The Pentagon confirmed that North Korean troops were deployed to Russia to fight in Kursk.',
    published: 'Tue, 02 Dec 2025 08:00:00 GMT',
  },
];
/** Published after the leader is killed: a Russian denial later than every seed, so Russia's stance changes to deny. */
const LATE_ITEM: FeedItem = {
  guid: 'peskov',
  title: 'Peskov',
  text: 'Kremlin spokesman Dmitry Peskov denied on Monday that North Korean troops were fighting in Kursk.',
  published: 'Tue, 03 Feb 2026 08:00:00 GMT',
};
const articleUrl = (item: FeedItem) => `https://news.example.org/${item.guid}`;

function rss(items: FeedItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><link>${articleUrl(item)}</link><title>${item.title}</title>` +
        `<pubDate>${item.published}</pubDate><description>${item.text}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title><link>https://news.example.org/</link><language>en</language>${entries}</channel></rss>`;
}

/** What every instance must serve alike. */
const SHARED_PATHS = [
  `/api/watches/${WATCH}/stances`,
  `/api/watches/${WATCH}/actors/russia/history`,
  '/feeds/changes.atom',
  '/feeds/changes.json',
  `/feeds/watches/${WATCH}/actors/russia.atom`,
  `/feeds/watches/${WATCH}/claims.atom`,
  `/feeds/watches/${WATCH}/claims.json`,
];

type Instance = Awaited<ReturnType<typeof startService>> & { id: string };

interface Health {
  instance: string;
  leads: string[];
  log: { headPosition: number };
}

interface Stance {
  actor: string;
  stance: string | null;
  since: { claim: { url: string } } | null;
  latestClaim: { url: string } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(instance: { url: string }): Promise<Health> {
  return (await (await fetch(`${instance.url}/health`)).json()) as Health;
}

/** Which instances lead each role, from one round of /health of all of them. */
async function leadersByRole(instances: Instance[]): Promise<Map<string, string[]>> {
  const answers = await Promise.all(instances.map(health));
  const leaders = new Map<string, string[]>();
  for (const { instance, leads } of answers) for (const role of leads) leaders.set(role, [...(leaders.get(role) ?? []), instance]);
  return leaders;
}

async function russia(instance: Instance): Promise<Stance> {
  const { stances } = (await (await fetch(`${instance.url}/api/watches/${WATCH}/stances`)).json()) as { stances: Stance[] };
  return stances.find((s) => s.actor === 'russia')!;
}

async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Status, ETag and body of every shared path, as one instance serves them. */
async function servedBy(instance: Instance): Promise<Record<string, { status: number; etag: string | null; body: string }>> {
  const served: Record<string, { status: number; etag: string | null; body: string }> = {};
  for (const path of SHARED_PATHS) {
    const res = await fetch(`${instance.url}${path}`);
    served[path] = { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  }
  return served;
}

/**
 * Every instance serves what the first one serves, once caught up: an instance that does not run
 * the projection reads the same rows, and drops its cached feed pages when it sees the projection
 * move (a poll of the checkpoint), so a short wait is allowed, not a difference that stays.
 */
async function expectSameEverywhere(instances: Instance[]): Promise<void> {
  let served = await Promise.all(instances.map(servedBy));
  const deadline = Date.now() + 10_000;
  while (served.some((s) => JSON.stringify(s) !== JSON.stringify(served[0])) && Date.now() < deadline) {
    await sleep(200);
    served = await Promise.all(instances.map(servedBy));
  }
  for (const path of SHARED_PATHS) {
    expect(served[0]![path]).toMatchObject({ status: 200 });
    if (path.startsWith('/feeds/')) expect(served[0]![path]!.etag).toBeTruthy();
  }
  for (const other of served.slice(1)) expect(other).toEqual(served[0]);
}

// PGlite's single process leads everything itself; checked here so that a run without a server still says so.
if (serverBackends.length === 0) {
  describe('one instance on pglite', () => {
    it('leads every role itself and says so in /health', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'instances-'));
      const service = await startService({ DATA_DIR: dataDir, INSTANCE_ID: 'only-one' });
      try {
        await waitFor('the instance to take every role', async () => (await health(service)).leads.length === Object.keys(ROLES).length);
        expect(await health(service)).toMatchObject({ instance: 'only-one', leads: Object.keys(ROLES).sort() });
      } finally {
        await service.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}

// A loop, not describe.each: with no server there is no table, and each() refuses an empty one.
for (const kind of serverBackends) describe(`three instances on ${kind}`, () => {
  let database: TestDatabase;
  let feeds: LocalHttpServer;
  const instances: Instance[] = [];

  const start = async (id: string): Promise<Instance> => {
    const service = await startService({
      DATABASE_URL: database.url!,
      ADMIN_TOKEN,
      PUBLIC_BASE_URL,
      FEED_URLS: feeds.url('/feed.xml'),
      ALLOW_PRIVATE_SOURCES: 'true',
      INSTANCE_ID: id,
      LOG_LEVEL: 'log', // taking and losing a role are logged at this level
    });
    return { ...service, id };
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    feeds = await startLocalHttpServer({
      '/feed.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss(EARLY_ITEMS)),
      '/late.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss([LATE_ITEM])),
    });
    // The first instance takes every role before the others start, so one process holds the
    // scheduler and the stance projection together: the one killed below.
    const first = await start('instance-a');
    instances.push(first);
    await waitFor('instance-a to lead every role', async () => (await health(first)).leads.length === Object.keys(ROLES).length);
    instances.push(...(await Promise.all([start('instance-b'), start('instance-c')])));
    // Caught up: the seeds and the feed's entries are projected (Russia's seed history ends in confirm).
    await waitFor('the seeds and the feed to be projected', async () => {
      const { stances } = (await (await fetch(`${first.url}/api/watches/${WATCH}/stances`)).json()) as { stances: Stance[] };
      return EARLY_ITEMS.every((item) => stances.some((s) => s.latestClaim?.url === articleUrl(item))) && (await russia(first)).stance === 'confirm';
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await feeds?.close();
    await database?.close();
  });

  it('has each role led by exactly one instance at every sample, and every instance reporting its id', async () => {
    for (let sample = 0; sample < 20; sample++) {
      const leaders = await leadersByRole(instances);
      expect([...leaders.keys()].sort()).toEqual(Object.keys(ROLES).sort());
      for (const holders of leaders.values()) expect(holders).toHaveLength(1);
      await sleep(50);
    }
    expect((await Promise.all(instances.map(health))).map((h) => h.instance)).toEqual(['instance-a', 'instance-b', 'instance-c']);
    expect((await health(instances[0]!)).leads).toEqual(Object.keys(ROLES).sort());
  });

  it('serves identical stances, histories and feeds (bytes and ETags) from every instance', async () => {
    await expectSameEverywhere(instances);
  });

  it('hands a SIGKILLed leader’s roles to a survivor within the bound, and the survivors go on ingesting', async () => {
    const [leader, ...survivors] = instances;
    expect((await health(leader!)).leads).toEqual(expect.arrayContaining([SCHEDULER_LEADER_LOCK, 'subscription:stance']));
    // startService reports an exit it did not ask for: this one is on purpose.
    leader!.proc.removeAllListeners('exit');
    const exited = new Promise((resolve) => leader!.proc.once('exit', resolve));
    const killedAt = Date.now();
    leader!.proc.kill('SIGKILL');
    await exited;

    const handover = new Map<string, number>();
    const deadline = killedAt + Math.max(...Object.values(ROLES)) + 5_000;
    while (handover.size < Object.keys(ROLES).length && Date.now() < deadline) {
      const leaders = await leadersByRole(survivors);
      const sampledAt = Date.now();
      for (const [role, holders] of leaders) {
        expect(holders).toHaveLength(1); // never two, during the handover either
        if (!handover.has(role)) handover.set(role, sampledAt - killedAt);
      }
      await sleep(100);
    }
    const late = Object.entries(ROLES)
      .filter(([role, boundMs]) => !(handover.get(role)! <= boundMs))
      .map(([role, boundMs]) => `${role}: ${handover.get(role) ?? 'not taken'} ms, bound ${boundMs} ms`);
    expect(late).toEqual([]);
    const schedulerId = (await leadersByRole(survivors)).get(SCHEDULER_LEADER_LOCK)![0];
    const scheduler = survivors.find((s) => s.id === schedulerId)!;
    expect(scheduler.output()).toContain(`${scheduler.id} now leads ${SCHEDULER_LEADER_LOCK}`);

    // A feed published now, added through the instance that does not poll: the new scheduler
    // leader polls it, and Russia's new denial is served by every survivor.
    const other = survivors.find((s) => s !== scheduler)!;
    const added = await fetch(`${other.url}/api/admin/sources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ url: feeds.url('/late.xml') }),
    });
    expect(added.status).toBe(201);
    for (const survivor of survivors) {
      await waitFor(`Russia's late denial on ${survivor.id}`, async () => {
        const now = await russia(survivor);
        return now.stance === 'deny' && now.since?.claim.url === articleUrl(LATE_ITEM);
      });
    }
    await expectSameEverywhere(survivors);
  });

  it('ingested nothing twice: one event per article, one per claim, each feed polled once', async () => {
    const documents = await sql<{ events: number; keys: number; urls: number }>`
      select count(*)::int as events, count(distinct idempotency_key)::int as keys, count(distinct data->>'url')::int as urls
      from events where type = 'DocumentIngested'`.execute(database.db);
    const articles = readdirSync(join(process.cwd(), 'fixtures/articles')).filter((f) => f.endsWith('.md')).length + EARLY_ITEMS.length + 1;
    expect(documents.rows[0]).toEqual({ events: articles, keys: articles, urls: articles });

    const claims = await sql<{ events: number; ids: number; keys: number; documents: number }>`
      select count(*)::int as events, count(distinct data->>'claimId')::int as ids,
             count(distinct idempotency_key)::int as keys, count(distinct stream_id)::int as documents
      from events where type = 'ClaimRecorded'`.execute(database.db);
    const { events, ids, keys, documents: streams } = claims.rows[0]!;
    expect(events).toBeGreaterThan(articles); // the seeds hold several claims each
    expect(ids).toBe(events);
    // Extraction appends each document's claims once, under one idempotency key per document.
    expect(keys).toBe(streams);

    // Three instances had /feed.xml configured; one scheduler polled it (and /late.xml), once each.
    expect(feeds.requestHeaders('/feed.xml')).toHaveLength(1);
    expect(feeds.requestHeaders('/late.xml')).toHaveLength(1);
    // A second runner of a projection would have failed on the checkpoint it moved under the first.
    for (const instance of instances) expect(instance.output()).not.toContain('moved by another runner');
  });
});
