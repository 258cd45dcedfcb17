-- Publishing (src/feeds, src/webhooks, src/stream): the outbox of stance alerts that the stance
-- projection writes in its own transaction, and the webhook subscriptions that deliver it.

-- One row per stance change as the projection learned it: a change that appeared (or was altered)
-- and a change that a later event withdrew (a rejection, a superseding extraction, a late claim).
-- Written only by live projection batches (never by a rebuild or a replay), in log order, so
-- alert_id order is log order and, per (watch, actor), the order the changes became known.
-- Not a projection table: a rebuild leaves it alone, since it records what was announced.
create table stance_alerts (
  alert_id      bigint generated always as identity primary key,
  -- log position of the event that made the change known (the change's known_at_position) or
  -- withdrew it
  position      bigint not null,
  kind          text not null check (kind in ('changed', 'withdrawn')),
  watch_id      text not null,
  actor_id      text not null,
  claim_id      text not null,
  from_stance   text,
  to_stance     text not null,
  effective_on  jsonb not null,
  document_id   text
);
create index stance_alerts_position on stance_alerts (position);

-- A webhook subscription: where to POST alerts, which ones (watch and/or actor, null = all),
-- and the secret that signs them. `cursor` is the last alert this subscription is done with
-- (delivered or dead-lettered); a new subscription starts at the newest alert, not at the first.
create table webhooks (
  webhook_id    text primary key,
  url           text not null,
  watch_id      text,
  actor_id      text,
  secret        text not null,
  description   text,
  created_at    timestamptz not null default now(),
  created_by    text not null,
  cursor        bigint not null,
  enabled       boolean not null default true
);

-- One row per (webhook, alert) the dispatcher has started on: its attempts, and where it ended.
-- 'dead' is the dead-letter state: retries exhausted, visible at
-- GET /api/admin/webhooks/:id/deliveries.
create table webhook_deliveries (
  webhook_id      text not null references webhooks (webhook_id) on delete cascade,
  alert_id        bigint not null references stance_alerts (alert_id),
  status          text not null check (status in ('pending', 'delivered', 'dead')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  primary key (webhook_id, alert_id)
);
create index webhook_deliveries_pending on webhook_deliveries (webhook_id) where status = 'pending';

do $$
begin
  grant select, insert on stance_alerts to stance_monitor_app;
  grant select, insert, update, delete on webhooks, webhook_deliveries to stance_monitor_app;
exception when undefined_object or insufficient_privilege then
  raise notice 'grants on the publishing tables skipped: %', sqlerrm;
end
$$;
