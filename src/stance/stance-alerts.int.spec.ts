import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seededPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { serverBackends, type TestDatabase } from '../../test/support/test-database.js';

// The outbox the projection writes in its transaction: what webhooks and the live stream announce.
describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('stance alerts on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;

  beforeAll(async () => {
    ({ database, p } = await seededPipeline(kind));
  });
  afterAll(async () => {
    await database.close();
  });

  const allAlerts = () => p.stances.alerts({ limit: 10_000 });

  it('announces every stored stance change once, at its known-at position, in log order', async () => {
    const alerts = await allAlerts();
    const stored = await p.queries.storedChanges(WATCH);
    expect(stored.length).toBeGreaterThan(3);
    const key = (c: { actorId: string; claimId: string; from: string | null; to: string }) => `${c.actorId}|${c.claimId}|${c.from}|${c.to}`;
    expect(alerts.every((a) => a.kind === 'changed')).toBe(true);
    expect(alerts.map(key).sort()).toEqual(stored.map(key).sort());
    for (const change of stored) expect(alerts.find((a) => key(a) === key(change))!.position).toBe(change.knownAtPosition);
    const positions = alerts.map((a) => a.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Each alert carries the quote and the article it rests on.
    expect(alerts.every((a) => a.claim?.claimId === a.claimId && a.claim.quote.length > 0)).toBe(true);
    expect(alerts.filter((a) => a.document).every((a) => a.document!.outlet.length > 0)).toBe(true);
  });

  it('a rejection announces the withdrawn change at the rejection position, and a repeated stance nothing', async () => {
    const before = await p.stances.lastAlertId();
    const russia = (await p.queries.stances(WATCH)).stances.find((s) => s.actor === 'russia')!;
    const rejection = await p.corrections.reject(russia.since!.claim.claimId, { reason: 'misattributed', analyst: 'ana' });
    await p.runner.catchUp();
    const after = await p.stances.alerts({ afterAlertId: before, limit: 100 });
    expect(after).toContainEqual(
      expect.objectContaining({ kind: 'withdrawn', actorId: 'russia', claimId: russia.since!.claim.claimId, to: 'confirm', position: rejection.position }),
    );
    expect(after.every((a) => a.position === rejection.position)).toBe(true);

    // An analyst's claim repeating the stance Russia now has changes nothing: no alert.
    const stance = (await p.queries.stances(WATCH)).stances.find((s) => s.actor === 'russia')!.stance!;
    const last = await p.stances.lastAlertId();
    await p.corrections.record({ watch: WATCH, actor: 'russia', stance, saidOn: '2025-12-01', quote: 'Still the same.', url: 'https://example.org/same', analyst: 'ana' });
    await p.runner.catchUp();
    expect(await p.stances.lastAlertId()).toBe(last);
  });

  it('a rebuild announces nothing again', async () => {
    const last = await p.stances.lastAlertId();
    await p.projection.rebuild();
    expect(await p.stances.lastAlertId()).toBe(last);
  });
});
