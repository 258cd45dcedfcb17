// Extraction speed on one core: the seed articles, each run through every watch, repeated.
import { basename } from 'node:path';
import { documentFromFixture } from '../src/sources/domain/article-document.js';
import { readFixtureFolder } from '../src/sources/fixture-folder.reader.js';
import { extractClaims } from '../src/extraction/domain/extract.js';
import { loadWatchCatalog } from '../src/watches/watches.service.js';
import type { Report } from './report.js';

export async function benchExtraction(report: Report, articlesDir: string, watchesDir: string, rounds: number) {
  const { watches, packs } = await loadWatchCatalog(watchesDir);
  const { articles } = await readFixtureFolder(articlesDir);
  const documents = articles.map((a) => ({ ...documentFromFixture('bench', basename(a.path), a), revisionOf: null }));
  const bytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0);
  for (const doc of documents) for (const watch of watches) extractClaims(doc, watch, packs); // warm up

  let claims = 0;
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const doc of documents) for (const watch of watches) claims += extractClaims(doc, watch, packs).length;
  }
  const seconds = (performance.now() - start) / 1000;
  report.add({ name: 'extract.documents', value: (rounds * documents.length) / seconds, unit: 'documents/s' });
  report.add({ name: 'extract.text', value: (rounds * bytes) / seconds / 1024 / 1024, unit: 'MB/s', target: '>= 2 MB/s on one core' });
  if (claims === 0) throw new Error('the extraction benchmark found no claims: wrong fixtures?');
}
