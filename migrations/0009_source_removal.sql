-- Sources can be removed through the admin API (DELETE /api/admin/sources/:id); the service's
-- least-privilege role needs delete on this operational table (never on the event log).
-- Pausing uses the existing `enabled` column.

do $$
begin
  grant delete on sources to stance_monitor_app;
exception when undefined_object or insufficient_privilege then
  raise notice 'grant delete on sources skipped: %', sqlerrm;
end
$$;
