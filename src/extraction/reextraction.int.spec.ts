import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClaimRecorded } from '../domain/vocabulary.js';
import { seededPipeline, WATCH, type Pipeline } from '../../test/support/pipeline.js';
import { backends, type TestDatabase } from '../../test/support/test-database.js';
import { extractClaims } from './domain/extract.js';
import type { Extractor } from './reextraction.service.js';

describe.each(backends)('reextract on %s', (kind) => {
  let database: TestDatabase;
  let p: Pipeline;

  beforeAll(async () => {
    ({ database, p } = await seededPipeline(kind));
  });
  afterAll(async () => {
    await database.close();
  });

  it('the version that read the documents finds nothing to change', async () => {
    const head = (await p.events.head()).position;
    const report = await p.reextraction.run();
    expect(report).toMatchObject({ documents: 5, documentsChanged: 0, superseded: 0, recorded: 0 });
    expect((await p.events.head()).position).toBe(head);
  });

  it('a newer version records the difference as events, and the projection follows', async () => {
    const russiaBefore = await p.queries.history(WATCH, 'russia');
    const confirmChange = russiaBefore.changes.at(-1)!;
    // "rules-test-2" no longer reads Russia's 26 April confirmation in seed 001 and reads the same
    // sentence as "neither" instead; everything else it finds as rules-1 did.
    const newer: Extractor = (doc, watch, packs) =>
      extractClaims(doc, watch, packs).map((draft) =>
        draft.actorId === 'russia' && draft.stance === 'confirm' && draft.evidence.sentence === confirmChange.claim.quote
          ? { ...draft, stance: 'neither' as const }
          : draft,
      );
    const head = (await p.events.head()).position;
    const report = await p.reextraction.run({ version: 'rules-test-2', extract: newer });
    expect(report).toMatchObject({ documentsChanged: 1, superseded: 1, recorded: 1 });

    const written = await p.events.readAll(head);
    expect(written.map((e) => e.type)).toEqual(['ClaimSuperseded', 'ClaimRecorded']);
    expect(written[0]!.data).toMatchObject({ claimId: confirmChange.claim.claimId, byExtractorVersion: 'rules-test-2' });
    expect((written[1]!.data as ClaimRecorded['data']).recordedBy).toBe('rules-test-2');

    await p.runner.catchUp();
    const after = await p.queries.history(WATCH, 'russia');
    expect(after.claims.find((c) => c.claimId === confirmChange.claim.claimId)).toMatchObject({
      status: 'superseded',
      drops: [expect.objectContaining({ kind: 'superseded', by: 'rules-test-2' })],
    });
    // Russia still confirms (seed 000's report of Gerasimov), but no longer from the superseded claim.
    expect(after.changes.map((c) => c.claim.claimId)).not.toContain(confirmChange.claim.claimId);

    // Running the same version again changes nothing.
    const again = await p.reextraction.run({ version: 'rules-test-2', extract: newer });
    expect(again).toMatchObject({ documentsChanged: 0 });
  });
});
