-- The feeds' announcement log (src/feeds, written by the stance projection in src/stance): one row
-- per feed entry, in the order the service announced it, never updated or deleted. A change that
-- a later event withdrew or altered stays; the correction is a new row that points at it. Like
-- stance_alerts, written only by live projection batches (a rebuild recomputes what is already
-- announced), so it is not a projection table and a rebuild leaves it alone.
create table feed_announcements (
  announcement_id    bigint generated always as identity primary key,
  -- change: a stance change announced for the first time; correction: a change that replaces an
  -- announced one (altered, or resting on another claim); withdrawal: an announced change that no
  -- longer holds; claim / claim-dropped: the claims feed's entries
  kind               text not null check (kind in ('change', 'correction', 'withdrawal', 'claim', 'claim-dropped')),
  watch_id           text not null,
  actor_id           text not null,
  -- the claim the entry is about (a withdrawal: the withdrawn claim)
  claim_id           text not null,
  -- the log position that made the entry known
  position           bigint not null,
  -- the stance alert behind a change, correction or withdrawal entry
  alert_id           bigint references stance_alerts (alert_id),
  -- the alert of the announced change this entry corrects or withdraws
  corrects_alert_id  bigint references stance_alerts (alert_id),
  -- the entry's `updated`: the log's recorded time, moved on by a millisecond where needed so that
  -- it is unique and increasing over the whole log (and so within every feed)
  announced_at       timestamptz not null unique,
  -- at announcement: did this entry's claim become the actor's current stance, and what that is
  changed_current    boolean not null,
  current_stance     text
);
create index feed_announcements_changes on feed_announcements (watch_id, actor_id, announcement_id) where kind in ('change', 'correction', 'withdrawal');
create index feed_announcements_claims on feed_announcements (watch_id, announcement_id) where kind in ('claim', 'claim-dropped');
create index feed_announcements_all_changes on feed_announcements (announcement_id) where kind in ('change', 'correction', 'withdrawal');

-- One row per feed (`changes`, `watch-changes:<w>`, `actor-changes:<w>:<a>`, `watch-claims:<w>`):
-- its newest entry and its Last-Modified. HTTP dates have whole seconds, so every new version of a
-- feed gets a Last-Modified at least one second after the one before: If-Modified-Since then
-- tells apart two versions made within one second. Operational state, like a checkpoint.
create table feed_versions (
  feed               text primary key,
  announcement_id    bigint not null,
  last_modified      timestamptz not null
);

do $$
begin
  grant select, insert on feed_announcements to stance_monitor_app;
  grant select, insert, update on feed_versions to stance_monitor_app;
exception when undefined_object or insufficient_privilege then
  raise notice 'grants on the feed announcement tables skipped: %', sqlerrm;
end
$$;
