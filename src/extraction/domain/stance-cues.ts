// Stance cues in a sentence, with the three things that change what a cue means:
// - a negation before it: "tidak membantah", "did not deny", "belum mengonfirmasi", "could not
//   confirm" say the actor did NOT take that stance. They map to `neither` (the actor declined
//   to commit), never to the opposite stance: not denying is not confirming;
// - a negated deny and confirm joined by "atau"/"maupun"/"nor": "tidak membantah maupun
//   membenarkan", "neither confirmed nor denied" is one `neither` cue, although both cue words
//   are present;
// - a hedge before it in its clause: "Jika dikonfirmasi ...", "if confirmed": no claim.

import type { Stance } from '../../domain/vocabulary.js';
import type { CueKind } from './language-pack.js';
import type { SentenceView } from './sentence-view.js';

export interface StanceCue {
  /** Token range of the cue words, end exclusive; a merged "tidak ... maupun ..." spans all of it. */
  start: number;
  end: number;
  stance: Stance;
  kind: CueKind;
  /**
   * The cue points back instead of naming its object ("menolak tuduhan tersebut", "denied the
   * reports", "no comment", "fake news"), so the proposition may be named in an earlier sentence.
   */
  contextual: boolean;
  /** Its object is a pronoun: "admitting it", "mengakuinya" (not "denied the reports"). */
  pronounObject: boolean;
  hedged: boolean;
  /** A passive recognised by its auxiliary ("was denied") needs "by" before its agent. */
  agentNeedsMarker: boolean;
  /** An accusation ("accused", "menuduh"): its object is the accused. */
  accusation: boolean;
  /** A pack `neither` cue, not a negated one: declining to answer ("declined to comment", "menolak berkomentar"). */
  declines: boolean;
}

interface RawCue {
  start: number;
  end: number;
  stance: Stance;
  kind: CueKind;
}

const NEGATION_REACH = 4;
/** A refusal reaches a cue after an infinitive marker across the words between: "refused during a briefing on Tuesday to confirm". */
const INFINITIVE_NEGATION_REACH = 9;
/**
 * A label or a noun is negated only by what stands right before it: "bukan berita palsu", "not
 * fake news", "no confirmation"; in "Hezbollah did not respond to Netanyahu's admission" the
 * negation is the verb's.
 */
const LABEL_NEGATION_REACH = 2;
const HEDGE_REACH = 6;
const PASSIVE_AUXILIARY_REACH = 3;
const ANAPHORIC_OBJECT_REACH = 3;

export function findStanceCues(view: SentenceView): StanceCue[] {
  const raw: RawCue[] = [];
  for (const lex of view.lexSpans) {
    const tag = lex.tags.find((candidate) => candidate.type === 'cue');
    if (tag?.type === 'cue') raw.push({ start: lex.start, end: lex.end, stance: tag.stance, kind: tag.kind });
  }
  const cues: StanceCue[] = [];
  for (let index = 0; index < raw.length; index++) {
    const cue = raw[index];
    const negationAt = negationBefore(view, cue.start, negationReach(view, cue));
    const partner = raw[index + 1];
    if (negationAt >= 0 && partner && isNeitherNorPair(view, cue, partner)) {
      cues.push(describe(view, { start: negationAt, end: partner.end, stance: 'neither', kind: cue.kind }, cue.start));
      index++;
      continue;
    }
    if (negationAt >= 0 && cue.stance === 'neither') continue; // "did not decline to comment": no stance
    const stance = negationAt >= 0 ? 'neither' : cue.stance;
    // "Neither Moscow nor Pyongyang has confirmed": the subject stands between, the cue starts after it.
    const start = negationAt >= 0 && !namesBetween(view, negationAt, cue.start) ? negationAt : cue.start;
    cues.push(describe(view, { ...cue, stance, start }, cue.start));
  }
  return cues;
}

function describe(view: SentenceView, cue: RawCue, cueWordStart: number): StanceCue {
  const passiveByAuxiliary = cue.kind === 'active' && (hasPassiveAuxiliary(view, cueWordStart) || hasNamedAgentAfter(view, cueWordStart, cue.end));
  return {
    ...cue,
    kind: passiveByAuxiliary ? 'passive' : cue.kind,
    agentNeedsMarker: passiveByAuxiliary,
    contextual:
      (cue.kind === 'labels' || cue.stance === 'neither' || pointsBack(view, cue.start, cue.end, cue.kind === 'passive' || passiveByAuxiliary)) &&
      !aboutAnotherThing(view, cue.end),
    pronounObject: view.hasEnding(cue.end - 1, view.pack.pack.clitics) || (view.is(cue.end, 'anaphoricObject') && !view.is(cue.end, 'demonstrative')),
    hedged: hedgeBefore(view, cue.start) || quoteOpensHypothesis(view, cue.start),
    accusation: view.is(cueWordStart, 'accusation'),
    declines: cue.stance === 'neither' && cue.start === cueWordStart,
  };
}

/** "membantah maupun membenarkan", "confirmed nor denied": opposite cues joined by a disjunction. */
function isNeitherNorPair(view: SentenceView, first: RawCue, second: RawCue): boolean {
  if (first.stance === 'neither' || second.stance === 'neither' || first.stance === second.stance) return false;
  const joint = view.lexAt(first.end);
  return joint !== undefined && joint.end === second.start && joint.tags.some((tag) => tag.type === 'disjunction');
}

function negationReach(view: SentenceView, cue: RawCue): number {
  if (cue.kind === 'labels' || cue.kind === 'nouns') return LABEL_NEGATION_REACH;
  return cue.start > 0 && view.is(cue.start - 1, 'infinitive') ? INFINITIVE_NEGATION_REACH : NEGATION_REACH;
}

function namesBetween(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.mentionCovering(i)?.actorId) return true;
  return false;
}

/**
 * Index of the negation that governs a cue starting at `start`, or -1. Actors' names and the
 * words joining them count for nothing: "Neither Moscow nor Pyongyang has confirmed".
 */
function negationBefore(view: SentenceView, start: number, reach: number): number {
  let words = 0;
  for (let i = start - 1; i >= 0 && words < reach; i--) {
    if (view.isBreak(i) || view.is(i, 'cue')) return -1;
    if (view.is(i, 'negation')) return view.lexAt(i)!.start;
    const name = view.mentionCovering(i);
    if (name?.actorId) i = name.start;
    // "tidak berada dalam yurisdiksi Swedia dan menolak mengungkapkan ...": "and" after a phrase
    // of other words starts a new verb, which the first one's negation does not reach.
    else if (view.is(i, 'coordinator') && followsOtherWords(view, i)) return -1;
    else if (!view.is(i, 'coordinator')) words++;
  }
  return -1;
}

/** Before "and" (past names, "yurisdiksi Swedia dan"), a word that is no negation: a phrase of its own ends there. "Neither Moscow nor Pyongyang" is one phrase. */
function followsOtherWords(view: SentenceView, coordinator: number): boolean {
  let i = coordinator - 1;
  while (i >= 0 && view.mentionCovering(i)?.actorId) i = view.mentionCovering(i)!.start - 1;
  return i >= 0 && view.tokens[i].isWord && !view.is(i, 'negation') && !view.is(i, 'coordinator');
}

/**
 * "“Kemungkinan bahwa ini adalah operasi bendera palsu untuk menyalahkan kelompok pro-Ukraina sama
 * besarnya ...,” kata Pistorius", "“The possibility that this was a false flag to blame ...”": a
 * quotation opened by a hedge and "that"/"bahwa" weighs a hypothesis, however far the cue stands.
 */
function quoteOpensHypothesis(view: SentenceView, at: number): boolean {
  const quote = view.quoteContaining(at);
  if (!quote) return false;
  let i = quote.open + 1;
  while (i < at && (view.is(i, 'demonstrative') || view.is(i, 'indefinite') || !view.tokens[i].isWord)) i++;
  if (i >= at || !(view.is(i, 'hedge') || view.is(i, 'speculation'))) return false;
  const next = view.lexAt(i)!.end;
  return next < at && view.is(next, 'complementizer');
}

function hedgeBefore(view: SentenceView, start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - HEDGE_REACH); i--) {
    if (view.isBreak(i)) return false;
    if (view.is(i, 'hedge')) return true;
  }
  return false;
}

function endsLikeParticiple(view: SentenceView, at: number): boolean {
  return view.pack.pack.grammar.passiveParticipleEndings.some((ending) => view.tokens[at].norm.endsWith(ending));
}

/** "was denied", "has been confirmed", "were not acknowledged"; not "is denying". */
function hasPassiveAuxiliary(view: SentenceView, start: number): boolean {
  if (!endsLikeParticiple(view, start)) return false;
  for (let i = start - 1; i >= Math.max(0, start - PASSIVE_AUXILIARY_REACH); i--) {
    if (view.isBreak(i)) return false;
    if (view.is(i, 'passiveAuxiliary')) return true;
  }
  return false;
}

/**
 * "a claim denied by Moscow", "an assessment confirmed by the Pentagon": a participle with an
 * actor named right after "by" is passive without an auxiliary ("confirmed by phone" is not).
 */
function hasNamedAgentAfter(view: SentenceView, start: number, end: number): boolean {
  if (start !== end - 1 || !endsLikeParticiple(view, start) || end >= view.length || !view.is(end, 'agentMarker')) return false;
  let i = view.lexAt(end)!.end;
  if (i < view.length && view.is(i, 'demonstrative')) i = view.lexAt(i)!.end;
  return Boolean(view.mentionStartingAt(i)?.actorId);
}

/**
 * "menolak tuduhan tersebut", "denied the reports", "membantahnya"; for a passive, the subject
 * before it: "Laporan itu dibantah", "It was denied".
 */
/**
 * "did not comment on the launch", "condemned the launch", "menolak berkomentar soal peluncuran
 * itu": after the cue's preposition or determiner, a plain noun the pack knows nothing of (no
 * topic term, claim, deed, statement or generic noun such as "the matter", "hal itu") names
 * what the cue is about, which is then not the proposition of a sentence before.
 */
function aboutAnotherThing(view: SentenceView, end: number): boolean {
  let skipped = false;
  for (let i = end; i < Math.min(view.length, end + ANAPHORIC_OBJECT_REACH + 1); i++) {
    if (view.isBreak(i) || view.tokens[i].quoted || view.mentionCovering(i)) return false;
    if (view.is(i, 'preposition') || view.is(i, 'demonstrative') || view.is(i, 'anaphoricObject')) {
      skipped = true;
      i = view.lexAt(i)!.end - 1;
      continue;
    }
    const token = view.tokens[i];
    const plainNoun = token.isWord && !token.isCapitalized && !view.lexAt(i) && !view.pack.dateWords.matchAt(view.tokens, i) && !view.pack.claimNouns.matchAt(view.tokens, i);
    // "mengecam peluncuran itu": where the demonstrative follows its noun, it marks the noun.
    const marked = view.pack.pack.references.demonstrativePosition === 'after' && i + 1 < view.length && view.is(i + 1, 'demonstrative');
    return plainNoun && (skipped || marked);
  }
  return false;
}

function pointsBack(view: SentenceView, start: number, end: number, passive: boolean): boolean {
  // "membantahnya": a clitic after a verb is its object pronoun.
  if (view.hasEnding(end - 1, view.pack.pack.clitics)) return true;
  for (let i = end; i < Math.min(view.length, end + ANAPHORIC_OBJECT_REACH); i++) {
    if (view.isBreak(i)) break;
    if (view.is(i, 'anaphoricObject')) return true;
  }
  if (!passive) return false;
  for (let i = start - 1; i >= Math.max(0, start - ANAPHORIC_OBJECT_REACH - PASSIVE_AUXILIARY_REACH); i--) {
    if (view.isBreak(i)) break;
    if (view.is(i, 'anaphoricObject')) return true;
  }
  return false;
}
