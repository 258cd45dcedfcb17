// The statements of one sentence: who took which stance, by which words.
//
// Two sources, in the manner of event coders (actor dictionary + verb patterns):
// - a stance cue ("membantah", "confirmed", "no comment", "berita palsu") and the actor it
//   belongs to: the subject before an active verb ("Seoul mengatakan Moskow membantah" → Moscow;
//   "Zelensky menuduh Korea Utara" → Ukraine, the accuser), the agent of a passive ("dibantah
//   Moskow"), the possessor of a noun ("bantahan Kremlin"), whoever says a label ("“... berita
//   palsu,” kata Peskov");
// - an attributed assertion of the proposition itself: an actor's reported words that name the
//   proposition with no cue, hedge or other speaker in them ("kata kepala intelijen Ukraina:
//   tentara Korea Utara terlihat di Kursk") confirm it, or deny it when negated ("tidak ada
//   tentara Korea Utara di Rusia").
// Every attribution with a known speaker is a statement too, even without a claim: its date
// carries over to the same speaker's next sentences ("“...,” kata Putin pada 24 Oktober. ...
// “... urusan kami,” kata Putin.").

import type { Stance } from '../../domain/vocabulary.js';
import { complementAfter, findAttributions, resolveReference, type Attribution } from './attribution.js';
import { continued, type Resolution, type ResolvedActor, type SentenceReferences } from './references.js';
import type { SentenceView } from './sentence-view.js';
import { findStanceCues, type StanceCue } from './stance-cues.js';

export interface Statement {
  actors: ResolvedActor[];
  /** Token positions that date phrases and past markers attach to. */
  anchors: number[];
  /** Reported words: date phrases inside them are about the content, not the statement. */
  excluded: { start: number; end: number } | null;
  claim: { stance: Stance; cueRanges: [number, number][] } | null;
  /** Said by the narrator's subject, not inside a quotation or reported speech. */
  topLevel: boolean;
}

export interface SentenceStatements {
  statements: Statement[];
  /** Who speaks at the end of the sentence, for "tambahnya" and "dia" in the next one. */
  lastSpeaker: Resolution;
}

export interface SentenceContext {
  lastSpeaker: Resolution;
  /** The proposition was named in this sentence or shortly before. */
  topicInContext: boolean;
}

/** A negation this close before a topic term negates the reported proposition. */
const ASSERTION_NEGATION_REACH = 3;

export function findStatements(
  view: SentenceView,
  refs: SentenceReferences,
  dateTokens: ReadonlySet<number>,
  context: SentenceContext,
): SentenceStatements {
  const attributions = findAttributions(view, refs, dateTokens, context);
  const scopes = new Scopes(view, attributions, context.lastSpeaker);
  const cues = findStanceCues(view);
  const sentenceOnTopic = view.isOnTopic();
  const statements: Statement[] = [];
  // Who acted in the sentence even where it claims nothing: "they" in the next sentence is them.
  const subjects: [number, Resolution][] = [];

  for (const cue of cues) {
    if (cue.hedged) continue;
    const inContext = sentenceOnTopic || (cue.contextual && context.topicInContext);
    const resolution = actorsOfCue(cue, view, refs, scopes, context.lastSpeaker);
    if (resolution.kind !== 'actors') continue;
    if (!inContext) {
      if (!scopes.attributionAround(cue.start) && !view.tokens[cue.start].quoted) subjects.push([cue.start, resolution]);
      continue;
    }
    const attribution = scopes.attributionAround(cue.start);
    const likewise = attribution || view.tokens[cue.start].quoted ? [] : refs.actorsOf(refs.likewiseAfter(cue.end));
    statements.push({
      actors: [...resolution.actors, ...likewise.filter((actor) => !resolution.actors.some((other) => other.actorId === actor.actorId))],
      anchors: attribution ? [cue.start, attribution.verbStart] : [cue.start],
      // "membantah bahwa tentara tiba pada hari Senin": Monday dates the arrival, not the denial.
      excluded: complementAfter(view, cue.end),
      claim: { stance: cue.stance, cueRanges: [[cue.start, cue.end]] },
      topLevel: !attribution && !view.tokens[cue.start].quoted,
    });
  }

  for (const attribution of attributions) {
    if (attribution.speaker.kind !== 'actors') continue;
    statements.push({
      actors: attribution.speaker.actors,
      anchors: [attribution.verbStart],
      excluded: attribution.content,
      claim: assertionOf(attribution, attributions, cues, view),
      topLevel: attribution.topLevel,
    });
  }

  return { statements, lastSpeaker: speakerAtEnd(statements, attributions, subjects, context.lastSpeaker) };
}

function actorsOfCue(cue: StanceCue, view: SentenceView, refs: SentenceReferences, scopes: Scopes, lastSpeaker: Resolution): Resolution {
  const scope = scopes.speakerAt(cue.start);
  const named = (mentions: ReturnType<SentenceReferences['possessorOf']>): Resolution | null =>
    mentions ? { kind: 'actors', actors: refs.actorsOf(mentions) } : null;
  switch (cue.kind) {
    case 'passive':
      return named(refs.agentAfter(cue.end, cue.agentNeedsMarker)) ?? scope ?? { kind: 'none' };
    case 'nouns':
      return named(refs.possessorOf(cue.start, cue.end)) ?? scope ?? { kind: 'none' };
    case 'labels': {
      if (scope) return scope;
      const quote = view.quoteContaining(cue.start);
      const from = quote ? quote.open : cue.start;
      return resolveReference(refs.subjectBefore(from, clauseStart(view, from)), view, refs, null, lastSpeaker);
    }
    case 'active': {
      const found = refs.subjectBefore(cue.start, clauseStart(view, cue.start));
      if (!found) return scope ?? { kind: 'none' };
      return resolveReference(found, view, refs, scope, lastSpeaker);
    }
  }
}

/**
 * Where the clause of a position starts: its quotation, else after the last "bahwa"/"that" —
 * unless a comma closed that clause: in "denied that troops were in Russia, before admitting
 * it" the subject of "admitting" is before "that".
 */
function clauseStart(view: SentenceView, position: number): number {
  const quote = view.quoteContaining(position);
  if (quote) return quote.open + 1;
  for (let i = position - 1; i >= 0; i--) {
    if (view.tokens[i].quoted) continue;
    if (view.tokens[i].text === ',') return 0;
    if (view.is(i, 'complementizer')) return i + 1;
  }
  return 0;
}

function assertionOf(attribution: Attribution, attributions: Attribution[], cues: StanceCue[], view: SentenceView): Statement['claim'] {
  const { start, end } = attribution.content;
  if (end <= start || !view.isOnTopic(start, end)) return null;
  if (cues.some((cue) => cue.start >= start && cue.start < end)) return null;
  const speakers = new Set(actorIds(attribution.speaker));
  const relaysOther = attributions.some(
    (inner) => inner !== attribution && inner.verbStart >= start && inner.verbStart < end &&
      actorIds(inner.speaker).some((actorId) => !speakers.has(actorId)),
  );
  if (relaysOther || hedgedBeforeTopic(view, start, end)) return null;
  return {
    stance: negatesTopic(view, start, end) ? 'deny' : 'confirm',
    cueRanges: [[attribution.verbStart, attribution.verbEnd], ...topicTermRanges(view, start, end)],
  };
}

function actorIds(resolution: Resolution): string[] {
  return resolution.kind === 'actors' ? resolution.actors.map((actor) => actor.actorId) : [];
}

/** "jika pasukan Korea Utara dikerahkan", "if North Korean troops were sent". */
function hedgedBeforeTopic(view: SentenceView, start: number, end: number): boolean {
  const seen = new Set<number>();
  for (let i = start; i < end; i++) {
    if (view.is(i, 'hedge')) return true;
    view.mentionStartingAt(i)?.topicGroups.forEach((group) => seen.add(group));
    if (seen.size === view.watch.topicGroupCount) return false;
  }
  return false;
}

/** "tidak ada tentara Korea Utara", "no North Korean troops", "has not sent troops". */
function negatesTopic(view: SentenceView, start: number, end: number): boolean {
  return view.mentions.some((mention) => {
    if (mention.start < start || mention.end > end || mention.topicGroups.length === 0) return false;
    for (let i = mention.start - 1; i >= Math.max(start, mention.start - ASSERTION_NEGATION_REACH); i--) {
      if (view.isBreak(i)) return false;
      if (view.is(i, 'negation')) return true;
    }
    return false;
  });
}

/** The first term of each topic group: the words that made the assertion about the proposition. */
function topicTermRanges(view: SentenceView, start: number, end: number): [number, number][] {
  const seen = new Set<number>();
  const ranges: [number, number][] = [];
  for (const mention of view.mentions) {
    if (mention.start < start || mention.end > end) continue;
    if (mention.topicGroups.some((group) => !seen.has(group))) {
      mention.topicGroups.forEach((group) => seen.add(group));
      ranges.push([mention.start, mention.end]);
    }
  }
  return ranges;
}

function speakerAtEnd(statements: Statement[], attributions: Attribution[], subjects: [number, Resolution][], previous: Resolution): Resolution {
  const events: [number, Resolution][] = [
    ...subjects,
    ...statements.filter((statement) => statement.topLevel).map((statement): [number, Resolution] => [
      statement.anchors[0],
      { kind: 'actors', actors: statement.actors },
    ]),
    ...attributions
      .filter((attribution) => attribution.topLevel && attribution.speaker.kind === 'other')
      .map((attribution): [number, Resolution] => [attribution.verbStart, attribution.speaker]),
  ];
  if (events.length === 0) return previous;
  return events.reduce((latest, event) => (event[0] >= latest[0] ? event : latest))[1];
}

/** A sentence that is only a quotation continues the previous speaker's words. */
function isStandaloneQuote(view: SentenceView): boolean {
  return view.tokens.every((token, i) => token.quoted || view.isPunctuation(i));
}

/** Whose words surround a position: the speaker of the attribution or quotation around it. */
class Scopes {
  private readonly standaloneQuote: boolean;

  constructor(
    private readonly view: SentenceView,
    private readonly attributions: Attribution[],
    private readonly lastSpeaker: Resolution,
  ) {
    this.standaloneQuote = view.quotes.length > 0 && isStandaloneQuote(view);
  }

  /** The innermost attribution whose content holds the position. */
  attributionAround(position: number): Attribution | undefined {
    let innermost: Attribution | undefined;
    for (const attribution of this.attributions) {
      const { start, end } = attribution.content;
      if (position >= start && position < end && (!innermost || start >= innermost.content.start)) innermost = attribution;
    }
    return innermost;
  }

  /** null when the words are the narrator's; a "none"/"other" resolution blocks any fallback. */
  speakerAt(position: number): Resolution | null {
    const attribution = this.attributionAround(position);
    if (attribution) return attribution.speaker;
    if (this.standaloneQuote && this.view.tokens[position].quoted) return continued(this.lastSpeaker);
    return null;
  }
}
