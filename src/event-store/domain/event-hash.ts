// The hash chain, recomputed outside the database. Must build exactly the string that the trigger
// events_assign_position_and_hash (migrations/0001_event_log.sql) hashes: each field
// length-prefixed in UTF-8 bytes, null as length -1.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** A stored row in the textual form Postgres hashed it in. */
export interface ChainRow {
  position: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  /** jsonb rendered by Postgres (`data::text`): canonical, so the same value always hashes alike. */
  dataText: string;
  metadataText: string;
  idempotencyKey: string | null;
  /** recorded_at as microseconds since the epoch, as text. */
  recordedAtMicros: string;
  prevHash: string;
  hash: string;
}

export function eventHashInput(row: Omit<ChainRow, 'hash'>): string {
  const fields: (string | null)[] = [
    row.prevHash,
    String(row.position),
    row.streamId,
    String(row.streamVersion),
    row.eventId,
    row.type,
    row.dataText,
    row.metadataText,
    row.idempotencyKey,
    row.recordedAtMicros,
  ];
  return fields
    .map((f) => (f === null ? '-1:;' : `${Buffer.byteLength(f, 'utf8')}:${f};`))
    .join('');
}

export function eventHash(row: Omit<ChainRow, 'hash'>): string {
  return createHash('sha256').update(eventHashInput(row), 'utf8').digest('hex');
}

export type ChainProblemKind = 'missing-events' | 'duplicate-position' | 'out-of-order' | 'broken-link' | 'content-changed';

export interface ChainProblem {
  /** The first position where the log stops being what was recorded. */
  position: number;
  kind: ChainProblemKind;
  detail: string;
}

/**
 * Walks the log in position order and stops at the first row that does not follow from the
 * rows before it: a position seen twice (two writers on one embedded data folder), a gap
 * (removed events), a transaction time earlier than the previous row's (positions no longer in
 * commit order), a row whose prev_hash is not the previous row's hash (removed, inserted or
 * reordered events) or whose own hash does not match its content (edited).
 */
export class ChainVerifier {
  private expectedPosition = 1;
  private previousHash = GENESIS_HASH;
  private previousRecordedAt = -1n;
  private checked = 0;

  get eventsChecked(): number {
    return this.checked;
  }

  get headHash(): string {
    return this.previousHash;
  }

  /** `next`: the row read after this one, if known, so that a duplicate is named whichever copy comes first. */
  check(row: ChainRow, next?: ChainRow): ChainProblem | null {
    const other = next?.position === row.position ? next : row.position === this.expectedPosition - 1 && row.position > 0 ? row : null;
    if (other) {
      const ids = other === row ? row.eventId : `${row.eventId} and ${other.eventId}`;
      return { position: row.position, kind: 'duplicate-position', detail: `position ${row.position} is held by more than one event (${ids})` };
    }
    if (row.position !== this.expectedPosition) {
      return {
        position: this.expectedPosition,
        kind: 'missing-events',
        detail: `expected position ${this.expectedPosition}, found ${row.position}`,
      };
    }
    if (row.prevHash !== this.previousHash) {
      return {
        position: row.position,
        kind: 'broken-link',
        detail: `prev_hash ${row.prevHash.slice(0, 12)}… does not match the previous event's hash ${this.previousHash.slice(0, 12)}…`,
      };
    }
    const recordedAt = BigInt(row.recordedAtMicros);
    if (recordedAt < this.previousRecordedAt) {
      return {
        position: row.position,
        kind: 'out-of-order',
        detail: `recorded before the event at position ${row.position - 1}: positions must grow with commit time`,
      };
    }
    const recomputed = eventHash(row);
    if (recomputed !== row.hash) {
      return {
        position: row.position,
        kind: 'content-changed',
        detail: `stored hash ${row.hash.slice(0, 12)}… does not match the content's hash ${recomputed.slice(0, 12)}…`,
      };
    }
    this.expectedPosition++;
    this.previousHash = row.hash;
    this.previousRecordedAt = recordedAt;
    this.checked++;
    return null;
  }
}
