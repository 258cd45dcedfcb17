-- The event log: the system of record. One append-only table; every other table is derived
-- from it and can be rebuilt.
--
-- Ordering: every append takes one transaction-scoped advisory lock (key 7301001) before it
-- assigns positions, and holds it until commit. Postgres releases transaction locks only after
-- the commit is visible to other sessions, so positions are gapless and become visible in
-- position order: a reader that has seen position n has seen everything below n, and a tailing
-- reader can never skip an event committed late by a concurrent writer. (Emmett reads below
-- pg_snapshot_xmin instead; that allows parallel writers but makes readers wait for every open
-- transaction in the database. Claims arrive at news speed, so one writer at a time is cheap.)
--
-- Tamper evidence: each row carries the sha256 of its content chained to the previous row's
-- hash. `stance-monitor verify` recomputes the chain outside the database.

create table events (
  position        bigint primary key,
  stream_id       text not null,
  stream_version  integer not null check (stream_version >= 1),
  event_id        uuid not null unique,
  type            text not null,
  data            jsonb not null,
  metadata        jsonb not null default '{}'::jsonb,
  idempotency_key text,
  recorded_at     timestamptz not null,
  prev_hash       text not null,
  hash            text not null,
  unique (stream_id, stream_version)
);

create index events_idempotency_key on events (idempotency_key) where idempotency_key is not null;
create index events_type_position on events (type, position);
create index events_recorded_at on events (recorded_at);

-- Assigns position, recorded_at and the chain hash to every inserted row, whoever inserts it.
-- The first row of a transaction takes the append lock and reads the head; later rows of the same
-- transaction take the head from a transaction-local setting (the lock is held until commit, so
-- nobody else can move it, and the setting rolls back with the rows if the insert fails).
--
-- The hashed bytes: each field length-prefixed in UTF-8 bytes (null as -1) so that no two rows
-- serialise alike. `verify` rebuilds the same string in TypeScript (domain/event-hash.ts): keep
-- both in step. Written out here rather than in a helper SQL function, which Postgres will not
-- inline for an argument like data::text and which then costs three times as much per row.
create function events_assign_position_and_hash() returns trigger language plpgsql as $$
declare
  cached_head text := current_setting('stance_monitor.log_head', true);
  head_position bigint;
  head_hash text;
  head_recorded_at timestamptz;
  data_text text;
  metadata_text text;
  recorded_micros text;
begin
  if cached_head is null or cached_head = '' then
    perform pg_advisory_xact_lock(7301001);
    select e.position, e.hash, e.recorded_at into head_position, head_hash, head_recorded_at
      from events e order by e.position desc limit 1;
  else
    head_position := split_part(cached_head, ' ', 1)::bigint;
    head_hash := split_part(cached_head, ' ', 2);
    head_recorded_at := to_timestamp(split_part(cached_head, ' ', 3)::numeric / 1000000);
  end if;
  new.position := coalesce(head_position, 0) + 1;
  -- clock_timestamp() after taking the lock, never earlier than the previous row: transaction
  -- time must grow with position, or "as known at" queries by time would contradict positions.
  new.recorded_at := greatest(clock_timestamp(), coalesce(head_recorded_at, '-infinity'::timestamptz));
  new.prev_hash := coalesce(head_hash, repeat('0', 64));
  data_text := new.data::text;
  metadata_text := new.metadata::text;
  recorded_micros := ((extract(epoch from new.recorded_at) * 1000000)::bigint)::text;
  new.hash := encode(sha256(convert_to(
       octet_length(new.prev_hash) || ':' || new.prev_hash || ';'
    || octet_length(new.position::text) || ':' || new.position || ';'
    || octet_length(new.stream_id) || ':' || new.stream_id || ';'
    || octet_length(new.stream_version::text) || ':' || new.stream_version || ';'
    || octet_length(new.event_id::text) || ':' || new.event_id || ';'
    || octet_length(new.type) || ':' || new.type || ';'
    || octet_length(data_text) || ':' || data_text || ';'
    || octet_length(metadata_text) || ':' || metadata_text || ';'
    || coalesce(octet_length(new.idempotency_key)::text, '-1') || ':' || coalesce(new.idempotency_key, '') || ';'
    || octet_length(recorded_micros) || ':' || recorded_micros || ';',
    'UTF8')), 'hex');
  perform set_config('stance_monitor.log_head', new.position || ' ' || new.hash || ' ' || recorded_micros, true);
  return new;
end
$$;

create trigger events_chain before insert on events
  for each row execute function events_assign_position_and_hash();

create function events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the event log is append-only: % on events is refused', tg_op
    using errcode = 'SM403', hint = 'Record a correcting event instead (ClaimRejected, ClaimSuperseded).';
end
$$;

create trigger events_immutable_rows before update or delete on events
  for each row execute function events_refuse_change();
create trigger events_immutable_table before truncate on events
  for each statement execute function events_refuse_change();

-- Appends a batch to one stream in one transaction, in one round trip.
-- p_expected_version: null = any version; 0 = the stream must not exist yet; n = the stream's
-- current version must be n. A conflict raises SQLSTATE SM409 with the actual version in DETAIL.
-- p_idempotency_key: a key seen before returns the original rows (duplicate = true), writes nothing.
-- p_events: a JSON array of {eventId, type, data, metadata}.
create function append_events(
  p_stream_id text, p_expected_version integer, p_idempotency_key text, p_events jsonb
) returns table (out_position bigint, out_stream_version integer, out_duplicate boolean)
language plpgsql as $$
declare
  current_version integer;
begin
  perform pg_advisory_xact_lock(7301001);
  if p_idempotency_key is not null then
    return query
      select e.position, e.stream_version, true from events e
      where e.idempotency_key = p_idempotency_key order by e.position;
    if found then
      return;
    end if;
  end if;

  select coalesce(max(e.stream_version), 0) into current_version
    from events e where e.stream_id = p_stream_id;
  if p_expected_version is not null and current_version <> p_expected_version then
    raise exception 'stream % is at version %, expected %', p_stream_id, current_version, p_expected_version
      using errcode = 'SM409', detail = current_version::text;
  end if;

  return query
    insert into events (stream_id, stream_version, event_id, type, data, metadata, idempotency_key)
    select p_stream_id, current_version + item.ord::integer, (item.value->>'eventId')::uuid,
           item.value->>'type', item.value->'data', coalesce(item.value->'metadata', '{}'::jsonb),
           p_idempotency_key
    from jsonb_array_elements(p_events) with ordinality as item(value, ord)
    order by item.ord
    returning position, stream_version, false;
end
$$;

-- Where each subscriber (projection, alert dispatcher) has got to. Written in the same
-- transaction as the subscriber's own rows.
create table subscription_checkpoints (
  subscription text primary key,
  position     bigint not null default 0,
  updated_at   timestamptz not null default now()
);

-- The application's role: on the log it may only read and append. Run the service as a login
-- role that is a member of stance_monitor_app (see README). Servers or embedded databases that
-- do not allow creating roles skip this; the triggers above still refuse changes.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'stance_monitor_app') then
    create role stance_monitor_app nologin;
  end if;
  revoke all on events from public;
  grant select, insert on events to stance_monitor_app;
  grant select, insert, update on subscription_checkpoints to stance_monitor_app;
exception when insufficient_privilege then
  raise notice 'stance_monitor_app role not created: %', sqlerrm;
end
$$;
