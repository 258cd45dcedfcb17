// Re-running a newer extractor over a stored document records the difference as events, never
// as edits: claims the new version no longer finds are superseded, claims it newly finds are
// recorded, and claims both versions find stay as they are (their ids, their history, and any
// analyst's rejection of them). Pure.
import type { ArticleDocument, ClaimDraft, ClaimRecorded, ClaimSuperseded, ConfigRevisions } from '../../domain/vocabulary.js';
import { claimRecorded } from './claim-events.js';

/** What makes two versions' claims the same claim: who, what, when and where in the text. */
export function claimContentKey(claim: ClaimDraft): string {
  const { saidOn, evidence } = claim;
  return [claim.watchId, claim.actorId, claim.stance, claim.speaker ?? '', saidOn.from ?? '', saidOn.to, saidOn.precision, evidence.start, evidence.end].join('|');
}

/**
 * The events that bring a document's extracted claims from `recorded` (those still in force,
 * from any earlier version) to what `version` finds now (`fresh`). `revisionsOf` names the
 * watch and pack revisions the new claims were read with.
 */
export function reextractionEvents(
  doc: ArticleDocument,
  recorded: readonly ClaimRecorded['data'][],
  fresh: readonly ClaimDraft[],
  version: string,
  revisionsOf: (watchId: string) => ConfigRevisions | undefined = () => undefined,
): (ClaimRecorded | ClaimSuperseded)[] {
  const freshKeys = new Set(fresh.map(claimContentKey));
  const recordedKeys = new Set(recorded.map(claimContentKey));
  const superseded = recorded
    .filter((claim) => !freshKeys.has(claimContentKey(claim)))
    .map((claim): ClaimSuperseded => ({
      type: 'ClaimSuperseded',
      data: { claimId: claim.claimId, byExtractorVersion: version, reason: `extractor ${version} no longer finds this claim (recorded by ${claim.recordedBy})` },
    }));
  const added = fresh.filter((draft) => !recordedKeys.has(claimContentKey(draft))).map((draft) => claimRecorded(doc, draft, version, revisionsOf(draft.watchId)));
  return [...superseded, ...added];
}

/** The extractor's claims on a document still in force, from the events of its claims stream. */
export function claimsInForce(stream: readonly { type: string; data: unknown }[]): ClaimRecorded['data'][] {
  const superseded = new Set(stream.filter((e) => e.type === 'ClaimSuperseded').map((e) => (e.data as ClaimSuperseded['data']).claimId));
  return stream
    .filter((e) => e.type === 'ClaimRecorded')
    .map((e) => e.data as ClaimRecorded['data'])
    .filter((claim) => !superseded.has(claim.claimId));
}
