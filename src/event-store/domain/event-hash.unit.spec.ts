import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ChainVerifier, eventHash, eventHashInput, GENESIS_HASH, type ChainRow } from './event-hash.js';

function chain(count: number, recordedAt = (position: number) => 1_730_000_000_000_000 + position): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let position = 1; position <= count; position++) {
    const row = {
      position,
      streamId: `doc-${position % 2}`,
      streamVersion: Math.ceil(position / 2),
      eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      type: 'ClaimRecorded',
      dataText: `{"stance": "deny", "n": ${position}}`,
      metadataText: '{}',
      idempotencyKey: position === 2 ? 'poll:1' : null,
      recordedAtMicros: String(recordedAt(position)),
      prevHash,
    };
    const hash = eventHash(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  return rows;
}

function firstProblem(rows: ChainRow[]) {
  const verifier = new ChainVerifier();
  for (const [i, row] of rows.entries()) {
    const problem = verifier.check(row, rows[i + 1]);
    if (problem) return problem;
  }
  return null;
}

describe('event hash chain', () => {
  it('length-prefixes fields in UTF-8 bytes so that shifting text between fields changes the hash', () => {
    const row = chain(1)[0]!;
    expect(eventHashInput({ ...row, streamId: 'ab', type: 'c' })).not.toBe(eventHashInput({ ...row, streamId: 'a', type: 'bc' }));
    expect(eventHashInput({ ...row, streamId: 'é' })).toContain('2:é;');
    expect(eventHashInput({ ...row, idempotencyKey: null })).toContain('-1:;');
    expect(eventHashInput({ ...row, idempotencyKey: '' })).toContain('0:;');
    expect(eventHash(row)).toBe(createHash('sha256').update(eventHashInput(row)).digest('hex'));
  });

  it('accepts an intact chain', () => {
    expect(firstProblem(chain(5))).toBeNull();
  });

  it('names an edited event', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, dataText: '{"stance": "confirm", "n": 3}' };
    expect(firstProblem(rows)).toMatchObject({ position: 3, kind: 'content-changed' });
  });

  it('names the first missing position when an event was removed', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(firstProblem(rows)).toMatchObject({ position: 2, kind: 'missing-events' });
  });

  it('names a position held by two events, not the gap after it', () => {
    const rows = chain(5);
    rows.splice(2, 1, { ...rows[2]!, position: 2, eventId: 'second-at-2' });
    expect(firstProblem(rows)).toMatchObject({ position: 2, kind: 'duplicate-position' });
    expect(firstProblem(rows)!.detail).toContain('second-at-2');
    // The intruder read first (ordered by event id) is still named a duplicate, not a broken link.
    const intruderFirst = [rows[0]!, rows[2]!, rows[1]!, rows[3]!, rows[4]!];
    expect(firstProblem(intruderFirst)).toMatchObject({ position: 2, kind: 'duplicate-position' });
  });

  it('names the first event recorded before its predecessor, even with its hash chained anew', () => {
    const rows = chain(5, (position) => 1_730_000_000_000_000 + (position === 4 ? 0 : position));
    expect(firstProblem(rows)).toMatchObject({ position: 4, kind: 'out-of-order' });
  });

  it('names a reordered event even when positions were renumbered to hide it', () => {
    const rows = chain(5);
    const swapped = [rows[0]!, { ...rows[2]!, position: 2 }, { ...rows[1]!, position: 3 }, rows[3]!, rows[4]!];
    expect(firstProblem(swapped)).toMatchObject({ position: 2, kind: 'broken-link' });
  });
});
