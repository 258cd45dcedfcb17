import { describe, expect, it } from '@jest/globals';
import { alertsBetween, changeTitle, compareAlerts, differingChanges } from './alerts.js';
import type { StanceChange } from './timeline.js';

const change = (claimId: string, from: StanceChange['from'], to: StanceChange['to'], knownAtPosition: number): StanceChange => ({
  watchId: 'w',
  actorId: 'russia',
  claimId,
  from,
  to,
  effectiveOn: { from: '2025-01-01', to: '2025-01-01', precision: 'day', basis: 'x' },
  documentId: null,
  knownAtPosition,
});

describe('alertsBetween', () => {
  it('announces new changes at their known-at position and nothing for unchanged ones', () => {
    const before = [change('a', null, 'deny', 3)];
    const after = [change('a', null, 'deny', 3), change('b', 'deny', 'confirm', 9)];
    expect(alertsBetween(before, after, 9)).toEqual([expect.objectContaining({ kind: 'changed', claimId: 'b', from: 'deny', to: 'confirm', position: 9 })]);
    expect(alertsBetween(after, after, 12)).toEqual([]);
  });

  it('announces an altered change (another from) as changed, and a vanished one as withdrawn at the given position', () => {
    const before = [change('a', null, 'deny', 3), change('b', 'deny', 'confirm', 9)];
    const after = [change('b', null, 'confirm', 12)];
    const alerts = alertsBetween(before, after, 12).sort(compareAlerts);
    expect(alerts.map((a) => [a.kind, a.claimId, a.from, a.to, a.position])).toEqual([
      ['withdrawn', 'a', null, 'deny', 12],
      ['changed', 'b', null, 'confirm', 12],
    ]);
  });
});

describe('differingChanges', () => {
  it('sets aside the rows that are the same objects in both lists, whatever their place', () => {
    const shared = [change('a', null, 'deny', 3), change('c', 'deny', 'neither', 5), change('d', 'neither', 'deny', 7)];
    const altered = change('c', 'confirm', 'neither', 8);
    const placed = change('b', 'deny', 'confirm', 8);
    const { removed, added } = differingChanges(shared, [shared[0]!, placed, altered, shared[2]!]);
    expect(removed).toEqual([shared[1]]);
    expect(added).toEqual([placed, altered]);
    expect(differingChanges(shared, [...shared])).toEqual({ removed: [], added: [] });
  });

  it('compares rows read back from the database (other objects, the same content) as all different, for the caller to compare by claim', () => {
    const stored = [change('a', null, 'deny', 3)];
    const folded = [change('a', null, 'deny', 3)];
    expect(differingChanges(stored, folded)).toEqual({ removed: stored, added: folded });
    expect(alertsBetween(stored, folded, 9)).toEqual([]);
  });

  it('finds a dropped row when the other list is as long', () => {
    const a = change('a', null, 'deny', 3);
    const b = change('b', 'deny', 'confirm', 5);
    const c = change('c', 'confirm', 'deny', 9);
    expect(differingChanges([a, b], [a, c])).toEqual({ removed: [b], added: [c] });
    expect(alertsBetween([a, b], [a, c], 9).map((x) => [x.kind, x.claimId])).toEqual([
      ['withdrawn', 'b'],
      ['changed', 'c'],
    ]);
  });
});

describe('changeTitle', () => {
  it('reads at a glance', () => {
    expect(changeTitle('Russia', 'neither', 'confirm')).toBe('Russia: neither → confirm');
    expect(changeTitle('Russia', null, 'deny')).toBe('Russia: no stance → deny');
  });
});
