// Claims as the rest of the service stores them: one per (actor, stance) and sentence, with the
// strongest said-on of its statements and all their cue words as evidence. When an actor both
// declines and takes a side in one breath ("declined to comment on what he called fake news"),
// the side taken is the claim: `neither` yields to `deny`/`confirm` said on the same day(s).
// A label decides over a verb of the same speaker, whatever the stances: "dismissed the reports
// as contradictory" is neither, "baseless, and we do not confirm them" is deny.
// Rejecting another's claim named by a noun ("rejected the Israeli claim and said Israeli jets
// had bombed it", "called the other side's account a lie and blamed ...") is a word on that
// claim, not on the proposition: it yields to the same speaker's own confirm of the proposition.

import type { ClaimDraft } from '../../domain/vocabulary.js';
import { SAID_ON_STRENGTH, type DatedStatement } from './said-on.js';
import type { SentenceView } from './sentence-view.js';
import type { Statement } from './statements.js';

/** One claim per (actor, stance) and sentence, with the strongest said-on and all cue words. */
export function claimDrafts(watchId: string, view: SentenceView, statements: Statement[], dated: DatedStatement[]): ClaimDraft[] {
  const { start, end } = view.span;
  const byPair = new Map<string, { draft: ClaimDraft; strength: number; label: boolean; namedClaim: boolean; sameAct: boolean }>();
  statements.forEach((statement, index) => {
    if (!statement.claim) return;
    const cues = statement.claim.cueRanges.map(([from, to]) => view.textOf(from, to));
    const strength = SAID_ON_STRENGTH[dated[index].basis];
    const namedClaim = statement.claim.stance === 'deny' && statement.claim.cueRanges.every(([from, to]) => claimNounNear(view, from, to));
    // "rejected the claim ..., calling it a lie": the label is part of the rejecting act, whatever its date.
    const sameAct = namedClaim && statement.claim.cueRanges.every(([from]) => labelsPronoun(view, from));
    for (const actor of statement.actors) {
      const key = `${actor.actorId}\u0000${statement.claim.stance}`;
      const existing = byPair.get(key);
      if (existing) {
        existing.label ||= statement.claim.label;
        existing.namedClaim &&= namedClaim;
        existing.sameAct &&= sameAct;
        existing.draft.evidence.cues = [...new Set([...existing.draft.evidence.cues, ...cues])];
        existing.draft.speaker ??= actor.speaker;
        if (strength > existing.strength) {
          existing.draft.saidOn = dated[index].saidOn;
          existing.strength = strength;
        }
        continue;
      }
      byPair.set(key, {
        strength,
        namedClaim,
        sameAct,
        label: statement.claim.label,
        draft: {
          watchId,
          actorId: actor.actorId,
          speaker: actor.speaker,
          stance: statement.claim.stance,
          saidOn: dated[index].saidOn,
          evidence: { sentence: view.text.slice(start, end), start, end, cues },
        },
      });
    }
  });
  const all = [...byPair.values()];
  const entries = all.filter(
    (entry) =>
      !entry.namedClaim ||
      !all.some((other) => other.draft.stance === 'confirm' && (entry.sameAct ? other.draft.actorId === entry.draft.actorId : sameActorAndTime(other.draft, entry.draft))),
  );
  const labelled = entries.filter((entry) => entry.label).map((entry) => entry.draft);
  const drafts = entries
    .filter((entry) => entry.label || !labelled.some((label) => label.stance !== entry.draft.stance && sameActorAndTime(label, entry.draft)))
    .map((entry) => entry.draft);
  return drafts.filter((draft) => draft.stance !== 'neither' || !drafts.some((other) => takesSideAtSameTime(other, draft)));
}

function takesSideAtSameTime(other: ClaimDraft, neither: ClaimDraft): boolean {
  return other.stance !== 'neither' && sameActorAndTime(other, neither);
}

function sameActorAndTime(a: ClaimDraft, b: ClaimDraft): boolean {
  return a.actorId === b.actorId && a.saidOn.from === b.saidOn.from && a.saidOn.to === b.saidOn.to;
}

/** Words between a rejecting cue and the claim noun it rejects: "denied the Israeli account", "the account was a lie". */
const NAMED_CLAIM_REACH = 3;

/** A label right after a verb of labelling and its pronoun: "calling it a lie", "menyebutnya kebohongan". */
function labelsPronoun(view: SentenceView, from: number): boolean {
  const object = from - 1;
  if (object < 0) return false;
  if (view.is(object, 'labelVerb') && view.hasEnding(object, view.pack.pack.clitics)) return true;
  const verb = view.is(object, 'anaphoricObject') ? view.lexAt(object)!.start - 1 : -1;
  return verb >= 0 && view.is(verb, 'labelVerb');
}

/** A claim noun inside the cue or a few words either side of it. */
function claimNounNear(view: SentenceView, from: number, to: number): boolean {
  // "rejected the claim ..., calling it a lie", "menyebutnya kebohongan": a label of a pronoun
  // standing for a claim named before.
  if (labelsPronoun(view, from)) {
    for (let i = 0; i < from - 1; i++) if (view.pack.claimNouns.matchAt(view.tokens, i)) return true;
  }
  for (let i = Math.max(0, from - NAMED_CLAIM_REACH); i < Math.min(view.length, to + NAMED_CLAIM_REACH); i++) {
    if (view.pack.claimNouns.matchAt(view.tokens, i)) return true;
  }
  return false;
}
