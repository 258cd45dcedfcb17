import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadConfig, type AppConfig } from '../config/config.js';
import type { ArticleDocument } from '../domain/vocabulary.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { LogVerifier } from '../event-store/log-verifier.service.js';
import { startSourcesInstance } from '../../test/support/sources-instance.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { DOCUMENTS_PER_PART } from './domain/feed-documents.js';
import { startLocalHttpServer, type LocalHttpServer } from './http/testing/local-http-server.js';

const SEED_IDS = ['000_e68d0cf41b667b35', '001_8a6b6d78dd98debe', '002_3a6185e6ec486ff6', '003_f459e879273e22e6', '004_3a2ed5cd9f139673'];

function rss(items: { guid: string; link: string; title: string; body: string; date?: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kabar Dunia</title><link>https://kabar.example/</link><language>id</language><ttl>30</ttl>
${items
  .map(
    (i) => `<item><guid>${i.guid}</guid><link>${i.link}</link><title>${i.title}</title>
<description><![CDATA[<p>${i.body}</p>]]></description><pubDate>${i.date ?? 'Thu, 24 Oct 2024 10:00:00 GMT'}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

// A feed of more entries than one part (feed-documents.ts) whose entry after the first part is not
// well-formed XML (an attribute name cannot start with a digit), though its tags balance.
const lateItems = Array.from({ length: DOCUMENTS_PER_PART + 10 }, (_, i) => ({
  guid: `late-${i}`,
  link: `https://kabar.example/late/${i}`,
  title: i === DOCUMENTS_PER_PART + 3 ? 'x</title><title 1a="b">broken' : `Entry ${i}`,
  body: `Text ${i}.`,
}));
const lateBreak = rss(lateItems);

describe.each(backends)('sources on %s', (kind) => {
  let database: TestDatabase;
  let server: LocalHttpServer;
  let feedBody = '';
  let config: AppConfig;
  const etag = () => `"${Buffer.from(feedBody).length}-${feedBody.length % 97}"`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startLocalHttpServer({
      '/kabar.xml': (req, res) => {
        if (req.headers['if-none-match'] === etag()) return void res.writeHead(304, { ETag: etag() }).end();
        res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip', ETag: etag() });
        res.end(gzipSync(feedBody));
      },
      '/mirror.xml': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        res.end(feedBody.replace(/<guid>/g, '<guid>mirror-'));
      },
      '/broken.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<rss><channel><item><title>cut'),
      '/bomb.xml': (_req, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'application/xml' })
          .end(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`),
      '/late-break.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(lateBreak),
      '/empty.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/xml' }).end(''),
      '/homepage': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><head><title>Home</title></head><body>hi</body></html>'),
      '/loop-a': (_req, res) => void res.writeHead(302, { Location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => void res.writeHead(302, { Location: '/loop-a' }).end(),
      '/busy': (_req, res) => void res.writeHead(503, { 'Retry-After': '3600' }).end('busy'),
    });
    config = { ...loadConfig({ FIXTURES_DIR: 'fixtures/articles', ALLOW_PRIVATE_SOURCES: 'true' }) };
  });

  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('ingests the five seed fixtures exactly once, however often the folder is read or the service restarts', async () => {
    for (let restart = 0; restart < 3; restart++) {
      const { sources } = startSourcesInstance(database, config);
      await sources.registerConfiguredSources();
      const reports = await sources.pollEverySource();
      expect(reports).toEqual([expect.objectContaining({ sourceId: 'fixtures', ok: true, entries: 5 })]);
      expect(reports[0]!.count).toEqual(restart === 0 ? { ingested: 5, revisions: 0, alreadyStored: 0 } : { ingested: 0, revisions: 0, alreadyStored: 5 });
    }
    const events = await new EventStoreRepository(database).readAll(0, { types: ['DocumentIngested'] });
    expect(events).toHaveLength(5);
    const documents = events.map((e) => e.data as ArticleDocument).sort((a, b) => a.entryKey.localeCompare(b.entryKey));
    expect(documents.map((d) => d.entryKey)).toEqual(SEED_IDS.map((id) => `file:${id}`));
    // The stored text is the seed byte for byte: evidence offsets will point into it.
    for (const [i, doc] of documents.entries()) {
      const fixture = readFileSync(`fixtures/articles/${SEED_IDS[i]}.md`, 'utf8');
      expect(fixture.endsWith(doc.text)).toBe(true);
      expect(doc.text.length).toBeGreaterThan(1000);
    }
    expect(documents[2]).toMatchObject({ outlet: 'Tribunnews', published: '2024-10-25', language: 'id', revisionOf: null });
  });

  it('polls a feed, answers unchanged polls with 304 across a restart, and stores an edited article as a revision', async () => {
    feedBody = rss([
      { guid: 'a-1', link: 'https://kabar.example/a/1?utm_source=rss', title: 'Kremlin membantah laporan', body: 'Kremlin membantah laporan pengerahan pasukan.' },
      { guid: 'a-2', link: 'https://kabar.example/a/2', title: 'NATO mengonfirmasi', body: 'NATO mengonfirmasi pasukan Korea Utara di Kursk.' },
    ]);
    const first = startSourcesInstance(database, config);
    const { source } = await first.sources.addFeed(server.url('/kabar.xml'), 'Kabar', 'test');
    let report = await first.sources.poll(source);
    expect(report).toMatchObject({ ok: true, entries: 2, count: { ingested: 2, revisions: 0, alreadyStored: 0 } });

    const restarted = startSourcesInstance(database, config);
    report = await restarted.sources.poll((await restarted.repository.find(source.source_id))!);
    expect(report).toMatchObject({ ok: true, status: '304 not modified' });
    const conditional = server.requestHeaders('/kabar.xml').at(-1)!;
    expect(conditional['if-none-match']).toBe(etag());
    expect(conditional['accept-encoding']).toMatch(/gzip/);

    const row = (await restarted.repository.find(source.source_id))!;
    expect(row).toMatchObject({ consecutive_failures: 0, last_status: '304 not modified', documents_ingested: 2 });
    // RSS <ttl>30</ttl> is longer than nothing but shorter than the default interval: the interval wins.
    expect(row.next_poll_basis).toBe('interval');

    // The publisher edits article 1: a new revision that points at the first.
    feedBody = feedBody.replace('membantah laporan pengerahan pasukan.', 'membantah laporan pengerahan pasukan, kata Peskov.');
    report = await restarted.sources.poll(row);
    expect(report.count).toEqual({ ingested: 0, revisions: 1, alreadyStored: 1 });
    const docs = (await restarted.events.readAll(0, { types: ['DocumentIngested'] })).map((e) => e.data as ArticleDocument);
    const revisions = docs.filter((d) => d.canonicalUrl === 'https://kabar.example/a/1');
    expect(revisions).toHaveLength(2);
    expect(revisions[1]!.revisionOf).toBe(revisions[0]!.documentId);
    expect(revisions[1]!.text).toContain('kata Peskov');
  });

  it('stores the same article carried by a second feed only once', async () => {
    const { sources, events } = startSourcesInstance(database, config);
    const before = (await events.readAll(0, { types: ['DocumentIngested'], limit: 10_000 })).length;
    const { source } = await sources.addFeed(server.url('/mirror.xml'), null, 'test');
    const report = await sources.poll(source);
    expect(report.count).toEqual({ ingested: 0, revisions: 0, alreadyStored: 2 });
    expect(await events.readAll(0, { types: ['DocumentIngested'], limit: 10_000 })).toHaveLength(before);
  });

  it('records each bad input as a failure of that source only, with backoff, and keeps the rest working', async () => {
    const { sources, repository, events } = startSourcesInstance(database, config);
    const headBefore = (await events.head()).position;
    const expectations: [string, RegExp][] = [
      ['/broken.xml', /malformed/],
      ['/bomb.xml', /entity-declaration/],
      ['/empty.xml', /empty/],
      ['/homepage', /html/],
      ['/loop-a', /redirect-loop|too-many-redirects/],
      ['/busy', /http-status/],
    ];
    for (const [path, status] of expectations) {
      const { source } = await sources.addFeed(server.url(path), null, 'test');
      const report = await sources.poll(source);
      expect(report.ok).toBe(false);
      const row = (await repository.find(source.source_id))!;
      expect(row.last_status).toMatch(status);
      expect(row.last_error).toBeTruthy();
      expect(row.consecutive_failures).toBe(1);
      expect(row.next_poll_at.getTime()).toBeGreaterThan(Date.now());
    }
    // 503 with Retry-After: an hour, longer than the first backoff.
    const busy = (await repository.list()).find((s) => s.location.endsWith('/busy'))!;
    expect(busy.next_poll_basis).toBe('retry-after');
    expect(busy.next_poll_at.getTime() - Date.now()).toBeGreaterThan(3_500_000);

    // A second failure backs off further; the good feed still polls fine.
    const broken = (await repository.list()).find((s) => s.location.endsWith('/broken.xml'))!;
    const firstDelay = broken.next_poll_at.getTime() - broken.last_polled_at!.getTime();
    await sources.poll(broken);
    const again = (await repository.find(broken.source_id))!;
    expect(again.consecutive_failures).toBe(2);
    expect(again.next_poll_at.getTime() - again.last_polled_at!.getTime()).toBeGreaterThan(firstDelay * 0.7);
    const good = (await repository.list()).find((s) => s.location.endsWith('/kabar.xml'))!;
    expect((await sources.poll(good)).ok).toBe(true);
    expect((await events.head()).position).toBe(headBefore); // nothing was written by the bad feeds
  });

  it('stores the entries of a large feed before the part that is malformed, and records the failure', async () => {
    const { sources, repository, events } = startSourcesInstance(database, config);
    const { source } = await sources.addFeed(server.url('/late-break.xml'), null, 'test');
    const report = await sources.poll(source);
    expect(report.ok).toBe(false);
    const row = (await repository.find(source.source_id))!;
    expect(row.last_status).toMatch(/malformed/);
    expect(row.etag).toBeNull(); // not saved: the next poll fetches the whole feed again
    const stored = (await events.readAll(0, { types: ['DocumentIngested'], limit: 100_000 }))
      .map((event) => event.data as ArticleDocument)
      .filter((document) => document.sourceId === source.source_id);
    expect(stored.map((document) => document.title)).toEqual(lateItems.slice(0, DOCUMENTS_PER_PART).map((item) => item.title));
    // Polled again, it stores nothing twice and fails the same way.
    const before = (await events.readAll(0, { types: ['DocumentIngested'], limit: 100_000 })).length;
    const again = await sources.poll(row);
    expect(again).toMatchObject({ ok: false, count: null });
    expect(await events.readAll(0, { types: ['DocumentIngested'], limit: 100_000 })).toHaveLength(before);
  });

  it('blocks a feed on a loopback address unless private sources are allowed', async () => {
    const strict = startSourcesInstance(database, { ...config, allowPrivateSources: false });
    const { source } = await strict.sources.addFeed(server.url('/kabar.xml').replace('127.0.0.1', 'localhost'), null, 'test');
    const report = await strict.sources.poll(source);
    expect(report.ok).toBe(false);
    expect((await strict.repository.find(source.source_id))!.last_status).toBe('blocked-address');
  });

  it('keeps the chain intact through all of it', async () => {
    expect((await new LogVerifier(new EventStoreRepository(database)).verify()).ok).toBe(true);
  });
});
