-- A correction's feed entry names the entry it corrects by that entry's alert. Without an index
-- on the alert, each corrected-entry lookup scanned every change of the log: 3.3 s for one page
-- of an actor's feed at 40,000 changes, whenever the planner's estimates were stale (after a
-- large ingestion or a rebuild, before the autovacuum's analyze).
create index feed_announcements_alert on feed_announcements (alert_id) where alert_id is not null;
