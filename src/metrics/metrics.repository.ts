// The database figures /metrics reads at scrape time.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';

export interface ProjectionLag {
  /** Events of the subscription's types after its checkpoint. */
  events: number;
  /** Age of the oldest of them (by the database's clock), 0 when there is none. */
  seconds: number;
}

@Injectable()
export class MetricsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * How far a subscription is behind the log. Counted over the types it reads, not as head minus
   * checkpoint: a subscription that reads only some types has its checkpoint at the last event
   * of those, behind the head for good once other types follow.
   */
  async projectionLag(subscription: string, types: readonly string[] | undefined): Promise<ProjectionLag> {
    const { rows } = await sql<{ events: string; seconds: string | null }>`
      select count(*) as events, extract(epoch from now() - min(recorded_at)) as seconds
      from events
      where position > coalesce((select position from subscription_checkpoints where subscription = ${subscription}), 0)
      ${types ? sql`and type in (${sql.join(types)})` : sql``}
    `.execute(this.database.db);
    const row = rows[0]!;
    return { events: Number(row.events), seconds: row.seconds === null ? 0 : Math.max(0, Number(row.seconds)) };
  }
}
