// Every query on the event log and the subscription checkpoints.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database, DatabaseKind } from '../database/database.js';
import type { EventsTable, Tables } from '../database/schema.js';
import type { ChainRow } from './domain/event-hash.js';
import {
  expectedVersionNumber,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
  type NewEvent,
  type StoredEvent,
} from './domain/event.js';

/** A connection or an open transaction: repositories run on either. */
export type Executor = Kysely<Tables> | Transaction<Tables>;

export interface ReadOptions {
  /** Only events of these types; the rest are skipped (positions stay as they are). */
  types?: readonly string[];
  limit?: number;
}

/** One event for one stream at a version the caller has already worked out (see appendAtVersions). */
export interface VersionedAppend {
  streamId: string;
  streamVersion: number;
  event: NewEvent;
  idempotencyKey: string | null;
}

interface AppendRow {
  out_position: number;
  out_stream_version: number;
  out_duplicate: boolean;
}

const VERSION_CONFLICT = 'SM409';
/** The advisory lock every append holds until commit (migrations/0001_event_log.sql). */
const APPEND_LOCK = 7301001;

@Injectable()
export class EventStoreRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  get db(): Kysely<Tables> {
    return this.database.db;
  }

  /** Which database holds the log: on PGlite an open write transaction holds every reader up. */
  get databaseKind(): DatabaseKind {
    return this.database.kind;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
    executor: Executor = this.db,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const expected = expectedVersionNumber(options.expectedVersion);
    const payload = JSON.stringify(
      events.map((e) => ({
        eventId: e.eventId ?? randomUUID(),
        type: e.type,
        data: e.data,
        metadata: e.metadata ?? {},
      })),
    );
    try {
      const { rows } = await sql<AppendRow>`
        select out_position, out_stream_version, out_duplicate
        from append_events(${streamId}, ${expected}::integer, ${options.idempotencyKey ?? null}::text, ${payload}::jsonb)
      `.execute(executor);
      return {
        positions: rows.map((r) => Number(r.out_position)),
        streamVersion: Math.max(...rows.map((r) => r.out_stream_version)),
        duplicate: rows[0]?.out_duplicate ?? false,
      };
    } catch (error) {
      if (isPgError(error) && error.code === VERSION_CONFLICT) {
        throw new StreamVersionConflictError(streamId, options.expectedVersion ?? 'any', Number(error.detail));
      }
      throw error;
    }
  }

  /**
   * Takes the log's append lock now rather than at the first insert: stream heads and idempotency
   * keys read after this in `trx` stay true until it commits, since no other append can run.
   */
  async lockAppends(trx: Transaction<Tables>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
  }

  /**
   * Appends events to many streams in one statement, each at the version given. Only under
   * lockAppends, with the versions worked out from lastInStreams in the same transaction: the
   * (stream_id, stream_version) key still refuses a version taken twice.
   */
  async appendAtVersions(trx: Transaction<Tables>, appends: readonly VersionedAppend[]): Promise<number[]> {
    if (appends.length === 0) return [];
    const payload = JSON.stringify(
      appends.map(({ streamId, streamVersion, event, idempotencyKey }) => ({
        streamId,
        streamVersion,
        eventId: event.eventId ?? randomUUID(),
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
        idempotencyKey,
      })),
    );
    // One JSON parameter rather than seven per row: no limit on bind parameters, one parse.
    const { rows } = await sql<{ position: number }>`
      insert into events (stream_id, stream_version, event_id, type, data, metadata, idempotency_key)
      select item.value->>'streamId', (item.value->>'streamVersion')::integer, (item.value->>'eventId')::uuid,
             item.value->>'type', item.value->'data', item.value->'metadata', item.value->>'idempotencyKey'
      from jsonb_array_elements(${payload}::jsonb) with ordinality as item(value, ord)
      order by item.ord
      returning position
    `.execute(trx);
    return rows.map((r) => Number(r.position)).sort((a, b) => a - b);
  }

  /** Events after a position, in log order. */
  async readAll(afterPosition: number, options: ReadOptions = {}, executor: Executor = this.db): Promise<StoredEvent[]> {
    let query = executor
      .selectFrom('events')
      .selectAll()
      .where('position', '>', afterPosition)
      .orderBy('position')
      .limit(options.limit ?? 1000);
    if (options.types) query = query.where('type', 'in', [...options.types]);
    return (await query.execute()).map(toStoredEvent);
  }

  async readStream(streamId: string, executor: Executor = this.db): Promise<StoredEvent[]> {
    const rows = await executor
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', streamId)
      .orderBy('stream_version')
      .execute();
    return rows.map(toStoredEvent);
  }

  /** A stream's newest event, or undefined for a stream that does not exist yet. */
  async lastInStream(streamId: string, executor: Executor = this.db): Promise<StoredEvent | undefined> {
    const row = await executor
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', streamId)
      .orderBy('stream_version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredEvent(row) : undefined;
  }

  /**
   * The newest event of each of these streams that exists, by stream id (one query). One index
   * probe per stream, whatever the planner believes of the table: DISTINCT ON over `= any(...)`
   * was planned as a parallel scan and sort when the statistics were stale (265 ms for 50 streams).
   */
  async lastInStreams(streamIds: readonly string[], executor: Executor = this.db): Promise<Map<string, StoredEvent>> {
    if (streamIds.length === 0) return new Map();
    const { rows } = await sql<Selectable<EventsTable>>`
      select e.* from unnest(${[...new Set(streamIds)]}::text[]) as s(stream_id)
      cross join lateral (select * from events where stream_id = s.stream_id order by stream_version desc limit 1) e`.execute(executor);
    return new Map(rows.map((row) => [row.stream_id, toStoredEvent(row)]));
  }

  /**
   * Which of these idempotency keys the log has already seen (one query per 5,000 keys, one
   * array parameter each: the statement stays small to build, send and plan), one index probe per key.
   */
  async knownIdempotencyKeys(keys: readonly string[], executor: Executor = this.db): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < keys.length; i += 5000) {
      const { rows } = await sql<{ key: string }>`
        select k.key from unnest(${keys.slice(i, i + 5000)}::text[]) as k(key)
        where exists (select 1 from events where idempotency_key = k.key)`.execute(executor);
      for (const row of rows) known.add(row.key);
    }
    return known;
  }

  /** The newest position and its hash: what an external anchor records. */
  async head(executor: Executor = this.db): Promise<{ position: number; hash: string | null; recordedAt: Date | null }> {
    const row = await executor
      .selectFrom('events')
      .select(['position', 'hash', 'recorded_at'])
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { position: row ? Number(row.position) : 0, hash: row?.hash ?? null, recordedAt: row?.recorded_at ?? null };
  }

  /**
   * The last position recorded at or before a time (0 when none was), where `--until <time>`
   * stops. recorded_at never decreases along the log, so that event is among those at the newest
   * recorded_at up to the time: two lookups on the events_recorded_at index, not a scan.
   */
  async lastPositionRecordedBy(time: Date, executor: Executor = this.db): Promise<number> {
    // recorded_at has microseconds, a Date only milliseconds: an event belongs to the millisecond
    // it was recorded in, so the time an export printed for an event includes that event.
    const nextMillisecond = new Date(time.getTime() + 1);
    const row = await executor
      .selectFrom('events')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('recorded_at', '=', (eb) =>
        eb.selectFrom('events').select((inner) => inner.fn.max('recorded_at').as('newest')).where('recorded_at', '<', nextMillisecond),
      )
      .executeTakeFirst();
    return row?.position == null ? 0 : Number(row.position);
  }

  /**
   * Rows as Postgres hashed them, for `verify` and `export`, in pages so memory stays flat.
   * Ordered by position, then event id, from after (afterPosition, afterEventId): a position held
   * by two rows (a tampered or doubly written log) is read twice, even across pages.
   */
  async readChainRows(afterPosition: number, limit: number, afterEventId?: string): Promise<ChainRow[]> {
    const after = afterEventId === undefined
      ? sql`position > ${afterPosition}`
      : sql`(position, event_id) > (${afterPosition}, ${afterEventId}::uuid)`;
    const { rows } = await sql<{
      position: number;
      stream_id: string;
      stream_version: number;
      event_id: string;
      type: string;
      data_text: string;
      metadata_text: string;
      idempotency_key: string | null;
      recorded_at_micros: string;
      prev_hash: string;
      hash: string;
    }>`
      select position, stream_id, stream_version, event_id::text as event_id, type,
             data::text as data_text, metadata::text as metadata_text, idempotency_key,
             (extract(epoch from recorded_at) * 1000000)::bigint::text as recorded_at_micros,
             prev_hash, hash
      from events where ${after} order by position, event_id limit ${limit}
    `.execute(this.db);
    return rows.map((r) => ({
      position: Number(r.position),
      streamId: r.stream_id,
      streamVersion: r.stream_version,
      eventId: r.event_id,
      type: r.type,
      dataText: r.data_text,
      metadataText: r.metadata_text,
      idempotencyKey: r.idempotency_key,
      recordedAtMicros: r.recorded_at_micros,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  // ---- subscription checkpoints ----

  /** The chain hash of the event at `position` (null when there is none): it names the whole log up to there. */
  async hashAt(position: number, executor: Executor = this.db): Promise<string | null> {
    const row = await executor.selectFrom('events').select('hash').where('position', '=', position).executeTakeFirst();
    return row?.hash ?? null;
  }

  async checkpoint(subscription: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('subscription_checkpoints')
      .select('position')
      .where('subscription', '=', subscription)
      .executeTakeFirst();
    return row ? Number(row.position) : 0;
  }

  /**
   * Moves a checkpoint from `from` to `to` inside the subscriber's transaction. Returns false when
   * the checkpoint was no longer at `from` (another runner got there first): the caller rolls back.
   */
  async advanceCheckpoint(trx: Transaction<Tables>, subscription: string, from: number, to: number): Promise<boolean> {
    await trx
      .insertInto('subscription_checkpoints')
      .values({ subscription, position: 0 })
      .onConflict((oc) => oc.column('subscription').doNothing())
      .execute();
    const result = await trx
      .updateTable('subscription_checkpoints')
      .set({ position: to, updated_at: sql<Date>`now()` })
      .where('subscription', '=', subscription)
      .where('position', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async resetCheckpoint(trx: Transaction<Tables>, subscription: string): Promise<void> {
    await trx.deleteFrom('subscription_checkpoints').where('subscription', '=', subscription).execute();
  }

}

function toStoredEvent(row: Selectable<EventsTable>): StoredEvent {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
    idempotencyKey: row.idempotency_key,
    recordedAt: row.recorded_at,
    hash: row.hash,
  };
}

function isPgError(error: unknown): error is { code: string; detail?: string } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
