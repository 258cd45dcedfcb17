// Every query on the sources table.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import type { SourcesTable } from '../database/schema.js';

export type SourceRow = Selectable<SourcesTable>;

export interface NewSource {
  sourceId: string;
  kind: SourcesTable['kind'];
  location: string;
  title: string | null;
  addedBy: string;
}

export interface PollSuccess {
  status: string;
  etag: string | null;
  lastModified: string | null;
  entriesSeen: number;
  documentsIngested: number;
  nextPollAt: Date;
  nextPollBasis: string;
}

export interface PollFailure {
  status: string;
  error: string;
  nextPollAt: Date;
  nextPollBasis: string;
}

@Injectable()
export class SourcesRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Adds a source, or returns the one already registered at that location. */
  async register(source: NewSource): Promise<{ row: SourceRow; created: boolean }> {
    const inserted = await this.database.db
      .insertInto('sources')
      .values({
        source_id: source.sourceId,
        kind: source.kind,
        location: source.location,
        title: source.title,
        added_by: source.addedBy,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    const existing = await this.database.db
      .selectFrom('sources')
      .selectAll()
      .where((eb) => eb.or([eb('location', '=', source.location), eb('source_id', '=', source.sourceId)]))
      .executeTakeFirstOrThrow();
    return { row: existing, created: false };
  }

  async list(): Promise<SourceRow[]> {
    return this.database.db.selectFrom('sources').selectAll().orderBy('added_at').orderBy('source_id').execute();
  }

  async find(sourceId: string): Promise<SourceRow | undefined> {
    return this.database.db.selectFrom('sources').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
  }

  /**
   * Pauses (enabled = false) or resumes a source; a resumed one is due at once. The row as it is
   * now, or undefined when there is no such source.
   */
  async setEnabled(sourceId: string, enabled: boolean, now: Date): Promise<SourceRow | undefined> {
    return this.database.db
      .updateTable('sources')
      .set(enabled ? { enabled, next_poll_at: now, next_poll_basis: 'resumed' } : { enabled })
      .where('source_id', '=', sourceId)
      .returningAll()
      .executeTakeFirst();
  }

  /** Forgets a source (its documents stay: they are events). False when there was none. */
  async remove(sourceId: string): Promise<boolean> {
    const removed = await this.database.db.deleteFrom('sources').where('source_id', '=', sourceId).executeTakeFirst();
    return Number(removed.numDeletedRows) > 0;
  }

  /** Enabled sources whose next poll is due, the most overdue first. */
  async due(now: Date, limit: number): Promise<SourceRow[]> {
    return this.database.db
      .selectFrom('sources')
      .selectAll()
      .where('enabled', '=', true)
      .where('next_poll_at', '<=', now)
      .orderBy('next_poll_at')
      .limit(limit)
      .execute();
  }

  async enabled(): Promise<SourceRow[]> {
    return this.database.db.selectFrom('sources').selectAll().where('enabled', '=', true).orderBy('source_id').execute();
  }

  async recordSuccess(sourceId: string, now: Date, outcome: PollSuccess): Promise<void> {
    await this.database.db
      .updateTable('sources')
      .set({
        last_polled_at: now,
        last_success_at: now,
        last_status: outcome.status,
        consecutive_failures: 0,
        etag: outcome.etag,
        last_modified: outcome.lastModified,
        next_poll_at: outcome.nextPollAt,
        next_poll_basis: outcome.nextPollBasis,
        entries_seen: sql<number>`entries_seen + ${outcome.entriesSeen}`,
        documents_ingested: sql<number>`documents_ingested + ${outcome.documentsIngested}`,
      })
      .where('source_id', '=', sourceId)
      .execute();
  }

  /** A problem worth showing that did not fail the poll (a skipped fixture file). */
  async noteProblem(sourceId: string, now: Date, problem: string): Promise<void> {
    await this.database.db
      .updateTable('sources')
      .set({ last_error: problem, last_error_at: now })
      .where('source_id', '=', sourceId)
      .execute();
  }

  async recordFailure(sourceId: string, now: Date, outcome: PollFailure): Promise<void> {
    await this.database.db
      .updateTable('sources')
      .set({
        last_polled_at: now,
        last_status: outcome.status,
        last_error: outcome.error,
        last_error_at: now,
        consecutive_failures: sql<number>`consecutive_failures + 1`,
        next_poll_at: outcome.nextPollAt,
        next_poll_basis: outcome.nextPollBasis,
      })
      .where('source_id', '=', sourceId)
      .execute();
  }
}
