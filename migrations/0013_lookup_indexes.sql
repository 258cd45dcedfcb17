-- Lookups that scanned a table growing with the log, found by a mixed load on 100,000 claims.
--
-- A correction's feed entry names the entry it corrects by that entry's alert: without an index
-- on the alert, each corrected-entry lookup scanned every change of the log (3.3 s for one page
-- of an actor's feed at 40,000 changes, whenever the planner's statistics were stale, as after
-- a large ingestion or a rebuild).
create index feed_announcements_alert on feed_announcements (alert_id) where alert_id is not null;

-- The projection asks, for the claims of each batch, which alert announced them last: by claim
-- (57 ms a batch at 40,000 alerts without it).
create index stance_alerts_claim on stance_alerts (claim_id);
