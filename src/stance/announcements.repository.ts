// Writes the feeds' announcement log (migrations/0010_announcement_log.sql) in the stance
// projection's transaction, and keeps each feed's version (its newest entry, Last-Modified and
// entry count).
// The feeds read these tables in src/feeds/feeds.repository.ts.
import { Injectable } from '@nestjs/common';
import { sql, type Transaction } from 'kysely';
import type { Tables } from '../database/schema.js';
import { announcementTimes, feedsOf, nextLastModified, type AnnouncementDraft } from './domain/announcements.js';

export interface AnnouncedRecord {
  claimId: string;
  watchId: string;
  actorId: string;
  position: number;
}

/** Works in the projection's transaction only: every method takes it. */
@Injectable()
export class AnnouncementsRepository {
  /** Claims recorded at positions in [from, to], in log order. */
  async claimsBetween(trx: Transaction<Tables>, from: number, to: number): Promise<AnnouncedRecord[]> {
    const { rows } = await sql<{ claim_id: string; watch_id: string; actor_id: string; position: string | number }>`
      select claim_id, watch_id, actor_id, position from stance_claims where position between ${from} and ${to} order by position`.execute(trx);
    return rows.map((r) => ({ claimId: r.claim_id, watchId: r.watch_id, actorId: r.actor_id, position: Number(r.position) }));
  }

  /** Claims rejected or superseded at positions in [from, to], in log order. */
  async dropsBetween(trx: Transaction<Tables>, from: number, to: number): Promise<AnnouncedRecord[]> {
    const { rows } = await sql<{ claim_id: string; watch_id: string; actor_id: string; position: string | number }>`
      select claim_id, watch_id, actor_id, position from stance_claim_drops where position between ${from} and ${to} order by position`.execute(trx);
    return rows.map((r) => ({ claimId: r.claim_id, watchId: r.watch_id, actorId: r.actor_id, position: Number(r.position) }));
  }

  /** Per claim, the alert of its latest change, correction or withdrawal entry. */
  async latestAnnounced(trx: Transaction<Tables>, claimIds: readonly string[]): Promise<Map<string, { alertId: number; kind: 'changed' | 'withdrawn' }>> {
    if (claimIds.length === 0) return new Map();
    const { rows } = await sql<{ claim_id: string; alert_id: string | number; kind: 'changed' | 'withdrawn' }>`
      select distinct on (al.claim_id) al.claim_id, al.alert_id, al.kind
      from feed_announcements a
      join stance_alerts al on al.alert_id = a.alert_id
      where al.claim_id in (${sql.join([...new Set(claimIds)])})
      order by al.claim_id, a.announcement_id desc`.execute(trx);
    return new Map(rows.map((r) => [r.claim_id, { alertId: Number(r.alert_id), kind: r.kind }]));
  }

  /**
   * Appends the entries in the order given, each `updated` (announced_at) from the log time of its
   * position, unique and increasing; then moves on the version (and entry count) of every feed
   * they appear in.
   */
  async append(trx: Transaction<Tables>, drafts: readonly AnnouncementDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const positions = [...new Set(drafts.map((d) => d.position))];
    const { rows: times } = await sql<{ position: string | number; recorded_at: Date | string }>`
      select position, recorded_at from events where position in (${sql.join(positions)})`.execute(trx);
    const recordedAt = new Map(times.map((r) => [Number(r.position), new Date(r.recorded_at)]));
    const { rows: last } = await sql<{ announced_at: Date | string | null }>`select max(announced_at) as announced_at from feed_announcements`.execute(trx);
    const announcedAt = announcementTimes(
      drafts.map((d) => recordedAt.get(d.position)!),
      last[0]?.announced_at ? new Date(last[0].announced_at) : null,
    );
    const ids: number[] = [];
    for (let i = 0; i < drafts.length; i += 500) {
      const chunk = drafts.slice(i, i + 500);
      const { rows } = await sql<{ announcement_id: string | number }>`
        insert into feed_announcements (kind, watch_id, actor_id, claim_id, position, alert_id, corrects_alert_id, announced_at, changed_current, current_stance)
        values ${sql.join(
          chunk.map(
            (d, j) =>
              sql`(${d.kind}, ${d.watchId}, ${d.actorId}, ${d.claimId}, ${d.position}, ${d.alertId}, ${d.correctsAlertId}, ${announcedAt[i + j]!.toISOString()}::timestamptz, ${d.changedCurrent}, ${d.currentStance})`,
          ),
        )}
        returning announcement_id`.execute(trx);
      ids.push(...rows.map((r) => Number(r.announcement_id)));
    }
    const newest = new Map<string, number>();
    const added = new Map<string, number>();
    drafts.forEach((d, i) =>
      feedsOf(d).forEach((feed) => {
        newest.set(feed, ids[i]!);
        added.set(feed, (added.get(feed) ?? 0) + 1);
      }),
    );
    const feeds = [...newest.keys()].sort();
    const { rows: versions } = await sql<{ feed: string; last_modified: Date | string }>`
      select feed, last_modified from feed_versions where feed in (${sql.join(feeds)}) for update`.execute(trx);
    const previous = new Map(versions.map((v) => [v.feed, new Date(v.last_modified)]));
    const now = announcedAt.at(-1)!;
    for (const feed of feeds) {
      const lastModified = nextLastModified(now, previous.get(feed) ?? null).toISOString();
      await sql`
        insert into feed_versions (feed, announcement_id, last_modified, entries) values (${feed}, ${newest.get(feed)!}, ${lastModified}::timestamptz, ${added.get(feed)!})
        on conflict (feed) do update
        set announcement_id = excluded.announcement_id, last_modified = excluded.last_modified, entries = feed_versions.entries + excluded.entries`.execute(trx);
    }
  }
}
