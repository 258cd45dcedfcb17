// Polls sources and turns what they carry into documents. Each poll ends in a recorded outcome
// on its source (success, 304, or a failure with its reason and the next retry): one bad feed
// never stops the others, and a failing feed is retried with backoff for ever. A poll that
// fetched and parsed its feed but could not store it failed because of our database, not the
// feed: the source's health is left as it was and the poll is retried soon, without backoff.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { OffThread } from '../common/off-thread.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { documentFromFixture } from './domain/article-document.js';
import { scheduleNextPoll, type PollOutcome } from './domain/next-poll.js';
import type { UnlinkedDocument } from './domain/article-document.js';
import type { feedDocuments } from './domain/feed-documents.js';
import { redactLocationsIn } from './domain/redact-location.js';
import { storableText } from './domain/storable-text.js';
import { DocumentIngestion, type IngestionCount, type IngestionResult } from './document-ingestion.service.js';
import { PartsInOrder } from './domain/parts-in-order.js';
import { readFixtureFolder } from './fixture-folder.reader.js';
import { fetchFeed } from './http/feed-fetcher.js';
import { SourcesRepository, type SourceRow } from './sources.repository.js';

/**
 * Parsing a large feed takes seconds of CPU (1.5 s for 10 MB): off the thread that serves HTTP.
 * Its documents come back in parts, each stored while the worker builds the next.
 */
const feedParser = new OffThread<FeedDocumentsArgs, Awaited<ReturnType<typeof feedDocuments>>, UnlinkedDocument[]>(
  new URL('./parse-feed.worker.js', import.meta.url),
);
type FeedDocumentsArgs = Parameters<typeof feedDocuments> extends [...infer A, unknown?] ? A : never;

export interface PollReport {
  sourceId: string;
  location: string;
  ok: boolean;
  status: string;
  entries: number;
  count: IngestionCount | null;
}

export class InvalidSourceError extends Error {}

/** How soon a poll that our database failed is tried again (held in memory: the database may be down). */
export const DATABASE_RETRY_MS = 30_000;

/** Entry ids named on a source's health when the database refused some of its documents. */
const REJECTED_ENTRIES_SHOWN = 10;

/** The database failed while a poll stored what it fetched: not the source's failure. */
class StoreFailure extends Error {
  constructor(cause: unknown) {
    super(`could not store the documents: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);
  private readonly polling = new Set<string>();
  /** Sources whose last poll our database failed, and when to try them again. */
  private readonly retryAfterDatabase = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: SourcesRepository,
    private readonly ingestion: DocumentIngestion,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** Registers the fixture folder and FEED_URLS from configuration (idempotent). */
  async registerConfiguredSources(): Promise<void> {
    if (this.config.fixturesDir) {
      await this.repository.register({
        sourceId: 'fixtures',
        kind: 'fixture-folder',
        location: this.config.fixturesDir,
        title: `fixture articles in ${basename(this.config.fixturesDir)}`,
        addedBy: 'config',
      });
    }
    for (const url of this.config.feedUrls) await this.addFeed(url, null, 'config');
  }

  async addFeed(url: string, title: string | null, addedBy: string): Promise<{ source: SourceRow; created: boolean }> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidSourceError(`url must be an absolute http(s) URL, got "${url}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new InvalidSourceError(`url must use http or https, got "${parsed.protocol}"`);
    }
    const location = parsed.toString();
    const sourceId = `feed-${parsed.hostname.replace(/[^a-z0-9]+/gi, '-')}-${createHash('sha256').update(location).digest('hex').slice(0, 8)}`;
    const { row, created } = await this.repository.register({ sourceId, kind: 'feed', location, title, addedBy });
    return { source: row, created };
  }

  /**
   * Polls the sources that are due, at most POLL_CONCURRENCY at a time. `stillLeading` is asked
   * before each source: a scheduler that lost its leader lock stops the round there. A source
   * whose last poll our database failed waits DATABASE_RETRY_MS from that poll.
   */
  async pollDue(stillLeading: () => Promise<boolean> = async () => true, now = new Date()): Promise<PollReport[]> {
    const due = await this.repository.due(now, 1000);
    const waiting = (s: SourceRow) => (this.retryAfterDatabase.get(s.source_id) ?? 0) > now.getTime();
    return this.pollAll(due.filter((s) => !this.polling.has(s.source_id) && !waiting(s)), stillLeading);
  }

  /** Polls every enabled source once, due or not (`stance-monitor ingest`). */
  async pollEverySource(): Promise<PollReport[]> {
    return this.pollAll(await this.repository.enabled());
  }

  private async pollAll(sources: SourceRow[], stillLeading?: () => Promise<boolean>): Promise<PollReport[]> {
    const reports: PollReport[] = [];
    const queue = [...sources];
    const workers = Array.from({ length: Math.min(this.config.pollConcurrency, queue.length) }, async () => {
      for (let source = queue.shift(); source; source = queue.shift()) {
        if (stillLeading && !(await stillLeading())) return;
        reports.push(await this.poll(source));
      }
    });
    await Promise.all(workers);
    return reports;
  }

  async poll(source: SourceRow, now = new Date()): Promise<PollReport> {
    this.polling.add(source.source_id);
    this.metrics?.sourcePolled(source.kind);
    try {
      const report = source.kind === 'feed' ? await this.pollFeed(source, now) : await this.readFixtures(source, now);
      this.retryAfterDatabase.delete(source.source_id);
      return report;
    } catch (error) {
      if (error instanceof StoreFailure) return this.retryLater(source, now, error);
      // Anything else unexpected (a bug in fetching or parsing) is this source's recorded failure.
      return this.fail(source, now, 'error', (error as Error).message, null);
    } finally {
      this.polling.delete(source.source_id);
    }
  }

  private async pollFeed(source: SourceRow, now: Date): Promise<PollReport> {
    const fetched = await fetchFeed(source.location, {
      etag: source.etag,
      lastModified: source.last_modified,
      allowPrivate: this.config.allowPrivateSources,
      // The worker starts while the body downloads rather than after it.
      onBodyComing: () => feedParser.warmUp(),
    });
    if (fetched.kind === 'failed') {
      const retryAfterMs = fetched.reason === 'http-status' ? fetched.retryAfterMs : null;
      return this.fail(source, now, fetched.reason, fetched.message, retryAfterMs);
    }
    if (fetched.kind === 'not-modified') {
      return this.succeed(source, now, '304 not modified', fetched, 0, null, {
        kind: 'success',
        ttlMinutes: null,
        maxAgeSeconds: fetched.maxAgeSeconds,
      });
    }
    // Each part is stored after the one before, while the worker builds the next; parts that
    // arrived while one was being stored are stored together (fewer, larger transactions).
    const store = new PartsInOrder((documents) => this.ingestion.ingest(documents));
    const parsed = await feedParser
      .runInParts([fetched.body, { contentType: fetched.contentType, feedUrl: fetched.url, sourceId: source.source_id, firstSeen: now }], (documents) => store.add(documents))
      .catch(async (error: unknown) => {
        await store.settled(); // the poll ends when its writes do
        throw error;
      });
    if (!parsed.ok) {
      // A large feed is parsed in parts: the entries before a malformed part are stored, and the
      // source's failure is recorded once they are.
      await store.settled();
      return this.fail(source, now, parsed.reason, parsed.message, null);
    }
    // Validators are saved only after the documents: a crash before that refetches the whole feed,
    // and the idempotent ingestion makes that harmless.
    return this.storing(async () => {
      const stored = await store.result();
      const report = await this.succeed(source, now, `${fetched.status} ${parsed.feed.format}`, fetched, parsed.feed.entries, stored.count, {
        kind: 'success',
        ttlMinutes: parsed.feed.ttlMinutes,
        maxAgeSeconds: fetched.maxAgeSeconds,
      });
      await this.noteRejected(source, now, stored);
      return report;
    });
  }

  /** Runs the database part of a poll; whatever fails in it is the database's failure. */
  private async storing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new StoreFailure(error);
    }
  }

  /** Documents the database refused one by one, by entry id, on the source's visible health. */
  private async noteRejected(source: SourceRow, now: Date, { rejected }: IngestionResult): Promise<void> {
    if (rejected.length === 0) return;
    const shown = rejected.slice(0, REJECTED_ENTRIES_SHOWN).map((r) => `entry ${r.entryKey}: ${r.reason}`);
    const more = rejected.length > shown.length ? [`and ${rejected.length - shown.length} more`] : [];
    await this.repository.noteProblem(
      source.source_id,
      now,
      storableText([`${rejected.length} entries not stored, the rest were:`, ...shown, ...more].join('\n')),
    );
  }

  /** Leaves the source's health alone and polls it again after DATABASE_RETRY_MS, failing or not. */
  private retryLater(source: SourceRow, now: Date, failure: StoreFailure): PollReport {
    const at = now.getTime() + DATABASE_RETRY_MS;
    this.retryAfterDatabase.set(source.source_id, at);
    this.logger.error(`source ${source.source_id} polled, but ${failure.message}; polling it again at ${new Date(at).toISOString()}`);
    return { sourceId: source.source_id, location: source.location, ok: false, status: `database: ${failure.message}`, entries: 0, count: null };
  }

  private async readFixtures(source: SourceRow, now: Date): Promise<PollReport> {
    const { articles, skipped } = await readFixtureFolder(source.location);
    for (const { path, error } of skipped) this.logger.warn(`skipped fixture ${path}: ${error}`);
    const documents = articles.map((article) =>
      documentFromFixture(source.source_id, basename(article.path).replace(/\.md$/, ''), article),
    );
    const status = skipped.length ? `read ${articles.length} files, skipped ${skipped.length}` : `read ${articles.length} files`;
    return this.storing(async () => {
      const stored = await this.ingestion.ingest(documents);
      const report = await this.succeed(source, now, status, { etag: null, lastModified: null }, articles.length, stored.count, {
        kind: 'success',
        ttlMinutes: null,
        maxAgeSeconds: null,
      });
      if (skipped.length) {
        // The folder was read, but a person must see which files were not.
        await this.repository.noteProblem(source.source_id, now, storableText(skipped.map((s) => s.error).join('\n')));
      }
      await this.noteRejected(source, now, stored);
      return report;
    });
  }

  private async succeed(
    source: SourceRow,
    now: Date,
    status: string,
    validators: { etag: string | null; lastModified: string | null },
    entries: number,
    count: IngestionCount | null,
    outcome: PollOutcome,
  ): Promise<PollReport> {
    const next = scheduleNextPoll(now, outcome);
    await this.repository.recordSuccess(source.source_id, now, {
      status,
      etag: validators.etag,
      lastModified: validators.lastModified,
      entriesSeen: entries,
      documentsIngested: count ? count.ingested + count.revisions : 0,
      nextPollAt: next.at,
      nextPollBasis: next.basis,
    });
    return { sourceId: source.source_id, location: source.location, ok: true, status, entries, count };
  }

  private async fail(
    source: SourceRow,
    now: Date,
    reason: string,
    message: string,
    retryAfterMs: number | null,
  ): Promise<PollReport> {
    const next = scheduleNextPoll(now, {
      kind: 'failure',
      consecutiveFailures: source.consecutive_failures + 1,
      retryAfterMs,
    });
    // The message may quote the feed's URL (a redirect, a fetch error): never its credentials.
    this.logger.warn(`source ${source.source_id} failed (${reason}): ${redactLocationsIn(message)}; next try ${next.at.toISOString()}`);
    this.metrics?.sourceFailed(source.kind, reason);
    await this.repository.recordFailure(source.source_id, now, {
      status: reason,
      error: message,
      nextPollAt: next.at,
      nextPollBasis: next.basis,
    });
    return { sourceId: source.source_id, location: source.location, ok: false, status: `${reason}: ${message}`, entries: 0, count: null };
  }
}
