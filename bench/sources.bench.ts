// Ingestion of one 10,000-item feed served on loopback, end to end (fetch, parse, identity,
// one transaction and one INSERT per chunk of new documents), next to parsing the same bytes alone.
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/database/database.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { EventStore } from '../src/event-store/event-store.service.js';
import { parseFeed } from '../src/sources/domain/parse-feed.js';
import { DocumentIngestion } from '../src/sources/document-ingestion.service.js';
import { startLocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { SourcesRepository } from '../src/sources/sources.repository.js';
import { SourcesService } from '../src/sources/sources.service.js';
import type { Report } from './report.js';

export function newsFeed(items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><guid isPermaLink="false">bench-${i}</guid><link>https://kabar.example/berita/${i}</link>` +
      `<title>Kremlin membantah laporan pengerahan pasukan Korea Utara (${i})</title>` +
      `<pubDate>Thu, 24 Oct 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>Juru bicara Kremlin Dmitry Peskov ` +
      `menolak spekulasi bahwa militer Korea Utara terlibat dalam permusuhan dengan Ukraina sebagai “cerita palsu”. ` +
      `Seoul mengatakan Moskow membantah laporan tersebut pada hari Senin.</p>]]></description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kabar</title><link>https://kabar.example/</link>${entries}</channel></rss>`;
}

export async function benchSources(database: Database, report: Report, label: string, items: number) {
  const body = newsFeed(items);
  const server = await startLocalHttpServer({
    '/feed.xml': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body),
  });
  const prefix = label === 'postgres' ? '' : `${label}.`;
  try {
    const parseStart = performance.now();
    const parsed = await parseFeed(body, { feedUrl: server.url('/feed.xml') });
    const parseSeconds = (performance.now() - parseStart) / 1000;
    if (!parsed.ok || parsed.feed.entries.length !== items) throw new Error('benchmark feed did not parse');

    const config = { ...loadConfig({ FIXTURES_DIR: 'off', ALLOW_PRIVATE_SOURCES: 'true' }) };
    const repository = new SourcesRepository(database);
    const sources = new SourcesService(config, repository, new DocumentIngestion(new EventStore(new EventStoreRepository(database))));
    const { source } = await sources.addFeed(server.url('/feed.xml'), 'bench', 'bench');
    const start = performance.now();
    const result = await sources.poll(source);
    const seconds = (performance.now() - start) / 1000;
    if (!result.ok || result.count?.ingested !== items) throw new Error(`benchmark poll failed: ${result.status}`);
    report.add({ name: `${prefix}ingest.feed`, value: items / seconds, unit: 'documents/s', baseline: items / parseSeconds, target: `>= 0.5; ${items}-item feed, baseline = parsing alone` });

    const again = performance.now();
    await sources.poll((await repository.find(source.source_id))!);
    report.add({ name: `${prefix}ingest.feed.repoll`, value: items / ((performance.now() - again) / 1000), unit: 'entries/s', target: 'all already stored' });
  } finally {
    await server.close();
  }
}
