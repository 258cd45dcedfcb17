-- `rebuild` empties the stance projection with TRUNCATE inside its transaction rather than
-- DELETE: DELETE leaves every old row behind as a dead tuple (and its index entries), so each
-- rebuild of a large log was slower than the one before it until a vacuum ran. The service's
-- role needs the TRUNCATE privilege for that.
do $$
begin
  grant truncate
    on stance_documents, stance_claims, stance_claim_drops, stance_changes, stance_current
    to stance_monitor_app;
exception when undefined_object or insufficient_privilege then
  raise notice 'truncate grant on the stance tables skipped: %', sqlerrm;
end
$$;
