// Kysely's view of the tables in migrations/. Every module that owns tables adds them here,
// so one `Kysely<Tables>` type checks every repository.
import type { ColumnType, Generated } from 'kysely';

type Int8 = ColumnType<number, number | bigint | string, never>;

export interface EventsTable {
  position: Int8;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  idempotency_key: string | null;
  recorded_at: ColumnType<Date, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface SubscriptionCheckpointsTable {
  subscription: string;
  position: ColumnType<number, number, number>;
  updated_at: Generated<Date>;
}

export interface SourcesTable {
  source_id: string;
  kind: 'fixture-folder' | 'feed';
  location: string;
  title: string | null;
  added_by: string;
  added_at: Generated<Date>;
  enabled: Generated<boolean>;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  last_status: string | null;
  last_error: string | null;
  last_error_at: Date | null;
  consecutive_failures: Generated<number>;
  next_poll_at: Generated<Date>;
  next_poll_basis: string | null;
  entries_seen: Generated<number>;
  documents_ingested: Generated<number>;
}

export interface Tables {
  events: EventsTable;
  subscription_checkpoints: SubscriptionCheckpointsTable;
  sources: SourcesTable;
}
