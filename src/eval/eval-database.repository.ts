// The one query eval needs of its own: emptying its throwaway database between ingestion orders.
import { sql } from 'kysely';
import type { Database } from '../database/database.js';

export class EvalDatabaseRepository {
  constructor(private readonly database: Database) {}

  /**
   * Empties every table but the migrations' own, identities restarted, so the next ingestion
   * order starts from a database exactly as migrated, without migrating (or starting PGlite)
   * again. The log refuses TRUNCATE by trigger; `session_replication_role = replica` skips
   * triggers for this one transaction. Only ever on eval's own in-memory database.
   */
  async emptyAllTables(): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ name: string }>`
        select quote_ident(tablename) as name from pg_tables
        where schemaname = current_schema() and tablename not like 'kysely\\_%'
        order by tablename`.execute(trx);
      if (rows.length === 0) return;
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql.raw(`truncate ${rows.map((r) => r.name).join(', ')} restart identity cascade`).execute(trx);
    });
  }
}
