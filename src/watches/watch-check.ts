// `stance-monitor watch check FILE [--articles DIR]`: validates a watch file (errors name the
// field, exit 2), lists warnings (watchWarnings), and runs the watch over a folder of fixture
// articles, or over the documents the service has stored, to show its author what it misses
// (extraction/domain/watch-coverage.ts). Reads the database only without --articles, and never
// writes.
import { basename, resolve } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { openDatabase } from '../database/database.js';
import type { ArticleDocument } from '../domain/vocabulary.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { watchCoverage, type WatchCoverage } from '../extraction/domain/watch-coverage.js';
import { documentFromFixture } from '../sources/domain/article-document.js';
import { readFixtureFolder } from '../sources/fixture-folder.reader.js';
import { watchWarnings, type WatchWarning } from './domain/watch-warnings.js';
import { loadWatchCatalog } from './watches.service.js';

export interface WatchCheckResult {
  file: string;
  /** Set when the file does not load: the message names the file and the field. */
  error: string | null;
  warnings: WatchWarning[];
  /** Where the documents came from (`folder DIR`, `stored documents`), and what they showed. */
  source: string | null;
  coverage: WatchCoverage | null;
}

export async function checkWatch(config: AppConfig, file: string, articlesDir?: string): Promise<WatchCheckResult> {
  const path = resolve(file);
  let catalog: Awaited<ReturnType<typeof loadWatchCatalog>>;
  try {
    catalog = await loadWatchCatalog(path);
  } catch (error) {
    return { file, error: (error as Error).message, warnings: [], source: null, coverage: null };
  }
  const watch = catalog.watches[0]!;
  const documents = articlesDir ? await folderDocuments(articlesDir) : await storedDocuments(config);
  return {
    file,
    error: null,
    warnings: watchWarnings(watch, catalog.packs),
    source: articlesDir ? `folder ${articlesDir}` : 'stored documents',
    coverage: watchCoverage(documents, watch, catalog.packs),
  };
}

async function folderDocuments(dir: string): Promise<ArticleDocument[]> {
  const folder = await readFixtureFolder(resolve(dir));
  return folder.articles.map((article) => ({
    ...documentFromFixture('watch-check', basename(article.path).replace(/\.md$/, ''), article),
    revisionOf: null,
  }));
}

/** Postgres's "undefined_table": the database was never set up by the service. */
const UNDEFINED_TABLE = '42P01';

async function storedDocuments(config: AppConfig): Promise<ArticleDocument[]> {
  const database = await openDatabase(config);
  try {
    const events = new EventStoreRepository(database);
    const documents: ArticleDocument[] = [];
    for (let after = 0; ; ) {
      const page = await events.readAll(after, { types: ['DocumentIngested'], limit: 500 });
      if (page.length === 0) return documents;
      documents.push(...page.map((event) => event.data as ArticleDocument));
      after = page.at(-1)!.position;
    }
  } catch (error) {
    // Checking a watch before the service ever ran is a first user's first step: say what to do.
    if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
    throw new WatchCheckInputError(
      `the database (${config.databaseUrl ? 'DATABASE_URL' : `DATA_DIR ${config.dataDir}`}) holds no stored documents yet: check the watch over a folder of articles with --articles DIR, or run the service first`,
    );
  } finally {
    await database.close();
  }
}

export class WatchCheckInputError extends Error {}

export function formatWatchCheck(result: WatchCheckResult): string {
  if (result.error) return `${result.file}: invalid\n${result.error}`;
  const lines = [`${result.file}: valid`];
  for (const warning of result.warnings) lines.push(`warning: ${warning.field}: ${warning.message}`);
  const coverage = result.coverage;
  if (!coverage) return lines.join('\n');
  lines.push('', `over ${coverage.documents} documents (${result.source}):`);
  lines.push('', 'on-topic sentences with a stance cue and no claim, by the name nearest the cue (a speaker to list?):');
  if (coverage.unattributed.length === 0) lines.push('  none');
  for (const group of coverage.unattributed) {
    lines.push(`  ${group.count} × ${group.candidate}`);
    lines.push(`      e.g. ${group.example.documentId}: “${group.example.sentence}” (cues: ${group.example.cues.join(', ')})`);
  }
  lines.push('', 'actor names and speakers never seen:');
  if (coverage.unseen.length === 0) lines.push('  none');
  for (const actor of coverage.unseen) {
    if (actor.aliases.length > 0) lines.push(`  ${actor.actorId} aliases: ${actor.aliases.join(', ')}`);
    if (actor.speakers.length > 0) lines.push(`  ${actor.actorId} speakers: ${actor.speakers.join(', ')}`);
  }
  lines.push('', `topic groups that never matched: ${coverage.unmatchedTopicGroups.join(', ') || 'none'}`);
  return lines.join('\n');
}
