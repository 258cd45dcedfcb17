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
  // The service extracts for months in one process: the figure is its rate once V8 has compiled
  // and optimized the extractor. The first rounds (JIT compiling, about half of their
  // instructions by valgrind) are reported apart; on two shared cores they vary with the load.
  const round = () => {
    let found = 0;
    for (const doc of documents) for (const watch of watches) found += extractClaims(doc, watch, packs).length;
    return found;
  };
  const warmUpStart = performance.now();
  for (let i = 0; i < rounds; i++) round();
  const warmUpSeconds = (performance.now() - warmUpStart) / 1000;
  report.add({ name: 'extract.text.first_rounds', value: megabytesPerSecond(rounds * bytes, warmUpSeconds), unit: 'MB/s', target: `the first ${rounds} rounds, compiling included` });

  let claims = 0;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) claims += round();
  const seconds = (performance.now() - start) / 1000;
  report.add({ name: 'extract.documents', value: (rounds * documents.length) / seconds, unit: 'documents/s' });
  report.add({ name: 'extract.text', value: megabytesPerSecond(rounds * bytes, seconds), unit: 'MB/s', target: `>= 2 MB/s on one core, the next ${rounds} rounds` });
  if (claims === 0) throw new Error('the extraction benchmark found no claims: wrong fixtures?');
}

function megabytesPerSecond(bytes: number, seconds: number): number {
  return bytes / seconds / 1024 / 1024;
}
