// Every query behind the feeds: a feed's version and entry count (feed_versions), and a range of
// its entries from the announcement log (migrations/0010), each with its claim, article, alert,
// the entry it corrects and the drop it announces.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type RawBuilder } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import type { FeedScope } from '../domain/public-links.js';
import type { SaidOn, Stance } from '../domain/vocabulary.js';
import type { Validators } from './domain/conditional-get.js';
import type { AnnouncedChange, AnnouncementRecord, ArticleRecord, ClaimRecord } from './domain/feed-entries.js';

/** Row columns of a claim, its event and its article. */
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

interface AnnouncementColumns extends ClaimColumns {
  announcement_id: number | string;
  kind: AnnouncementRecord['kind'];
  announced_at: Date | string;
  changed_current: boolean;
  current_stance: Stance | null;
  alert_id: number | string | null;
  from_stance: Stance | null;
  to_stance: Stance | null;
  corrected_kind: AnnouncementRecord['kind'] | null;
  corrected_alert_id: number | string | null;
  corrected_event_id: string | null;
  corrected_actor_id: string | null;
  corrected_at: Date | string | null;
  corrected_from: Stance | null;
  corrected_to: Stance | null;
  drop_kind: 'rejected' | 'superseded' | null;
  drop_reason: string | null;
  dropped_by: string | null;
  drop_event_id: string | null;
}

/** What the entries of a corrected announcement need to name it (its id, title and date). */
export interface CorrectedColumns {
  kind: AnnouncementRecord['kind'];
  alertId: number;
  claimEventId: string;
  actorId: string;
  announcedAt: Date;
  change: AnnouncedChange;
}

/** A feed's validators and how many entries it has at that version. */
export interface FeedVersion extends Validators {
  entries: number;
}

export type AnnouncementRow = Omit<AnnouncementRecord, 'corrects'> & { corrects: CorrectedColumns | null };

@Injectable()
export class FeedsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** The feed's version: its newest entry, Last-Modified and entry count (feed_versions), or nothing yet. */
  async version(scope: FeedScope): Promise<FeedVersion> {
    const { rows } = await sql<{ announcement_id: number | string; last_modified: Date | string; entries: number | string }>`
      select announcement_id, last_modified, entries from feed_versions where feed = ${feedKey(scope)}`.execute(this.database.db);
    const row = rows[0];
    return {
      position: Number(row?.announcement_id ?? 0),
      lastModified: row ? new Date(row.last_modified) : new Date(0),
      entries: Number(row?.entries ?? 0),
    };
  }

  /**
   * Entries `first` to `last` (counted from 1, oldest first) of the feed at `version`. Skipped
   * from whichever end is nearer: the newest entries, which the subscription document and the
   * latest archive pages show, cost the same however long the feed is.
   */
  async entries(scope: FeedScope, version: FeedVersion, first: number, last: number): Promise<AnnouncementRow[]> {
    const fromNewest = version.entries - last;
    const range =
      fromNewest < first - 1
        ? sql`select * from feed_announcements a where ${scopeFilter(scope)} and a.announcement_id <= ${version.position}
              order by a.announcement_id desc offset ${fromNewest} limit ${last - first + 1}`
        : sql`select * from feed_announcements a where ${scopeFilter(scope)}
              order by a.announcement_id offset ${first - 1} limit ${last - first + 1}`;
    const { rows } = await sql<AnnouncementColumns>`
      select a.announcement_id, a.kind, a.announced_at, a.changed_current, a.current_stance, a.alert_id,
             al.from_stance, al.to_stance,
             ca.kind as corrected_kind, ca.alert_id as corrected_alert_id, ece.event_id::text as corrected_event_id,
             ca.actor_id as corrected_actor_id, ca.announced_at as corrected_at, cal.from_stance as corrected_from, cal.to_stance as corrected_to,
             dr.kind as drop_kind, dr.reason as drop_reason, dr.dropped_by, edr.event_id::text as drop_event_id,
             ${claimColumns}
      from (${range}) a
      join stance_claims c on c.claim_id = a.claim_id
      join events ec on ec.position = c.position
      left join stance_documents d on d.document_id = c.document_id
      left join stance_alerts al on al.alert_id = a.alert_id
      left join feed_announcements ca on ca.alert_id = a.corrects_alert_id and ca.kind in ('change', 'correction', 'withdrawal')
      left join stance_alerts cal on cal.alert_id = a.corrects_alert_id
      left join stance_claims cc on cc.claim_id = ca.claim_id
      left join events ece on ece.position = cc.position
      left join stance_claim_drops dr on a.kind = 'claim-dropped' and dr.position = a.position
      left join events edr on a.kind = 'claim-dropped' and edr.position = a.position
      order by a.announcement_id`.execute(this.database.db);
    return rows.map((r) => ({
      announcementId: Number(r.announcement_id),
      kind: r.kind,
      announcedAt: new Date(r.announced_at),
      changedCurrent: r.changed_current,
      currentStance: r.current_stance,
      alertId: r.alert_id === null ? null : Number(r.alert_id),
      change: r.to_stance === null ? null : { from: r.from_stance, to: r.to_stance },
      corrects:
        r.corrected_kind === null
          ? null
          : {
              kind: r.corrected_kind,
              alertId: Number(r.corrected_alert_id),
              claimEventId: r.corrected_event_id!,
              actorId: r.corrected_actor_id!,
              announcedAt: new Date(r.corrected_at!),
              change: { from: r.corrected_from, to: r.corrected_to! },
            },
      drop: r.drop_kind === null ? null : { kind: r.drop_kind, reason: r.drop_reason!, by: r.dropped_by!, eventId: r.drop_event_id! },
      claim: claimOf(r),
    }));
  }
}

const claimColumns = sql`
  c.claim_id, c.document_id, ec.event_id::text as event_id, c.watch_id, c.actor_id, c.stance, c.said_on, c.speaker, c.quote, c.url,
  c.origin, c.recorded_by, c.position, ec.recorded_at,
  d.url as doc_url, d.outlet, d.title, d.published, d.language`;

/** The feed_versions key of a feed (see feedsOf in src/stance/domain/announcements.ts). */
export function feedKey(scope: FeedScope): string {
  switch (scope.kind) {
    case 'changes':
      return 'changes';
    case 'watch-changes':
    case 'watch-claims':
      return `${scope.kind}:${scope.watchId}`;
    case 'actor-changes':
      return `actor-changes:${scope.watchId}:${scope.actorId}`;
  }
}

/** The announcements (alias `a`) that are entries of the feed. */
function scopeFilter(scope: FeedScope): RawBuilder<unknown> {
  const changes = sql`a.kind in ('change', 'correction', 'withdrawal')`;
  switch (scope.kind) {
    case 'changes':
      return changes;
    case 'watch-changes':
      return sql`${changes} and a.watch_id = ${scope.watchId}`;
    case 'actor-changes':
      return sql`${changes} and a.watch_id = ${scope.watchId} and a.actor_id = ${scope.actorId}`;
    case 'watch-claims':
      return sql`a.kind in ('claim', 'claim-dropped') and a.watch_id = ${scope.watchId}`;
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
