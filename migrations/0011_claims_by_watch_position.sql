-- The read cache of folded timelines (src/stance/timeline-cache.ts) moves a watch forward by the
-- claims logged since its last position: (watch, position) is that range read. The timeline
-- index (watch, actor, position) could only filter it, scanning every claim of the watch.
create index stance_claims_watch_position on stance_claims (watch_id, position);
