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

export interface StanceDocumentsTable {
  document_id: string;
  url: string;
  outlet: string;
  title: string;
  published: string;
  language: string;
  position: Int8;
}

export interface StanceClaimsTable {
  claim_id: string;
  watch_id: string;
  actor_id: string;
  stance: 'deny' | 'neither' | 'confirm';
  said_on: unknown;
  reported_at: string | null;
  speaker: string | null;
  quote: string;
  cues: unknown;
  document_id: string | null;
  url: string;
  origin: string;
  recorded_by: string;
  position: Int8;
  statement_offset: ColumnType<number, number | undefined, number>;
  watch_revision: string | null;
  packs_revision: string | null;
}

export interface StanceClaimDropsTable {
  position: Int8;
  claim_id: string;
  watch_id: string;
  actor_id: string;
  kind: 'rejected' | 'superseded';
  reason: string;
  dropped_by: string;
}

export interface StanceChangesTable {
  watch_id: string;
  actor_id: string;
  claim_id: string;
  from_stance: string | null;
  to_stance: string;
  effective_on: unknown;
  document_id: string | null;
  known_at_position: Int8;
}

export interface StanceCurrentTable {
  watch_id: string;
  actor_id: string;
  stance: string | null;
  latest_claim_id: string | null;
  since_claim_id: string | null;
  claims: number;
  active_claims: number;
  last_position: Int8;
}

export interface StanceAlertsTable {
  alert_id: ColumnType<number, never, never>;
  position: Int8;
  kind: 'changed' | 'withdrawn';
  watch_id: string;
  actor_id: string;
  claim_id: string;
  from_stance: string | null;
  to_stance: string;
  effective_on: unknown;
  document_id: string | null;
}

export interface WebhooksTable {
  webhook_id: string;
  url: string;
  watch_id: string | null;
  actor_id: string | null;
  secret: string;
  description: string | null;
  created_at: Generated<Date>;
  created_by: string;
  cursor: ColumnType<number, number | bigint | string, number | bigint | string>;
  enabled: Generated<boolean>;
}

export interface WebhookDeliveriesTable {
  webhook_id: string;
  alert_id: Int8;
  status: 'pending' | 'delivered' | 'dead';
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

export interface Tables {
  events: EventsTable;
  subscription_checkpoints: SubscriptionCheckpointsTable;
  sources: SourcesTable;
  stance_documents: StanceDocumentsTable;
  stance_claims: StanceClaimsTable;
  stance_claim_drops: StanceClaimDropsTable;
  stance_changes: StanceChangesTable;
  stance_current: StanceCurrentTable;
  stance_alerts: StanceAlertsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
