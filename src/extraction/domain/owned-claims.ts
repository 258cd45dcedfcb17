// Claims named by a noun and owned by an actor: "the US claim that ...", "claims by the US State
// Department that ...", "NATO's assessment", "confirming an assessment NATO made a day earlier",
// "klaim AS bahwa ...", "penilaian yang dibuat NATO sehari sebelumnya". The owner made that
// claim, whoever the sentence's speaker is, so it is a statement of the owner:
// - with its words ("that ..."/"bahwa ..."), it takes the stance they take (assertions.ts);
// - without them, it is what another statement of the sentence takes a stance on ("confirming
//   an assessment", "rejected claims by", "declined to confirm the NATO assessment"): an
//   assessment or report of the proposition, so the owner confirms it.
// The answering statement's stance is toward that claim: rejecting a claim that denies the
// proposition confirms it ("dismissed Pyongyang's claim that no troops were sent").
// Its date is its own ("a day earlier", "on Monday") or else it came before the statement that
// answers it (said-on.ts bounds it by that one's date). The speaker's own stance toward it is
// the answering statement's: "did not dispute the US claim that ..." is no confirm by the
// speaker (bearing.ts, othersClaimBefore).

import { complementAfter, opensRelativeClause } from './attribution.js';
import { assertedStance } from './assertions.js';
import type { SentenceReferences } from './references.js';
import type { SentenceView } from './sentence-view.js';
import type { Statement } from './statements.js';
import type { Mention } from './watch-matcher.js';

/** Words between a claim noun and its owner after it: "claims by the US State Department". */
const OWNER_REACH = 4;
/** Words between a statement's cue and the claim noun it takes as object: "confirming an assessment". */
const OBJECT_REACH = 2;

interface Owner {
  mention: Mention;
  /** Where the phrase naming the claim and its owner ends. */
  end: number;
}

/** The statements of actors whose claims the sentence names, given the sentence's other statements. */
export function ownedClaims(view: SentenceView, refs: SentenceReferences, answers: readonly Statement[]): Statement[] {
  const found: Statement[] = [];
  // A claim noun stands alone or inside a cue ("rejected the claims"): most sentences have neither.
  if (!view.lexSpans.some((lex) => lex.tags.some((tag) => tag.type === 'claimNoun' || tag.type === 'cue'))) return found;
  for (let i = 0; i < view.length; i++) {
    const noun = view.tokens[i].quoted ? null : view.pack.claimNouns.matchAt(view.tokens, i);
    if (!noun) continue;
    i = noun.end - 1;
    const owner = ownerOf(view, refs, noun.start, noun.end);
    if (!owner) continue;
    const actors = refs.actorsOf([owner.mention]);
    const ownerId = owner.mention.actorId;
    const others = answers.filter((statement) => statement.claim && statement.actors.every((actor) => actor.actorId !== ownerId));
    const phraseStart = Math.min(noun.start, owner.mention.start);
    const answer = others.find((statement) => takesAsObject(view, statement, phraseStart)) ?? null;
    const words = wordsBeforeAside(view, complementAfter(view, owner.end) ?? saidInRelativeClause(view, owner.end));
    // "Zedland denied the Freedonian account", "said Freedonia's version was a lie": the agent's
    // own account of its deed, its words not given, is what it says against the accusation; no
    // confirm by the agent, and rejecting it takes the other side.
    if (!words && ownerId === view.watch.watch.agent) {
      for (const statement of others) {
        if (statement.claim?.stance === 'deny' && cueNear(view, statement, noun.start, Math.max(noun.end, owner.end))) statement.claim = { ...statement.claim, stance: 'confirm' };
      }
      continue;
    }
    const claim = words ? wordsOfClaim(view, refs, words, actors) : answer ? { stance: 'confirm' as const, cueRanges: [[noun.start, noun.end] as [number, number]], label: false } : null;
    if (!claim) continue;
    // "dismissed Pyongyang's claim that no troops were sent": rejecting a denial is not denying.
    if (words && answer?.claim && claim.stance === 'deny' && answer.claim.stance !== 'neither' && !answer.claim.label) {
      answer.claim = { ...answer.claim, stance: answer.claim.stance === 'deny' ? 'confirm' : 'deny' };
    }
    found.push({
      actors,
      anchors: [noun.start, owner.end - 1],
      excluded: words,
      claim,
      topLevel: false,
      answeredBy: answer ?? nearestBefore(others, noun.start),
    });
  }
  return found;
}

/**
 * "klaim Zedland yang menyebut telah menembak jatuh ...", "the claim by Zedland, which said it had
 * downed ...": a relative clause whose verb is one of saying gives the claim's words after it (past
 * its own "that"/"bahwa"), as "that ..." right after the noun does.
 */
function saidInRelativeClause(view: SentenceView, at: number): { start: number; end: number } | null {
  let i = at;
  if (i < view.length && view.tokens[i].text === ',') i++;
  if (i >= view.length || !view.is(i, 'relativizer')) return null;
  const verb = view.lexAt(i)!.end;
  if (verb >= view.length || !view.is(verb, 'attribution')) return null;
  return complementAfter(view, verb) ?? { start: view.lexAt(verb)!.end, end: view.length };
}

function wordsOfClaim(view: SentenceView, refs: SentenceReferences, words: { start: number; end: number }, actors: Statement['actors']): Statement['claim'] {
  const asserted = assertedStance(view, refs, words.start, words.end, actors);
  return asserted ? { stance: asserted.stance, cueRanges: asserted.topicRanges, label: false } : null;
}

/**
 * The owner of a claim noun (or of a statement noun, said-on.ts): named before it ("the US
 * claim", "NATO's assessment", "the South Korean intelligence assessment") where the language
 * puts possessors first, else after it ("klaim AS"); or after "by", a relative word or a verb of
 * making ("claims by the US", "penilaian yang dibuat NATO", "the report that Freedonia issued",
 * "an assessment NATO made").
 */
export function ownerOf(view: SentenceView, refs: SentenceReferences, start: number, end: number): Owner | null {
  const possessorAfter = view.pack.pack.grammar.possessorPosition === 'after';
  if (!possessorAfter) {
    let k = start;
    while (k > 0 && view.is(k - 1, 'roleNoun') && !view.mentionCovering(k - 1)) k = view.lexAt(k - 1)!.start;
    const before = view.mentionEndingAt(k);
    if (before && isOwner(refs, before)) return { mention: before, end };
  }
  let i = end;
  let linked = possessorAfter;
  if (i < view.length && (view.is(i, 'relativizer') || opensRelativeClause(view, i))) i = view.lexAt(i)!.end;
  if (i < view.length && view.is(i, 'statementMaker')) {
    i = view.lexAt(i)!.end;
    linked = true;
  }
  if (i < view.length && view.is(i, 'agentMarker')) {
    i = view.lexAt(i)!.end;
    linked = true;
  }
  while (i < Math.min(view.length, end + OWNER_REACH) && !view.mentionStartingAt(i) && (view.is(i, 'demonstrative') || view.is(i, 'roleNoun'))) {
    i = view.lexAt(i)!.end;
  }
  const mention = view.mentionStartingAt(i);
  if (!mention || !isOwner(refs, mention)) return null;
  let after = mention.end;
  while (after < view.length && (view.is(after, 'roleNoun') || view.mentionCovering(after)?.actorId === mention.actorId)) after = view.lexAt(after)?.end ?? after + 1;
  if (linked) return { mention, end: after };
  // "an assessment NATO made": the name is the subject of a verb of making; before any other
  // verb ("the claims Sylvania denied") it is someone answering the claim, not its owner.
  return after < view.length && view.is(after, 'statementMaker') ? { mention, end: view.lexAt(after)!.end } : null;
}

function isOwner(refs: SentenceReferences, mention: Mention): boolean {
  return mention.actorId !== null && !refs.isMasked(mention) && !refs.isInTopicPhrase(mention);
}

/**
 * The statement's cue (or verb) takes the claim's phrase as its object: "confirming an
 * assessment", "declined to confirm the NATO assessment", "rejected claims by".
 */
function takesAsObject(view: SentenceView, statement: Statement, phrase: number): boolean {
  const [start, end] = statement.claim!.cueRanges[0];
  if (phrase >= start && phrase < end) return true;
  if (end > phrase || phrase - end > OBJECT_REACH) return false;
  for (let i = end; i < phrase; i++) if (view.isBreak(i) || view.mentionCovering(i)) return false;
  return true;
}

/**
 * "rejected Freedonia's claim that rebels set off the blasts, calling it a lie ...", "... dan
 * menyebutnya kebohongan": the claim's words end at a comma or "and" before a verb of saying,
 * labelling or a stance, which the sentence's subject says about the claim.
 */
function wordsBeforeAside(view: SentenceView, words: { start: number; end: number } | null): { start: number; end: number } | null {
  if (!words) return null;
  for (let i = words.start; i < words.end - 1; i++) {
    if (view.tokens[i].quoted || !(view.tokens[i].text === ',' || view.is(i, 'coordinator'))) continue;
    // "..., calling it", "... dan menyebutnya", "..., and called it".
    let next = view.lexAt(i)?.end ?? i + 1;
    if (view.tokens[i].text === ',' && next < words.end && view.is(next, 'coordinator')) next = view.lexAt(next)!.end;
    if (next < words.end && (view.is(next, 'labelVerb') || view.is(next, 'attribution') || view.tagAt(next, 'cue')?.kind === 'active')) return { start: words.start, end: i };
  }
  return words;
}

/** Words between a rejecting cue and the claim noun: "denied the Israeli account", "the account was a lie". */
const NAMED_CLAIM_REACH = 3;

/** Words of the claim noun's own phrase before what is said of it: "the Freedonian account of the strike was a lie". */
const CLAIM_PHRASE_REACH = 6;

function cueNear(view: SentenceView, statement: Statement, nounStart: number, nounEnd: number): boolean {
  return statement.claim!.cueRanges.some(([from, to]) => {
    if (to > nounStart - NAMED_CLAIM_REACH && from < nounEnd + NAMED_CLAIM_REACH) return true;
    if (from < nounEnd || from >= nounEnd + CLAIM_PHRASE_REACH) return false;
    for (let i = nounEnd; i < from; i++) if (view.isBreak(i) || view.is(i, 'complementizer') || view.mentionCovering(i)?.actorId) return false;
    return true;
  });
}

function nearestBefore(statements: readonly Statement[], position: number): Statement | null {
  let nearest: Statement | null = null;
  for (const statement of statements) {
    if (statement.anchors[0] < position && (!nearest || statement.anchors[0] > nearest.anchors[0])) nearest = statement;
  }
  return nearest;
}
