-- `serve` checks, read-only, whether migrations are pending before it runs the migrator, so
-- that the least-privilege role can start on a schema its owner migrated (it may not take
-- kysely_migration_lock, and should not need to). For that it reads the list of applied ones.
do $$
begin
  grant select on kysely_migration to stance_monitor_app;
exception when insufficient_privilege or undefined_object then
  raise notice 'kysely_migration not granted to stance_monitor_app: %', sqlerrm;
end
$$;
