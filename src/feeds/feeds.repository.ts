// Every query behind the feeds: the validators (newest log position of a scope) and one page of
// changes or claims, newest first, each with its claim, article and the transaction times the
// entry's dates come from. Reads the stance projection's tables (migrations/0003_stance.sql).
import { Inject, Injectable } from '@nestjs/common';
import { sql, type RawBuilder } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import type { FeedScope } from '../domain/public-links.js';
import type { SaidOn, Stance } from '../domain/vocabulary.js';
import type { Validators } from './domain/conditional-get.js';
import type { ArticleRecord, ChangeRecord, ClaimFeedRecord, ClaimRecord } from './domain/feed-entries.js';

export interface Page<T> {
  entries: T[];
  /** The `before` of the page of older entries, or null when this page holds the oldest. */
  olderBefore: number | null;
}

/** Row columns shared by both kinds of page: the claim, its event and its article. */
interface ClaimColumns {
  claim_id: string;
  document_id: string | null;
  event_id: string;
  watch_id: string;
  actor_id: string;
  stance: Stance;
  said_on: SaidOn;
  speaker: string | null;
  quote: string;
  url: string;
  origin: string;
  recorded_by: string;
  position: number | string;
  recorded_at: Date | string;
  doc_url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
}

@Injectable()
export class FeedsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * The newest log position among the events of the scope's timelines (claims and drops: every
   * change to its entries comes from one), and when it was recorded.
   */
  async validators(scope: FeedScope): Promise<Validators> {
    const { rows } = await sql<{ position: number | string | null; recorded_at: Date | string | null }>`
      select s.position, e.recorded_at
      from (select max(last_position) as position from stance_current where ${scopeFilter('stance_current', scope)}) s
      left join events e on e.position = s.position`.execute(this.database.db);
    const row = rows[0];
    return {
      position: Number(row?.position ?? 0),
      lastModified: row?.recorded_at ? new Date(row.recorded_at) : new Date(0),
    };
  }

  /**
   * Stance changes known before log position `before`, newest first (those known at once: latest
   * said first, then as the claim order has them, never by their claims' log positions): `limit`
   * of them, and every
   * other change known at the same position as the last (a page never splits one position, so
   * `before` cursors are stable).
   */
  async changes(scope: FeedScope, before: number, limit: number): Promise<Page<ChangeRecord>> {
    const where = sql`${scopeFilter('ch', scope)} and ch.known_at_position < ${before}`;
    const { rows: cutRows } = await sql<{ known_at_position: number | string }>`
      select ch.known_at_position from stance_changes ch where ${where}
      order by ch.known_at_position desc offset ${limit - 1} limit 1`.execute(this.database.db);
    const cut = cutRows[0] ? Number(cutRows[0].known_at_position) : 0;
    const { rows } = await sql<ClaimColumns & { from_stance: Stance | null; to_stance: Stance; known_at_position: number | string; known_at: Date | string }>`
      select ch.from_stance, ch.to_stance, ch.known_at_position, ek.recorded_at as known_at, ${claimColumns}
      from stance_changes ch
      join stance_claims c on c.claim_id = ch.claim_id
      join events ec on ec.position = c.position
      join events ek on ek.position = ch.known_at_position
      left join stance_documents d on d.document_id = c.document_id
      where ${where} and ch.known_at_position >= ${cut}
      order by ch.known_at_position desc, c.said_on->>'to' desc, ch.watch_id, ch.actor_id,
               c.reported_at desc, c.document_id desc, c.statement_offset desc, ch.claim_id desc`.execute(this.database.db);
    return {
      entries: rows.map((r) => ({
        from: r.from_stance,
        to: r.to_stance,
        knownAtPosition: Number(r.known_at_position),
        knownAt: new Date(r.known_at),
        claim: claimOf(r),
      })),
      olderBefore: cut > 0 && (await this.exists(sql`select 1 from stance_changes ch where ${scopeFilter('ch', scope)} and ch.known_at_position < ${cut}`)) ? cut : null,
    };
  }

  /** Claims recorded before log position `before`, newest first, each with the drop that took it out. */
  async claims(scope: FeedScope, before: number, limit: number): Promise<Page<ClaimFeedRecord>> {
    const { rows } = await sql<
      ClaimColumns & { drop_kind: 'rejected' | 'superseded' | null; drop_reason: string | null; dropped_by: string | null; drop_position: number | string | null; dropped_at: Date | string | null }
    >`
      select ${claimColumns}, dr.kind as drop_kind, dr.reason as drop_reason, dr.dropped_by, dr.position as drop_position,
             ed.recorded_at as dropped_at
      from stance_claims c
      join events ec on ec.position = c.position
      left join stance_documents d on d.document_id = c.document_id
      left join lateral (
        select * from stance_claim_drops x where x.claim_id = c.claim_id order by x.position limit 1
      ) dr on true
      left join events ed on ed.position = dr.position
      where ${scopeFilter('c', scope)} and c.position < ${before}
      order by c.position desc
      limit ${limit}`.execute(this.database.db);
    const entries = rows.map((r) => ({
      ...claimOf(r),
      drop:
        r.drop_kind === null
          ? null
          : { kind: r.drop_kind, reason: r.drop_reason!, by: r.dropped_by!, position: Number(r.drop_position), recordedAt: new Date(r.dropped_at!) },
    }));
    const oldest = entries.at(-1)?.position;
    return {
      entries,
      olderBefore:
        entries.length === limit && oldest !== undefined && (await this.exists(sql`select 1 from stance_claims c where ${scopeFilter('c', scope)} and c.position < ${oldest}`))
          ? oldest
          : null,
    };
  }

  private async exists(query: RawBuilder<unknown>): Promise<boolean> {
    const { rows } = await sql`select exists (${query}) as found`.execute(this.database.db);
    return (rows[0] as { found: boolean }).found;
  }
}

const claimColumns = sql`
  c.claim_id, c.document_id, ec.event_id::text as event_id, c.watch_id, c.actor_id, c.stance, c.said_on, c.speaker, c.quote, c.url,
  c.origin, c.recorded_by, c.position, ec.recorded_at,
  d.url as doc_url, d.outlet, d.title, d.published, d.language`;

/** The rows of `table` (an alias) that belong to the scope. */
function scopeFilter(table: string, scope: FeedScope): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  switch (scope.kind) {
    case 'changes':
      return sql`true`;
    case 'watch-changes':
    case 'watch-claims':
      return sql`${column('watch_id')} = ${scope.watchId}`;
    case 'actor-changes':
      return sql`${column('watch_id')} = ${scope.watchId} and ${column('actor_id')} = ${scope.actorId}`;
  }
}

function claimOf(r: ClaimColumns): ClaimRecord {
  const document: ArticleRecord | null =
    r.doc_url === null ? null : { url: r.doc_url, outlet: r.outlet!, title: r.title!, published: r.published!, language: r.language! };
  return {
    claimId: r.claim_id,
    documentId: r.document_id,
    eventId: r.event_id,
    watchId: r.watch_id,
    actorId: r.actor_id,
    stance: r.stance,
    saidOn: r.said_on,
    speaker: r.speaker,
    quote: r.quote,
    url: r.url,
    origin: r.origin,
    recordedBy: r.recorded_by,
    position: Number(r.position),
    recordedAt: new Date(r.recorded_at),
    document,
  };
}
