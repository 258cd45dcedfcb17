-- Read models of the stance projection (src/stance). Every row here is derived from the event
-- log by the `stance` subscription and can be rebuilt from position 0 (`stance-monitor rebuild`);
-- none of it is a source of truth, so unlike `events` these tables are updated and deleted.

-- The documents claims point at, for quotes with their outlet and title.
create table stance_documents (
  document_id   text primary key,
  url           text not null,
  outlet        text not null,
  title         text not null,
  published     text not null,
  language      text not null,
  -- log position of the DocumentIngested event
  position      bigint not null
);

-- One row per ClaimRecorded event, as recorded: claims are never edited, only dropped.
create table stance_claims (
  claim_id      text primary key,
  watch_id      text not null,
  actor_id      text not null,
  stance        text not null check (stance in ('deny', 'neither', 'confirm')),
  -- SaidOn: { from, to, precision, basis }
  said_on       jsonb not null,
  reported_at   text,
  speaker       text,
  quote         text not null,
  cues          jsonb not null,
  document_id   text,
  url           text not null,
  origin        text not null,
  recorded_by   text not null,
  position      bigint not null
);
-- Only the indexes the projection and the API read by: every index costs the rebuild of a
-- million claims about ten seconds.
create index stance_claims_timeline on stance_claims (watch_id, actor_id, position);

-- One row per ClaimRejected / ClaimSuperseded event: why a claim stopped counting, and since when.
-- The claim's watch and actor are copied in, so a timeline's drops are one index lookup.
create table stance_claim_drops (
  position      bigint primary key,
  claim_id      text not null,
  watch_id      text not null,
  actor_id      text not null,
  kind          text not null check (kind in ('rejected', 'superseded')),
  reason        text not null,
  dropped_by    text not null
);
create index stance_claim_drops_claim on stance_claim_drops (claim_id);
create index stance_claim_drops_timeline on stance_claim_drops (watch_id, actor_id, position);

-- The stance changes of each (watch, actor), as the fold in src/stance/domain/timeline.ts
-- derives them: the claim that moved the stance, from what to what, and the log position from
-- which the service has shown this change.
create table stance_changes (
  watch_id          text not null,
  actor_id          text not null,
  claim_id          text not null,
  from_stance       text,
  to_stance         text not null,
  effective_on      jsonb not null,
  document_id       text,
  known_at_position bigint not null,
  primary key (watch_id, actor_id, claim_id)
);
create index stance_changes_known_at on stance_changes (known_at_position);

-- Each (watch, actor)'s current stance: the latest active claim in the claim order, and the
-- claim of the change that produced it.
create table stance_current (
  watch_id          text not null,
  actor_id          text not null,
  stance            text,
  latest_claim_id   text,
  since_claim_id    text,
  claims            integer not null,
  active_claims     integer not null,
  -- the highest log position among this actor's events
  last_position     bigint not null,
  primary key (watch_id, actor_id)
);

do $$
begin
  grant select, insert, update, delete
    on stance_documents, stance_claims, stance_claim_drops, stance_changes, stance_current
    to stance_monitor_app;
exception when undefined_object or insufficient_privilege then
  raise notice 'grants on the stance tables skipped: %', sqlerrm;
end
$$;
