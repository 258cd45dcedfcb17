// The one query eval needs of its own: emptying its throwaway database between ingestion orders.
import { sql } from 'kysely';
import type { Database } from '../database/database.js';

export class EvalDatabaseRepository {
  constructor(private readonly database: Database) {}

  /**
   * Empties every table but the migrations' own and restarts every sequence, so the next
   * ingestion order starts from a database exactly as migrated, without migrating (or starting
   * PGlite) again. DELETE rather than TRUNCATE: an order leaves a few hundred rows, and TRUNCATE
   * makes new files for every table and index, which took most of the time of emptying them. The
   * log refuses DELETE by trigger; `session_replication_role = replica` skips triggers (and so the
   * foreign keys, which is why the order of the tables does not matter) for this one transaction.
   * Only ever on eval's own in-memory database.
   */
  async emptyAllTables(): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const { rows: tables } = await sql<{ name: string }>`
        select quote_ident(tablename) as name from pg_tables
        where schemaname = current_schema() and tablename not like 'kysely\\_%'`.execute(trx);
      const { rows: sequences } = await sql<{ name: string }>`
        select quote_ident(sequencename) as name from pg_sequences where schemaname = current_schema()`.execute(trx);
      const statements = [
        'set local session_replication_role = replica',
        ...tables.map((t) => `delete from ${t.name}`),
        ...sequences.map((s) => `alter sequence ${s.name} restart`),
      ];
      for (const statement of statements) await sql.raw(statement).execute(trx);
    });
  }
}
