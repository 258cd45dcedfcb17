// Issue 14.2: hostile entries (lone UTF-16 surrogates, NUL) are stored with U+FFFD in their
// place; a document the database still refuses is named on its source's health and the rest
// are stored; and a failure of the database itself is not recorded as the feed's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig, type AppConfig } from '../config/config.js';
import type { ArticleDocument } from '../domain/vocabulary.js';
import { LogVerifier } from '../event-store/log-verifier.service.js';
import { startSourcesInstance } from '../../test/support/sources-instance.js';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { startLocalHttpServer, type LocalHttpServer } from './http/testing/local-http-server.js';
import { sourceHealth } from './sources.controller.js';

const R = '\uFFFD';

interface Item {
  id: string;
  title: string;
  text: string;
}

/** JSON.stringify writes a lone surrogate as a `\ud800` escape and NUL as `\u0000`: both reach the parser. */
function jsonFeed(items: Item[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Kabar \uD800 Dunia',
    home_page_url: 'https://kabar.example/',
    items: items.map((i) => ({ id: i.id, url: `https://kabar.example/berita/${i.id.replace(/[^a-z0-9-]/gi, "_")}`, title: i.title, content_text: i.text, date_published: '2024-10-24T10:00:00Z' })),
  });
}

function plainItems(from: number, count: number): Item[] {
  return Array.from({ length: count }, (_, k) => ({
    id: `plain-${from + k}`,
    title: `Laporan nomor ${from + k}`,
    text: `Juru bicara menyebut laporan nomor ${from + k} tidak berdasar.`,
  }));
}

const HOSTILE: Item[] = [
  { id: 'lone-high-\uD800', title: 'judul \uD83D tanpa pasangan', text: 'teks biasa' },
  { id: 'lone-low', title: 'judul biasa', text: 'teks \uDC00 dengan surrogate rendah' },
  { id: 'nul-\u0000-id', title: 'judul \u0000 dengan NUL', text: 'teks \u0000 NUL' },
  { id: 'emoji-ok', title: 'judul 😀 utuh', text: 'teks 𝕏 utuh' },
];

describe.each(backends)('poison-proof ingestion on %s', (kind) => {
  let database: TestDatabase;
  let server: LocalHttpServer;
  let feed = '';
  let config: AppConfig;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const serveFeed = () => (_req: unknown, res: import('node:http').ServerResponse) =>
      void res.writeHead(200, { 'Content-Type': 'application/feed+json' }).end(feed);
    server = await startLocalHttpServer({ '/hostile.json': serveFeed(), '/refusal.json': serveFeed(), '/outage.json': serveFeed() });
    config = { ...loadConfig({ FIXTURES_DIR: 'off', ALLOW_PRIVATE_SOURCES: 'true' }) };
  });

  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('stores every entry of a JSON Feed with lone surrogates and NUL in ids, titles and text, across chunks, and re-polls cleanly', async () => {
    // 1,200 entries: the hostile ones sit in the first, second and third chunk of appends.
    const items = [...plainItems(0, 300), HOSTILE[0]!, HOSTILE[1]!, ...plainItems(300, 400), HOSTILE[2]!, ...plainItems(700, 496), HOSTILE[3]!];
    feed = jsonFeed(items);
    expect(feed).toContain('\\ud800');
    expect(feed).toContain('\\u0000');
    const { sources, repository, events } = startSourcesInstance(database, config);
    const { source } = await sources.addFeed(server.url('/hostile.json'), null, 'test');
    const report = await sources.poll(source);
    expect(report).toMatchObject({ ok: true, entries: items.length, count: { ingested: items.length, revisions: 0, alreadyStored: 0 } });

    const docs = (await events.readAll(0, { types: ['DocumentIngested'], limit: 5000 })).map((e) => e.data as ArticleDocument);
    expect(docs).toHaveLength(items.length);
    const byKey = new Map(docs.map((d) => [d.entryKey, d]));
    expect(byKey.get(`guid:lone-high-${R}`)).toMatchObject({ title: `judul ${R} tanpa pasangan`, outlet: `Kabar ${R} Dunia` });
    expect(byKey.get('guid:lone-low')!.text).toContain(`teks ${R} dengan surrogate rendah`);
    // (The feed reader already drops control characters from titles; the id keeps its place.)
    expect(JSON.stringify(byKey.get(`guid:nul-${R}-id`))).not.toContain('\\u0000');
    expect(byKey.get('guid:emoji-ok')!.title).toBe('judul 😀 utuh');
    const row = (await repository.find(source.source_id))!;
    expect(sourceHealth(row)).toMatchObject({ state: 'ok', lastError: null, documentsIngested: items.length });

    // The next poll (a new entry added) is not blocked by anything the first one saw.
    feed = jsonFeed([...items, ...plainItems(5000, 1)]);
    const again = await sources.poll(row);
    expect(again.count).toEqual({ ingested: 1, revisions: 0, alreadyStored: items.length });
    expect((await new LogVerifier(events).verify()).ok).toBe(true);
  });

  it('names a document the database still refuses on its source, by entry id, and stores the rest', async () => {
    // A refusal that no sanitizing prevents: a constraint of the database on one entry.
    await database.superuser(`
      create function refuse_one_entry() returns trigger language plpgsql as $$
      begin
        if new.data->>'entryKey' = 'guid:refused-entry' then
          raise exception 'value too long for this test' using errcode = '22001';
        end if;
        return new;
      end $$`);
    await database.superuser('create trigger refuse_one_entry before insert on events for each row execute function refuse_one_entry()');
    try {
      const refused = { id: 'refused-entry', title: 'ditolak', text: 'teks yang ditolak basis data' };
      const items = [...plainItems(10_000, 260), refused, ...plainItems(10_260, 40)];
      feed = jsonFeed(items);
      const { sources, repository, events } = startSourcesInstance(database, config);
      const headBefore = (await events.head()).position;
      const { source } = await sources.addFeed(server.url('/refusal.json'), null, 'test');
      const report = await sources.poll(source);
      expect(report.ok).toBe(true);
      expect(report.count).toEqual({ ingested: items.length - 1, revisions: 0, alreadyStored: 0 });
      expect((await events.head()).position).toBe(headBefore + items.length - 1);
      const health = sourceHealth((await repository.find(source.source_id))!);
      expect(health.state).toBe('ok');
      expect(health.lastError).toContain('entry guid:refused-entry');
      expect(health.lastError).toContain('value too long for this test');
    } finally {
      await database.superuser('drop trigger refuse_one_entry on events');
    }
  });

  it('does not record a database failure as the feed failing, and polls the feed again without backoff', async () => {
    await database.superuser(`
      create function refuse_everything() returns trigger language plpgsql as $$
      begin
        raise exception 'the database is shutting down (test)' using errcode = '57P01';
      end $$`);
    await database.superuser('create trigger refuse_everything before insert on events for each row execute function refuse_everything()');
    const { sources, repository } = startSourcesInstance(database, config);
    const { source } = await sources.addFeed(server.url('/outage.json'), null, 'test');
    try {
      feed = jsonFeed(plainItems(20_000, 30));
      const polledAt = new Date();
      const report = await sources.poll(source, polledAt);
      expect(report.ok).toBe(false);
      expect(report.status).toContain('shutting down');
      const row = (await repository.find(source.source_id))!;
      // The feed's health is untouched: still pending, no failure counted, no error of the feed.
      expect(row).toMatchObject({ consecutive_failures: 0, last_error: null, last_status: null, etag: null });
      expect(sourceHealth(row).state).toBe('pending');
      // Not due again for DATABASE_RETRY_MS (in memory), then due as before: no backoff was recorded.
      expect(await sources.pollDue(undefined, new Date(polledAt.getTime() + 1000))).toEqual([]);
    } finally {
      await database.superuser('drop trigger refuse_everything on events');
    }
    const later = await sources.pollDue(undefined, new Date(Date.now() + 31_000));
    expect(later.find((r) => r.sourceId === source.source_id)).toMatchObject({ ok: true, count: { ingested: 30 } });
  });
});
