import { describe, expect, it } from '@jest/globals';
import { alertsBetween, changeTitle, compareAlerts } from './alerts.js';
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

describe('changeTitle', () => {
  it('reads at a glance', () => {
    expect(changeTitle('Russia', 'neither', 'confirm')).toBe('Russia: neither → confirm');
    expect(changeTitle('Russia', null, 'deny')).toBe('Russia: no stance → deny');
  });
});
