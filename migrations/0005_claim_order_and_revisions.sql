-- Issue 12, items 8 and 9. The claim order no longer falls back on log position (arrival order):
-- after said-on, precision and publication time it reads the document id and the statement's
-- offset in the text, so the projection keeps the offset beside each claim. Each claim also
-- keeps the revisions (content hashes) of the watch file and language packs that produced it,
-- for the history and the why chain; they are null for analysts' claims and for events recorded
-- before the revisions were kept.
alter table stance_claims add column statement_offset integer not null default 0;
alter table stance_claims add column watch_revision text;
alter table stance_claims add column packs_revision text;

-- Rows projected before this migration: the offset is in the event. (The change rows follow the
-- new order after `stance-monitor rebuild`; until then they stand as the old order derived them.)
update stance_claims c
set statement_offset = coalesce((e.data->'evidence'->>'start')::integer, 0)
from events e
where e.position = c.position;
