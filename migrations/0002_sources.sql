-- Sources: where documents come from, with the state a poller needs across restarts
-- (conditional GET validators, backoff) and the health a user sees at GET /api/sources.
-- Operational state, not history: the documents themselves are DocumentIngested events.

create table sources (
  source_id            text primary key,
  kind                 text not null check (kind in ('fixture-folder', 'feed')),
  -- a feed URL or a fixture folder path
  location             text not null unique,
  title                text,
  added_by             text not null,
  added_at             timestamptz not null default now(),
  enabled              boolean not null default true,
  etag                 text,
  last_modified        text,
  last_polled_at       timestamptz,
  last_success_at      timestamptz,
  last_status          text,
  last_error           text,
  last_error_at        timestamptz,
  consecutive_failures integer not null default 0,
  next_poll_at         timestamptz not null default now(),
  next_poll_basis      text,
  entries_seen         integer not null default 0,
  documents_ingested   integer not null default 0
);

create index sources_due on sources (next_poll_at) where enabled;

do $$
begin
  grant select, insert, update on sources to stance_monitor_app;
exception when undefined_object or insufficient_privilege then
  raise notice 'grants on sources skipped: %', sqlerrm;
end
$$;
