// Every query on the stance projection's tables (migrations/0003_stance.sql).
//
// Claim, drop and document rows are copied out of the event log by INSERT ... SELECT on a range
// of positions: the JSON never travels to Node and back, which is what makes a rebuild of a
// million claims fast, and the live projection uses the very same statements on its batches.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable, type Transaction } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import type { StanceChangesTable, StanceClaimsTable, Tables } from '../database/schema.js';
import type { ClaimRecorded, SaidOn, Stance } from '../domain/vocabulary.js';
import type { Executor } from '../event-store/event-store.repository.js';
import { differingChanges, type AlertRecord, type StanceAlert } from './domain/alerts.js';
import type { DocumentRef } from './domain/document-page.js';
import type { TimelineEntry } from './domain/claim-order.js';
import { entryOf, type RecordedDrop, type StanceChange } from './domain/timeline.js';

export interface TimelineKey {
  watchId: string;
  actorId: string;
}

export interface TimelineRecords extends TimelineKey {
  claims: TimelineEntry[];
  drops: RecordedDrop[];
}

export interface CurrentStanceRow extends TimelineKey {
  stance: Stance | null;
  latestClaimId: string | null;
  sinceClaimId: string | null;
  claims: number;
  activeClaims: number;
  lastPosition: number;
}

/** What the projection writes for one timeline. */
export interface TimelineRows {
  current: CurrentStanceRow;
  changes: readonly StanceChange[];
  /** The change rows that stand now, when the projection knows them (its fold of the last batch): not read again. */
  standing?: readonly StanceChange[];
}

/** Rows per INSERT: well under Postgres' 65,535 parameters at 8 columns a row. */
const WRITE_BATCH = 2000;

export type { DocumentRef };

/** The projection's tables: what a clear empties and a scratch schema copies. */
const PROJECTION_TABLES = ['stance_changes', 'stance_current', 'stance_claim_drops', 'stance_claims', 'stance_documents'] as const;

@Injectable()
export class StanceRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  get db() {
    return this.database.db;
  }

  // ---- writes (the projection) ----

  /** Copies the documents, claims and drops logged at positions [from, to] into their tables. */
  async copyRecordsFromLog(trx: Transaction<Tables>, from: number, to: number): Promise<void> {
    await sql`
      insert into stance_documents (document_id, url, outlet, title, published, language, position)
      select data->>'documentId', data->>'url', data->>'outlet', data->>'title', data->>'published',
             data->>'language', position
      from events
      where type = 'DocumentIngested' and position between ${from} and ${to}
      on conflict (document_id) do nothing`.execute(trx);
    await sql`
      insert into stance_claims (claim_id, watch_id, actor_id, stance, said_on, reported_at, speaker, quote,
                                 cues, document_id, url, origin, recorded_by, position, statement_offset,
                                 watch_revision, packs_revision)
      select data->>'claimId', data->>'watchId', data->>'actorId', data->>'stance', data->'saidOn',
             data->>'reportedAt', data->>'speaker', data->'evidence'->>'sentence',
             coalesce(data->'evidence'->'cues', '[]'::jsonb), data->>'documentId', data->>'url',
             data->>'origin', data->>'recordedBy', position,
             coalesce((data->'evidence'->>'start')::integer, 0), data->>'watchRevision', data->>'packsRevision'
      from events
      where type = 'ClaimRecorded' and position between ${from} and ${to}
      on conflict (claim_id) do nothing`.execute(trx);
    // A drop names only its claim, which the log holds earlier (the admin API and reextract only
    // drop claims they have read), so the claim row is there to take watch and actor from.
    await sql`
      insert into stance_claim_drops (position, claim_id, watch_id, actor_id, kind, reason, dropped_by)
      select e.position, c.claim_id, c.watch_id, c.actor_id,
             case e.type when 'ClaimRejected' then 'rejected' else 'superseded' end,
             e.data->>'reason', coalesce(e.data->>'by', e.data->>'byExtractorVersion')
      from events e
      join stance_claims c on c.claim_id = e.data->>'claimId'
      where e.type in ('ClaimRejected', 'ClaimSuperseded') and e.position between ${from} and ${to}
      on conflict (position) do nothing`.execute(trx);
  }

  /** The (watch, actor) pairs the given claims belong to. */
  async timelinesOfClaims(executor: Executor, claimIds: readonly string[]): Promise<TimelineKey[]> {
    if (claimIds.length === 0) return [];
    const rows = await executor
      .selectFrom('stance_claims')
      .select(['watch_id', 'actor_id'])
      .distinct()
      .where('claim_id', 'in', [...new Set(claimIds)])
      .execute();
    return rows.map((r) => ({ watchId: r.watch_id, actorId: r.actor_id }));
  }

  /** Every (watch, actor) with a claim, for a rebuild. */
  async allTimelines(executor: Executor): Promise<TimelineKey[]> {
    const rows = await executor
      .selectFrom('stance_claims')
      .select(['watch_id', 'actor_id'])
      .distinct()
      .orderBy('watch_id')
      .orderBy('actor_id')
      .execute();
    return rows.map((r) => ({ watchId: r.watch_id, actorId: r.actor_id }));
  }

  /**
   * Brings the change rows and the current-stance row of each timeline given to what they should
   * be, and returns, per timeline, the change rows that stood before. Only the rows that differ are
   * deleted and inserted: a long timeline has thousands of change rows and a new claim alters one
   * or two, so rewriting them all made every batch of a live projection cost as much as the whole
   * history; and the rows a fold kept are found by identity (differingChanges), not compared one by one.
   * `fresh`: the tables hold no rows of these timelines yet (a rebuild); nothing to read or delete.
   */
  async replaceTimelineRows(trx: Transaction<Tables>, timelines: readonly TimelineRows[], { fresh = false } = {}): Promise<(readonly StanceChange[])[]> {
    const replaced: (readonly StanceChange[])[] = [];
    if (timelines.length === 0) return replaced;
    let changes: StanceChange[] = [];
    if (fresh) {
      changes = timelines.flatMap((t) => t.changes);
    } else {
      for (const { current, changes: wanted, standing } of timelines) {
        const rows =
          standing ??
          (
            await trx.selectFrom('stance_changes').selectAll().where('watch_id', '=', current.watchId).where('actor_id', '=', current.actorId).execute()
          ).map(changeOfRow);
        replaced.push(rows);
        const { removed, added } = differingChanges(rows, wanted);
        const addedByClaim = new Map(added.map((c) => [c.claimId, c]));
        const stale: string[] = [];
        const kept = new Set<StanceChange>();
        for (const row of removed) {
          const want = addedByClaim.get(row.claimId);
          if (want && sameChangeRow(row, want)) kept.add(want);
          else stale.push(row.claimId);
        }
        for (const change of added) if (!kept.has(change)) changes.push(change);
        for (let i = 0; i < stale.length; i += WRITE_BATCH) {
          await trx
            .deleteFrom('stance_changes')
            .where('watch_id', '=', current.watchId)
            .where('actor_id', '=', current.actorId)
            .where('claim_id', 'in', stale.slice(i, i + WRITE_BATCH))
            .execute();
        }
      }
    }
    for (let i = 0; i < changes.length; i += WRITE_BATCH) {
      await trx
        .insertInto('stance_changes')
        .values(
          changes.slice(i, i + WRITE_BATCH).map((c) => ({ ...changeColumns(c), known_at_position: c.knownAtPosition })),
        )
        .execute();
    }
    for (let i = 0; i < timelines.length; i += WRITE_BATCH) {
      await trx
        .insertInto('stance_current')
        .values(
          timelines.slice(i, i + WRITE_BATCH).map(({ current: c }) => ({
            watch_id: c.watchId,
            actor_id: c.actorId,
            stance: c.stance,
            latest_claim_id: c.latestClaimId,
            since_claim_id: c.sinceClaimId,
            claims: c.claims,
            active_claims: c.activeClaims,
            last_position: c.lastPosition,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['watch_id', 'actor_id']).doUpdateSet((eb) => ({
            stance: eb.ref('excluded.stance'),
            latest_claim_id: eb.ref('excluded.latest_claim_id'),
            since_claim_id: eb.ref('excluded.since_claim_id'),
            claims: eb.ref('excluded.claims'),
            active_claims: eb.ref('excluded.active_claims'),
            last_position: sql<number>`excluded.last_position`,
          })),
        )
        .execute();
    }
    return replaced;
  }

  /** Appends alerts to the outbox, in the order given (alert ids follow it); returns their ids. */
  async appendAlerts(trx: Transaction<Tables>, alerts: readonly StanceAlert[]): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < alerts.length; i += WRITE_BATCH) {
      const rows = await trx
        .insertInto('stance_alerts')
        .values(
          alerts.slice(i, i + WRITE_BATCH).map((a) => ({ ...changeColumns(a), position: a.position, kind: a.kind })),
        )
        .returning('alert_id')
        .execute();
      // Postgres returns the rows of a multi-row INSERT in the order of its VALUES.
      ids.push(...rows.map((r) => Number(r.alert_id)));
    }
    return ids;
  }

  /**
   * Empties every projection table (a rebuild, in its transaction). DELETE, not TRUNCATE:
   * TRUNCATE would lock readers out until the rebuild commits; with DELETE they keep reading the
   * old rows meanwhile.
   */
  /**
   * Empties the projection's tables (those on the search path: the scratch copies in a replay).
   * TRUNCATE, not DELETE: DELETE leaves a dead tuple per row that every later rebuild scans and
   * indexes around until a vacuum, so repeated rebuilds of a large log got slower each time.
   * TRUNCATE locks the tables until the transaction ends: readers wait for the rebuild's commit
   * and then see the new rows.
   */
  async clear(trx: Transaction<Tables>): Promise<void> {
    await sql.raw(`truncate ${PROJECTION_TABLES.join(', ')}`).execute(trx);
  }

  /**
   * Puts empty copies of the projection's tables (and of the checkpoints) in a schema of their
   * own and puts that schema first on the search path, until the transaction ends: everything
   * this repository and the checkpoint code write in `trx` then lands there, not in the live rows.
   */
  async useScratchSchema(trx: Transaction<Tables>, schema: string): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
    await sql.raw(`create schema ${schema}`).execute(trx);
    for (const table of [...PROJECTION_TABLES, 'subscription_checkpoints']) {
      await sql.raw(`create table ${schema}.${table} (like public.${table} including all)`).execute(trx);
    }
    await sql.raw(`set local search_path to ${schema}, public`).execute(trx);
  }

  // ---- reads ----

  /**
   * What the projection's fold reads of a timeline: each claim's order key, stance and document,
   * without the evidence (quote, url, speaker come back empty). A rebuild reads a million claims
   * through here, and the quotes would be most of the bytes.
   */
  async timelineOrderRecords(executor: Executor, key: TimelineKey): Promise<TimelineRecords> {
    return (await this.watchRecords(executor, key.watchId, { actorId: key.actorId, withoutEvidence: true }))[0] ?? { ...key, claims: [], drops: [] };
  }

  /** Every timeline of a watch (or of one actor), rows logged after `after` and at or before `upTo`. */
  async watchRecords(
    executor: Executor,
    watchId: string,
    options: { actorId?: string; after?: number; upTo?: number; withoutEvidence?: boolean } = {},
  ): Promise<TimelineRecords[]> {
    let claimsQuery = executor
      .selectFrom('stance_claims')
      .select(['claim_id', 'watch_id', 'actor_id', 'stance', 'said_on', 'reported_at', 'document_id', 'statement_offset', 'position'])
      .$if(!options.withoutEvidence, (q) => q.select(['quote', 'url', 'speaker', 'watch_revision', 'packs_revision']))
      .where('watch_id', '=', watchId);
    if (options.actorId !== undefined) claimsQuery = claimsQuery.where('actor_id', '=', options.actorId);
    if (options.after !== undefined) claimsQuery = claimsQuery.where('position', '>', options.after);
    if (options.upTo !== undefined) claimsQuery = claimsQuery.where('position', '<=', options.upTo);
    const claimRows = await claimsQuery.orderBy('position').execute();

    let dropsQuery = executor
      .selectFrom('stance_claim_drops')
      .select(['position', 'claim_id', 'kind', 'reason', 'dropped_by', 'actor_id'])
      .where('watch_id', '=', watchId);
    if (options.actorId !== undefined) dropsQuery = dropsQuery.where('actor_id', '=', options.actorId);
    if (options.after !== undefined) dropsQuery = dropsQuery.where('position', '>', options.after);
    if (options.upTo !== undefined) dropsQuery = dropsQuery.where('position', '<=', options.upTo);
    const dropRows = await dropsQuery.orderBy('position').execute();

    const byActor = new Map<string, TimelineRecords>();
    const timelineOf = (actorId: string) => {
      let records = byActor.get(actorId);
      if (!records) byActor.set(actorId, (records = { watchId, actorId, claims: [], drops: [] }));
      return records;
    };
    for (const row of claimRows) timelineOf(row.actor_id).claims.push(entryOfRow({ quote: '', url: '', speaker: null, watch_revision: null, packs_revision: null, ...row }));
    for (const row of dropRows) {
      timelineOf(row.actor_id).drops.push({
        claimId: row.claim_id,
        kind: row.kind,
        reason: row.reason,
        by: row.dropped_by,
        position: Number(row.position),
      });
    }
    return [...byActor.values()].sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
  }

  async currentStances(watchId: string, executor: Executor = this.db): Promise<CurrentStanceRow[]> {
    const rows = await executor.selectFrom('stance_current').selectAll().where('watch_id', '=', watchId).orderBy('actor_id').execute();
    return rows.map((r) => ({
      watchId: r.watch_id,
      actorId: r.actor_id,
      stance: r.stance as Stance | null,
      latestClaimId: r.latest_claim_id,
      sinceClaimId: r.since_claim_id,
      claims: r.claims,
      activeClaims: r.active_claims,
      lastPosition: Number(r.last_position),
    }));
  }

  /**
   * The change rows the given claims of actors made (at most one each). Named by actor and claim:
   * the key is (watch, actor, claim), and a claim id alone would scan every change of the watch
   * (20 ms a read at 100,000 claims).
   */
  async changesMadeBy(watchId: string, claims: readonly { actorId: string; claimId: string }[], executor: Executor = this.db): Promise<Map<string, StanceChange>> {
    if (claims.length === 0) return new Map();
    const rows = await executor
      .selectFrom('stance_changes')
      .selectAll()
      .where('watch_id', '=', watchId)
      .where((eb) => eb.or(claims.map((c) => eb.and([eb('actor_id', '=', c.actorId), eb('claim_id', '=', c.claimId)]))))
      .execute();
    return new Map(rows.map((r) => [r.claim_id, changeOfRow(r)]));
  }

  /** The stored change rows of a watch (or one actor), in no particular order. */
  async changes(watchId: string, actorId?: string, executor: Executor = this.db): Promise<StanceChange[]> {
    let query = executor.selectFrom('stance_changes').selectAll().where('watch_id', '=', watchId);
    if (actorId !== undefined) query = query.where('actor_id', '=', actorId);
    return (await query.execute()).map(changeOfRow);
  }

  /**
   * Alerts from the outbox in alert order, after an alert id or after a log position, optionally
   * of one watch or actor, each with its claim and article.
   */
  async alerts(
    options: { afterAlertId?: number; afterPosition?: number; upToPosition?: number; watchId?: string; actorId?: string; limit: number },
    executor: Executor = this.db,
  ): Promise<AlertRecord[]> {
    let query = executor
      .selectFrom('stance_alerts as a')
      .leftJoin('stance_claims as c', 'c.claim_id', 'a.claim_id')
      .leftJoin('stance_documents as d', 'd.document_id', 'a.document_id')
      .select([
        'a.alert_id', 'a.position as alert_position', 'a.kind', 'a.watch_id', 'a.actor_id', 'a.claim_id', 'a.from_stance',
        'a.to_stance', 'a.effective_on', 'a.document_id',
        'c.claim_id as c_claim_id', 'c.stance', 'c.said_on', 'c.reported_at', 'c.speaker', 'c.quote', 'c.url', 'c.position',
        'c.statement_offset', 'c.watch_revision', 'c.packs_revision',
        'd.url as d_url', 'd.outlet', 'd.title', 'd.published', 'd.language',
      ])
      .orderBy('a.alert_id')
      .limit(options.limit);
    if (options.afterAlertId !== undefined) query = query.where('a.alert_id', '>', options.afterAlertId);
    if (options.afterPosition !== undefined) query = query.where('a.position', '>', options.afterPosition);
    if (options.upToPosition !== undefined) query = query.where('a.position', '<=', options.upToPosition);
    if (options.watchId !== undefined) query = query.where('a.watch_id', '=', options.watchId);
    if (options.actorId !== undefined) query = query.where('a.actor_id', '=', options.actorId);
    return (await query.execute()).map((r) => ({
      alertId: Number(r.alert_id),
      kind: r.kind,
      position: Number(r.alert_position),
      watchId: r.watch_id,
      actorId: r.actor_id,
      claimId: r.claim_id,
      from: r.from_stance as Stance | null,
      to: r.to_stance as Stance,
      effectiveOn: r.effective_on as SaidOn,
      documentId: r.document_id,
      claim:
        r.c_claim_id === null
          ? null
          : entryOfRow({
              claim_id: r.c_claim_id,
              watch_id: r.watch_id,
              actor_id: r.actor_id,
              stance: r.stance!,
              said_on: r.said_on,
              reported_at: r.reported_at,
              document_id: r.document_id,
              url: r.url!,
              quote: r.quote!,
              speaker: r.speaker,
              position: r.position!,
              statement_offset: r.statement_offset!,
              watch_revision: r.watch_revision,
              packs_revision: r.packs_revision,
            }),
      document:
        r.d_url === null
          ? null
          : { url: r.d_url, outlet: r.outlet!, title: r.title!, published: r.published!, language: r.language! },
    }));
  }

  /**
   * Claims logged at positions in (after, upTo], in log order, with their articles. Read from the
   * log by position (its primary key): the claims table has no index on position alone.
   */
  async claimsLogged(
    after: number,
    upTo: number,
    options: { watchId?: string; actorId?: string; limit: number },
    executor: Executor = this.db,
  ): Promise<{ claim: TimelineEntry & { origin: string }; document: DocumentRef | null }[]> {
    let query = executor
      .selectFrom('events as e')
      .leftJoin('stance_documents as d', (join) => join.on('d.document_id', '=', sql<string>`e.data->>'documentId'`))
      .select([
        'e.position',
        sql<ClaimRecorded['data']>`e.data`.as('data'),
        'd.document_id', 'd.url', 'd.outlet', 'd.title', 'd.published', 'd.language',
      ])
      .where('e.type', '=', 'ClaimRecorded')
      .where('e.position', '>', after)
      .where('e.position', '<=', upTo)
      .orderBy('e.position')
      .limit(options.limit);
    if (options.watchId !== undefined) query = query.where(sql<string>`e.data->>'watchId'`, '=', options.watchId);
    if (options.actorId !== undefined) query = query.where(sql<string>`e.data->>'actorId'`, '=', options.actorId);
    return (await query.execute()).map((r) => ({
      claim: { ...entryOf({ type: 'ClaimRecorded', data: r.data, position: Number(r.position) }), origin: r.data.origin },
      document:
        r.document_id === null
          ? null
          : { documentId: r.document_id, url: r.url!, outlet: r.outlet!, title: r.title!, published: r.published!, language: r.language! },
    }));
  }

  /** The newest alert's id (0 when there is none): where a new webhook subscription starts. */
  async lastAlertId(executor: Executor = this.db): Promise<number> {
    const row = await executor.selectFrom('stance_alerts').select((eb) => eb.fn.max('alert_id').as('last')).executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  async claims(claimIds: readonly string[], executor: Executor = this.db): Promise<Map<string, TimelineEntry>> {
    if (claimIds.length === 0) return new Map();
    const rows = await executor.selectFrom('stance_claims').selectAll().where('claim_id', 'in', [...new Set(claimIds)]).execute();
    return new Map(rows.map((row) => [row.claim_id, entryOfRow(row)]));
  }

  /** An ingested document with its stored text, and the claims read from it (dropped ones too). */
  async documentWithClaims(
    documentId: string,
    executor: Executor = this.db,
  ): Promise<{ document: DocumentRef & { text: string }; claims: TimelineEntry[] } | null> {
    const row = await executor
      .selectFrom('stance_documents as d')
      .innerJoin('events as e', 'e.position', 'd.position')
      .select(['d.document_id', 'd.url', 'd.outlet', 'd.title', 'd.published', 'd.language', sql<string>`e.data->>'text'`.as('text')])
      .where('d.document_id', '=', documentId)
      .executeTakeFirst();
    if (!row) return null;
    // The claims of a document are its claims stream's events (extraction/domain/claim-events.ts):
    // found through the stream index, where stance_claims has none on document_id.
    const claims = await executor
      .selectFrom('stance_claims')
      .selectAll()
      .where(
        'claim_id',
        'in',
        executor
          .selectFrom('events')
          .select(sql<string>`data->>'claimId'`.as('claim_id'))
          .where('stream_id', '=', `claims:${documentId}`)
          .where('type', '=', 'ClaimRecorded'),
      )
      .orderBy('position')
      .execute();
    const { document_id, ...rest } = row;
    return { document: { documentId: document_id, ...rest }, claims: claims.map(entryOfRow) };
  }

  async documents(documentIds: readonly string[], executor: Executor = this.db): Promise<Map<string, DocumentRef>> {
    if (documentIds.length === 0) return new Map();
    const rows = await executor.selectFrom('stance_documents').selectAll().where('document_id', 'in', [...new Set(documentIds)]).execute();
    return new Map(
      rows.map((r) => [
        r.document_id,
        { documentId: r.document_id, url: r.url, outlet: r.outlet, title: r.title, published: r.published, language: r.language },
      ]),
    );
  }
}

/** A change row's key: (watch, actor, claim). */
/** Whether a stored change row already says what the fold says (every column). */
function sameChangeRow(a: StanceChange, b: StanceChange): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.documentId === b.documentId &&
    a.knownAtPosition === b.knownAtPosition &&
    // Field by field: jsonb hands keys back in its own order.
    a.effectiveOn.from === b.effectiveOn.from &&
    a.effectiveOn.to === b.effectiveOn.to &&
    a.effectiveOn.precision === b.effectiveOn.precision &&
    a.effectiveOn.basis === b.effectiveOn.basis
  );
}

/** The columns a change row and an alert row share. */
function changeColumns(c: Omit<StanceChange, 'knownAtPosition'>) {
  return {
    watch_id: c.watchId,
    actor_id: c.actorId,
    claim_id: c.claimId,
    from_stance: c.from,
    to_stance: c.to,
    effective_on: JSON.stringify(c.effectiveOn),
    document_id: c.documentId,
  };
}

function changeOfRow(r: Selectable<StanceChangesTable>): StanceChange {
  return {
    watchId: r.watch_id,
    actorId: r.actor_id,
    from: r.from_stance as Stance | null,
    to: r.to_stance as Stance,
    effectiveOn: r.effective_on as SaidOn,
    claimId: r.claim_id,
    documentId: r.document_id,
    knownAtPosition: Number(r.known_at_position),
  };
}

function entryOfRow(
  row: Omit<Selectable<StanceClaimsTable>, 'cues' | 'origin' | 'recorded_by'>,
): TimelineEntry {
  return {
    claimId: row.claim_id,
    watchId: row.watch_id,
    actorId: row.actor_id,
    stance: row.stance,
    saidOn: row.said_on as SaidOn,
    position: Number(row.position),
    reportedAt: row.reported_at,
    documentId: row.document_id,
    statementOffset: row.statement_offset,
    url: row.url,
    quote: row.quote,
    speaker: row.speaker,
    watchRevision: row.watch_revision,
    packsRevision: row.packs_revision,
  };
}
