// Who a phrase refers to: the subject before a verb, the speaker after "kata"/"said", pronouns
// and "the spokesman". Works on the shallow structure event coders use (actor dictionaries plus
// word order), with three filters that keep objects out of subject position:
// - a name inside the topic phrase ("pasukan Korea Utara", "North Korean troops") is what is
//   talked about, not who talks;
// - a name governed by a preposition ("kepada Presiden Rusia", "with Moscow") is not a subject;
// - a name after a conduit ("seperti dilansir", "as reported by") or an outlet noun ("kantor
//   berita Korea Selatan") is the outlet that relays the words, not the actor.

import type { Mention } from './watch-matcher.js';
import type { SentenceView } from './sentence-view.js';

export interface ResolvedActor {
  actorId: string;
  /** The speaker as written (Peskov, KCNA), or null when the party itself is named (Rusia). */
  speaker: string | null;
  /** Found through "dia", "tambahnya", "the spokesman" or a continued quotation: the same speaker as before. */
  continued?: boolean;
}

export type Resolution =
  | { kind: 'actors'; actors: ResolvedActor[] }
  /** Someone is named, but none of the watch's actors ("kata seorang analis"). */
  | { kind: 'other' }
  | { kind: 'none' };

export const NO_ONE: Resolution = { kind: 'none' };

/** The same resolution, marked as reached by referring back to an earlier speaker. */
export function continued(resolution: Resolution): Resolution {
  return resolution.kind === 'actors'
    ? { kind: 'actors', actors: resolution.actors.map((actor) => ({ ...actor, continued: true })) }
    : resolution;
}

export type Found =
  | { kind: 'mentions'; mentions: Mention[]; end: number }
  | { kind: 'anaphor'; person: 'first' | 'third'; at: number; end: number }
  | { kind: 'other'; end: number };

/** Untagged words allowed between a name and the topic term it belongs to: "pasukan khusus Korea Utara". */
const TOPIC_GAP_WORDS = 1;
const CONDUIT_REACH = 6;
const OUTLET_NOUN_REACH = 2;
const SPEAKER_PHRASE_REACH = 10;
const AGENT_REACH = 5;
/** Words between ", like Y," and the cue it shares: "has also denied". */
const LIKEWISE_AUXILIARY_WORDS = 3;

export class SentenceReferences {
  private readonly maskedStarts = new Set<number>();
  /** Names after "mengutip"/"citing": the source a conduit relays. */
  readonly cited: Mention[] = [];

  constructor(
    private readonly view: SentenceView,
    /** Tokens of date expressions: "pada Senin" must not glue "Senin" to the name after it. */
    private readonly dateTokens: ReadonlySet<number>,
  ) {
    this.maskRelayedNames();
  }

  actorsOf(mentions: readonly Mention[]): ResolvedActor[] {
    return mentions.map((mention) => ({ actorId: mention.actorId!, speaker: this.speakerName(mention) }));
  }

  /**
   * The whole name around a mention, titles included ("Sekretaris Jenderal NATO Mark Rutte",
   * "Juru bicara Kremlin Dmitry Peskov", "Pyongyang's mission"), when it names a speaker rather
   * than only the party.
   */
  private speakerName(mention: Mention): string | null {
    const view = this.view;
    const sameActor = (i: number) => view.mentionCovering(i)?.actorId === mention.actorId;
    const title = (i: number) => {
      const token = view.tokens[i];
      if (view.mentionCovering(i) || this.dateTokens.has(i) || !token.isWord) return false;
      // The first word of a sentence is capitalised whatever it is ("Seorang perwakilan ...").
      return view.is(i, 'roleNoun') || (token.isCapitalized && view.isUnmarked(i) && i > 0);
    };
    let start = mention.start;
    let end = mention.end;
    while (start > 0 && (sameActor(start - 1) || title(start - 1))) start--;
    while (end < view.length && (sameActor(end) || (view.is(end, 'roleNoun') && !view.mentionCovering(end)))) end++;
    let speaker = false;
    for (let i = start; i < end; i++) speaker ||= view.mentionCovering(i)?.isSpeaker === true;
    return speaker ? view.textOf(start, end) : null;
  }

  /**
   * The nearest subject-like reference before `position`, not crossing `bound` or a clause
   * opener ("sementara", "while"). An unknown name right before the verb is its subject
   * ("sementara Beijing menolak berkomentar"): someone, but none of the watch's actors.
   */
  subjectBefore(position: number, bound: number): Found | null {
    const view = this.view;
    const quoted = position < view.length ? view.tokens[position].quoted : false;
    const unknown = this.isUnknownName(position - 1) ? this.ownerOfName(position - 1) : null;
    if (unknown) return unknown;
    const shared = this.subjectOfCoordinatedVerb(position, bound, quoted);
    if (shared) return shared;
    for (let i = position - 1; i >= bound; i--) {
      if (view.tokens[i].quoted !== quoted) continue;
      // "…, but on Friday confirmed": a clause without a subject of its own keeps the one before.
      if (view.is(i, 'clauseOpener') && !this.hasWordsBetween(view.lexAt(i)!.end, position)) {
        i = view.lexAt(i)!.start;
        continue;
      }
      if (view.is(i, 'clauseOpener')) return null;
      // "..., as sources in the Freedonian government told reporters that ...": an unnamed source
      // is the verb's subject, someone but none of the watch's actors; the search stops there.
      if (view.is(i, 'anonymousSource')) return { kind: 'other', end: view.lexAt(i)!.end };
      const mention = view.mentionCovering(i);
      if (mention) {
        // "Pyongyang, like Moscow, denied": the party after "like" is not the subject.
        const likewise = mention.start > 0 && view.is(mention.start - 1, 'likewise');
        if (this.isSubjectCandidate(mention) && !likewise) {
          return { kind: 'mentions', mentions: this.withCoordinatedBefore(mention), end: mention.end };
        }
        if (this.opensSubordinateClause(mention, position)) return { kind: 'mentions', mentions: [mention], end: mention.end };
        i = likewise ? view.lexAt(mention.start - 1)!.start : mention.start;
        continue;
      }
      const anaphor = this.anaphorEndingAt(i);
      if (anaphor) return anaphor;
    }
    return null;
  }

  /**
   * "Islamic Jihad denied the account and blamed Israel", "Hamas menolak klaim Israel dan
   * menyatakan ...": a verb right after "and"/"dan" has no subject of its own and keeps the one
   * that opens its clause, not the name nearest before it (the object of the first verb).
   */
  private subjectOfCoordinatedVerb(position: number, bound: number, quoted: boolean): Found | null {
    const view = this.view;
    let joint = position - 1;
    // "dan kembali menegaskan", "and again insisted", "but has stopped short of saying": an adverb
    // or an auxiliary between does not end the coordination.
    while (joint >= bound && (this.dateTokens.has(joint) || view.is(joint, 'past') || view.is(joint, 'adverb') || view.is(joint, 'auxiliary'))) {
      joint = (view.lexAt(joint)?.start ?? joint) - 1;
    }
    // "..., calling it a lie": a participle after a comma has no subject of its own either.
    const participleAfterComma = joint >= bound && view.tokens[joint].text === ',' && this.isParticiple(position);
    // "Russia has said its air defences were repelling Ukrainian drones, but has stopped short of
    // saying ...": "but" with no subject after it joins the verb to the clause's subject, not to the
    // party named last in the first clause's object.
    const joined = view.is(joint, 'coordinator') || view.is(joint, 'clauseOpener');
    if (joint < bound || !(joined || participleAfterComma) || view.tokens[joint].quoted !== quoted) return null;
    const coordinator = view.lexAt(joint)?.start ?? joint;
    // "GAZA CITY — Islamic Jihad rejected ..., calling it": the clause opens after the dateline.
    bound = Math.max(bound, datelineEnd(view));
    for (let i = bound; i < coordinator; i++) {
      if (view.tokens[i].quoted !== quoted) continue;
      if (view.is(i, 'clauseOpener') || view.isBreak(i)) return null;
      const mention = view.mentionCovering(i);
      if (!mention) continue;
      if (this.isSubjectCandidate(mention) && !(mention.start > 0 && view.is(mention.start - 1, 'likewise'))) {
        // The subject is the first phrase of the clause: a name after other words is an object.
        if (this.hasWordsBetween(bound, this.phraseStart(mention)) && !this.opensClause(bound, this.phraseStart(mention))) return null;
        return { kind: 'mentions', mentions: [mention], end: mention.end };
      }
      i = mention.end - 1;
    }
    return null;
  }

  private isParticiple(position: number): boolean {
    const token = this.view.tokens[position];
    return token !== undefined && token.isWord && this.view.pack.pack.grammar.participleEndings.some((ending) => token.norm.endsWith(ending));
  }

  /**
   * "tanggapan pertama Pyongyang sejak NIS pekan lalu menyatakan ...", "the first reply since
   * the NIS said ...": a word that is a preposition and also opens a clause makes the name right
   * after it (only a date between the name and the verb) the subject of that verb, not an object.
   */
  private opensSubordinateClause(mention: Mention, verb: number): boolean {
    if (mention.actorId === null || this.maskedStarts.has(mention.start) || this.hasWordsBetween(mention.end, verb)) return false;
    const opening = this.phraseStart(mention);
    const before = opening - 1 - (this.determinerBefore(opening) ? 1 : 0);
    return before >= 0 && this.view.is(before, 'subordinator');
  }

  /** Only a dateline, a determiner or an actor's office phrase comes before the name. */
  private opensClause(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const token = this.view.tokens[i];
      if (token.isWord && !this.dateTokens.has(i) && !this.view.is(i, 'demonstrative') && !this.view.mentionCovering(i) && token.text[0] !== token.text[0].toUpperCase()) return false;
    }
    return true;
  }

  /** Words other than date phrases, adverbs of time and punctuation in [from, to). */
  private hasWordsBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      if (this.view.tokens[i].isWord && !this.dateTokens.has(i) && !this.view.is(i, 'past')) return true;
    }
    return false;
  }

  /**
   * "X denied it, as did Y", "…, begitu pula Y", and between the subject and a cue at `cueStart`
   * "X, like Y, denied it", "X, seperti halnya Y, membantah": the parties that took the same stance.
   */
  likewiseAround(cueStart: number, cueEnd: number): Mention[] {
    const view = this.view;
    // ", like Y," right before the cue and its auxiliaries ("has also denied").
    let comma = cueStart - 1;
    while (comma >= 0 && comma >= cueStart - 1 - LIKEWISE_AUXILIARY_WORDS && view.tokens[comma].isWord) comma--;
    const named = comma > 0 && view.tokens[comma].text === ',' ? view.mentionEndingAt(comma) : undefined;
    const marker = named ? view.lexAt(named.start - 1) : undefined;
    if (marker?.tags.some((tag) => tag.type === 'likewise') && !view.tokens[marker.start].quoted) return this.likewiseAt(marker.start);
    for (let i = cueEnd; i < view.length; i++) {
      if (!view.tokens[i].quoted && view.is(i, 'likewise')) return this.likewiseAt(i);
    }
    return [];
  }

  /** The first party after a likewise marker at `i`, with those coordinated after it. */
  private likewiseAt(i: number): Mention[] {
    const view = this.view;
    let k = view.lexAt(i)!.end;
    while (k < view.length && (view.is(k, 'demonstrative') || view.is(k, 'roleNoun')) && !view.mentionStartingAt(k)) k++;
    const mention = view.mentionStartingAt(k);
    return mention?.actorId && !this.maskedStarts.has(mention.start) ? this.withCoordinatedAfter(mention) : [];
  }

  private isUnknownName(i: number): boolean {
    const view = this.view;
    if (i < 1 || view.mentionCovering(i) || this.dateTokens.has(i) || !view.isUnmarked(i)) return false;
    const token = view.tokens[i];
    return token.isWord && token.isCapitalized && !view.isQuoteMarkAt(i - 1);
  }

  /**
   * The actor an unknown name belongs to, named in the same name phrase ("South Korea's Defense
   * Ministry spokesperson Jeon Ha-kyu"), or someone who is none of the actors ("Beijing"); null
   * for a place after a preposition ("di New York"), which is no subject at all.
   */
  private ownerOfName(last: number): Found | null {
    const view = this.view;
    for (let i = last; i >= 0 && !this.dateTokens.has(i); i--) {
      const mention = view.mentionCovering(i);
      if (mention?.actorId && !this.maskedStarts.has(mention.start)) return { kind: 'mentions', mentions: [mention], end: mention.end };
      const token = view.tokens[i];
      if (view.is(i, 'preposition')) return null;
      const partOfName = token.isWord && (token.isCapitalized || view.is(i, 'roleNoun') || view.is(i, 'demonstrative'));
      if (!mention && !partOfName) {
        // "Zedland and Marsovia said": the watch's actors coordinated with a party it does not list.
        const coordinated = view.is(i, 'coordinator') ? view.mentionEndingAt(view.lexAt(i)!.start) : undefined;
        if (coordinated && this.isSubjectCandidate(coordinated)) return { kind: 'mentions', mentions: this.withCoordinatedBefore(coordinated), end: coordinated.end };
        break;
      }
    }
    return { kind: 'other', end: last + 1 };
  }

  /** The speaker phrase after a verb like "kata" or "said": "kata juru bicara Kremlin Dmitry Peskov". */
  speakerAfter(position: number): Found | null {
    const view = this.view;
    let i = position;
    if (i < view.length && view.tokens[i].text === ',') i++;
    let words = 0;
    for (const limit = Math.min(view.length, i + SPEAKER_PHRASE_REACH); i < limit; i++) {
      if (view.isBreak(i)) break;
      if (words > 0 && view.is(i, 'preposition') && !view.is(i, 'agentMarker')) break;
      const mention = view.mentionStartingAt(i);
      if (mention?.actorId && !this.maskedStarts.has(mention.start)) {
        // "said Pyongyang's admission was ...": a possessor opens the reported words, it does not speak.
        if (isPossessive(view.tokens[mention.end - 1].text) && !view.is(mention.end, 'roleNoun')) return { kind: 'other', end: i };
        // "…, said Freedonian drones were found": a name in the topic phrase opens the reported words.
        if (this.isInTopicPhrase(mention)) return { kind: 'other', end: i };
        const mentions = this.withCoordinatedAfter(mention);
        return { kind: 'mentions', mentions, end: mentions[mentions.length - 1].end };
      }
      const anaphor = this.anaphorStartingAt(i);
      if (anaphor) return anaphor;
      if (view.tokens[i].isWord) words++;
    }
    return words > 0 ? { kind: 'other', end: i } : null;
  }

  /** The agent of a passive cue: "dibantah (oleh) Moskow", "confirmed by NATO". */
  agentAfter(position: number, needsMarker: boolean): Mention[] | null {
    const view = this.view;
    let i = position;
    let marked = false;
    let markerEnd = -1;
    for (const limit = Math.min(view.length, position + AGENT_REACH); i < limit; i++) {
      if (view.isBreak(i)) return null;
      if (view.is(i, 'agentMarker')) {
        marked = true;
        markerEnd = i + 1;
        continue;
      }
      const mention = view.mentionStartingAt(i);
      if (mention?.actorId && (marked || !needsMarker) && !this.maskedStarts.has(mention.start)) return [mention];
      // "refuted by a Sylvanian spokeswoman": the one word right after "by" may be an article.
      const article = i === markerEnd && view.tokens[i].isWord && view.isUnmarked(i);
      const skippable = view.is(i, 'roleNoun') || view.is(i, 'demonstrative') || view.tokens[i].isCapitalized || article;
      if (!skippable) return null;
    }
    return null;
  }

  /** "bantahan Kremlin", "denial from Moscow", "Moscow's denial": the possessor of a cue noun. */
  possessorOf(start: number, end: number): Mention[] | null {
    const before = this.view.mentionEndingAt(start);
    if (before?.actorId && isPossessive(this.view.tokens[start - 1].text)) return [before];
    const marked = this.view.is(end, 'agentMarker') || this.view.is(end, 'preposition') ? end + 1 : end;
    const after = this.view.mentionStartingAt(marked);
    return after?.actorId && !this.maskedStarts.has(after.start) ? [after] : null;
  }

  /** The nearest name before `position` in this sentence, outside quotations, that can be a subject. */
  nearestNamedBefore(position: number): Mention[] | null {
    for (let i = position - 1; i >= 0; i--) {
      const mention = this.view.mentionCovering(i);
      if (!mention || this.view.tokens[i].quoted) continue;
      if (this.isSubjectCandidate(mention)) return this.withCoordinatedBefore(mention);
      i = mention.start;
    }
    return null;
  }

  /** Named only as an outlet, a source's country or a dateline: never a speaker. */
  isMasked(mention: Mention): boolean {
    return this.maskedStarts.has(mention.start);
  }

  isSubjectCandidate(mention: Mention): boolean {
    return (
      mention.actorId !== null &&
      !this.maskedStarts.has(mention.start) &&
      !this.isInTopicPhrase(mention) &&
      !this.isGovernedByPreposition(mention)
    );
  }

  /**
   * "pasukan Korea Utara", "unit pertama Korea Utara", "North Korean troops": a name next to a
   * term of another topic group, with at most one untagged word between them.
   */
  isInTopicPhrase(mention: Mention): boolean {
    if (mention.topicGroups.length === 0) return false;
    const view = this.view;
    const isOtherGroup = (i: number) => {
      const other = view.mentionCovering(i);
      return other !== undefined && other !== mention && other.topicGroups.length > 0 &&
        other.topicGroups.every((group) => !mention.topicGroups.includes(group));
    };
    const isGap = (i: number) => view.tokens[i].isWord && view.isUnmarked(i) && !view.mentionCovering(i);
    const near = (first: number, step: number) => {
      for (let i = first, gap = 0; i >= 0 && i < view.length && gap <= TOPIC_GAP_WORDS; i += step, gap++) {
        if (isOtherGroup(i)) return true;
        if (!isGap(i)) return false;
      }
      return false;
    };
    return near(mention.start - 1, -1) || near(mention.end, 1);
  }

  /** Where the name phrase around a mention starts: "juru bicara Kremlin Dmitry Peskov". */
  phraseStart(mention: Mention): number {
    const view = this.view;
    let i = mention.start;
    while (i > 0 && !this.dateTokens.has(i - 1)) {
      const token = view.tokens[i - 1];
      const partOfName = view.mentionCovering(i - 1) || (token.isWord && (token.isCapitalized || view.is(i - 1, 'roleNoun')));
      if (!partOfName || view.is(i - 1, 'preposition')) break;
      i--;
    }
    return i;
  }

  private isGovernedByPreposition(mention: Mention): boolean {
    const view = this.view;
    let i = mention.start - 1;
    for (; i >= 0; i--) {
      if (view.is(i, 'preposition')) return !(view.is(i, 'genitive') && i > 0 && view.is(i - 1, 'roleNoun'));
      if (this.dateTokens.has(i)) return false;
      const token = view.tokens[i];
      const partOfName = token.isWord && (token.isCapitalized || view.is(i, 'roleNoun'));
      if (!partOfName && !view.mentionCovering(i) && token.text !== '(' && token.text !== ')') break;
    }
    if (i < 0 || !view.is(i, 'coordinator')) return false;
    const previous = view.mentionEndingAt(i);
    return previous?.actorId != null && this.isGovernedByPreposition(previous);
  }

  /** "Pyongyang dan Moskow tidak mengkonfirmasi ...": every conjunct is a subject. */
  private withCoordinatedBefore(last: Mention): Mention[] {
    const view = this.view;
    const mentions = [last];
    let sawCoordinator = false;
    for (let current = last; ; ) {
      // "Hezbollah, Iran and the Lebanese government", "Sylvania dan pemerintah Zedland": a
      // conjunct may open with a determiner or an office.
      const opening = this.phraseStart(current);
      const joint = opening - 1 - (this.determinerBefore(opening) ? 1 : 0);
      if (joint < 1) break;
      const isCoordinator = view.is(joint, 'coordinator');
      if (!isCoordinator && !(sawCoordinator && view.tokens[joint].text === ',')) break;
      const previous = view.mentionEndingAt(joint);
      if (!previous?.actorId || this.maskedStarts.has(previous.start)) break;
      sawCoordinator ||= isCoordinator;
      mentions.unshift(previous);
      current = previous;
    }
    return mentions;
  }

  private withCoordinatedAfter(first: Mention): Mention[] {
    const view = this.view;
    const mentions = [first];
    for (let current = first; current.end < view.length && view.is(current.end, 'coordinator'); ) {
      const next = view.mentionStartingAt(current.end + 1) ?? view.mentionStartingAt(current.end + 2);
      if (next && next.start === current.end + 2 && !this.determinerBefore(next.start)) break;
      if (!next?.actorId) break;
      mentions.push(next);
      current = next;
    }
    return mentions;
  }

  /** A determiner ("the", in a language that puts it before the noun) right before position `at`. */
  private determinerBefore(at: number): boolean {
    const view = this.view;
    return at > 0 && view.pack.pack.references.demonstrativePosition === 'before' && view.is(at - 1, 'demonstrative') && view.lexAt(at - 1)!.end === at;
  }

  private anaphorEndingAt(i: number): Found | null {
    const view = this.view;
    const lex = view.lexAt(i);
    if (!lex || lex.end !== i + 1) return null;
    if (view.is(i, 'firstPerson')) return { kind: 'anaphor', person: 'first', at: lex.start, end: lex.end };
    if (view.is(i, 'pronoun')) return { kind: 'anaphor', person: 'third', at: lex.start, end: lex.end };
    const demonstrativeAfter = view.pack.pack.references.demonstrativePosition === 'after';
    if (demonstrativeAfter && view.is(i, 'demonstrative') && lex.start > 0 && view.is(lex.start - 1, 'roleNoun')) {
      return { kind: 'anaphor', person: 'third', at: view.lexAt(lex.start - 1)!.start, end: lex.end };
    }
    if (!demonstrativeAfter && view.is(i, 'roleNoun') && lex.start > 0 && view.is(lex.start - 1, 'demonstrative')) {
      return { kind: 'anaphor', person: 'third', at: lex.start - 1, end: lex.end };
    }
    if (view.is(i, 'roleNoun')) return this.possessedOfficeEndingAt(lex.start, lex.end);
    return null;
  }

  /**
   * An office owned by the party named before: "its UN representative", "their foreign
   * ministry", "juru bicaranya", "perwakilannya di PBB". Refers back like a pronoun.
   */
  private possessedOfficeEndingAt(start: number, end: number): Found | null {
    const view = this.view;
    if (view.hasEnding(end - 1, view.pack.pack.speakers.possessiveSuffixes)) return { kind: 'anaphor', person: 'third', at: start, end };
    let i = start - 1;
    while (i >= 0 && !view.is(i, 'possessive') && (view.is(i, 'roleNoun') || (view.tokens[i].isCapitalized && !view.mentionCovering(i) && view.isUnmarked(i)))) {
      i = view.lexAt(i)?.start ?? i;
      i--;
    }
    return i >= 0 && view.is(i, 'possessive') ? { kind: 'anaphor', person: 'third', at: view.lexAt(i)!.start, end } : null;
  }

  private anaphorStartingAt(i: number): Found | null {
    const view = this.view;
    const lex = view.lexAt(i);
    if (!lex || lex.start !== i) return null;
    if (view.is(i, 'firstPerson')) return { kind: 'anaphor', person: 'first', at: i, end: lex.end };
    if (view.is(i, 'pronoun')) return { kind: 'anaphor', person: 'third', at: i, end: lex.end };
    const demonstrativeAfter = view.pack.pack.references.demonstrativePosition === 'after';
    if (demonstrativeAfter && view.is(i, 'roleNoun') && view.is(lex.end, 'demonstrative')) {
      return { kind: 'anaphor', person: 'third', at: i, end: view.lexAt(lex.end)!.end };
    }
    if (!demonstrativeAfter && view.is(i, 'demonstrative') && view.is(lex.end, 'roleNoun')) {
      return { kind: 'anaphor', person: 'third', at: i, end: view.lexAt(lex.end)!.end };
    }
    if (view.is(i, 'possessive')) {
      let end = lex.end;
      while (end < view.length && (view.is(end, 'roleNoun') || (view.tokens[end].isCapitalized && !view.mentionCovering(end) && view.isUnmarked(end)))) {
        end = view.lexAt(end)?.end ?? end + 1;
      }
      return end > lex.end && view.is(end - 1, 'roleNoun') ? { kind: 'anaphor', person: 'third', at: i, end } : null;
    }
    if (view.is(i, 'roleNoun')) return this.possessedOfficeEndingAt(lex.start, lex.end);
    return null;
  }

  /** A dateline names where the report was filed, not who speaks: "FREDVILLE:" is not Fredville speaking. */
  private maskDateline(): void {
    const first = this.view.mentionStartingAt(0);
    if (first && isDatelinePlace(this.view, first)) this.maskedStarts.add(first.start);
  }

  /**
   * "a Lebanese official, who asked not to be named, said", "pejabat AS yang tidak disebutkan
   * namanya": the name just before the words of anonymity (past a comma and an office) names no
   * speaker.
   */
  private maskBeforeAnonymity(start: number): void {
    const view = this.view;
    let end = start > 0 && view.tokens[start - 1].text === ',' ? start - 1 : start;
    while (end > 0 && view.is(end - 1, 'roleNoun') && !view.mentionEndingAt(end)) end = view.lexAt(end - 1)!.start;
    const named = view.mentionEndingAt(end);
    if (named) this.maskedStarts.add(named.start);
  }

  /** "Freedonian government sources said", "sumber pemerintah Freedonia": an unnamed source is nobody. */
  private maskAroundAnonymousSource(start: number, end: number): void {
    const view = this.view;
    let before = start;
    while (before > 0 && view.is(before - 1, 'roleNoun')) before = view.lexAt(before - 1)!.start;
    const adjective = view.mentionEndingAt(before);
    if (adjective) this.maskedStarts.add(adjective.start);
    for (let i = end; i < Math.min(view.length, end + ANONYMOUS_SOURCE_REACH); i++) {
      if (view.isBreak(i)) break;
      const mention = view.mentionStartingAt(i);
      if (mention) this.maskedStarts.add(mention.start);
    }
  }

  private maskRelayedNames(): void {
    const view = this.view;
    this.maskDateline();
    for (const lex of view.lexSpans) {
      if (view.tokens[lex.start].quoted) continue;
      if (lex.tags.some((tag) => tag.type === 'outletName') && view.tokens[lex.start].isCapitalized) {
        // "The Moscow Times reported": the place names a publication, not its government.
        const place = view.mentionEndingAt(lex.start);
        if (place) this.maskedStarts.add(place.start);
        continue;
      }
      if (lex.tags.some((tag) => tag.type === 'anonymousSource')) {
        this.maskAroundAnonymousSource(lex.start, lex.end);
        continue;
      }
      if (lex.tags.some((tag) => tag.type === 'anonymousAfter')) {
        this.maskBeforeAnonymity(lex.start);
        continue;
      }
      const isConduit = lex.tags.some((tag) => tag.type === 'conduit' || tag.type === 'citing');
      const isOutletNoun = lex.tags.some((tag) => tag.type === 'outletNoun');
      if (!isConduit && !isOutletNoun) continue;
      const adjective = isOutletNoun ? view.mentionEndingAt(lex.start) : undefined; // "Russian media"
      if (adjective && !adjective.isSpeaker) this.maskedStarts.add(adjective.start);
      const reach = isConduit ? CONDUIT_REACH : OUTLET_NOUN_REACH;
      for (let i = lex.end; i < Math.min(view.length, lex.end + reach); i++) {
        if (isConduit && view.isBreak(i)) break;
        const mention = view.mentionStartingAt(i);
        if (!mention) continue;
        // The cited source is an actor ("mengutip Kementerian Pertahanan Rusia yang membantah").
        if (lex.tags.some((tag) => tag.type === 'citing')) {
          if (mention.actorId) this.cited.push(mention);
          continue;
        }
        // A speaker the watch names stays one: "state news agency KCNA" speaks for North Korea.
        if (isOutletNoun && mention.isSpeaker) continue;
        this.maskedStarts.add(mention.start);
      }
    }
    // "citing unnamed American officials": a cited name made unnamed is no source.
    const named = this.cited.filter((mention) => !this.maskedStarts.has(mention.start));
    this.cited.splice(0, this.cited.length, ...named);
  }
}

/** Words after an unnamed source that may still name its country: "sumber pemerintah Freedonia". */
const ANONYMOUS_SOURCE_REACH = 3;

/** "FREDVILLE:", "UNITED NATIONS, Sept 18 /AGENCY/ -": a place in capitals opening the text. */
function isDatelinePlace(view: SentenceView, mention: Mention): boolean {
  if (mention.start !== 0) return false;
  for (let i = mention.start; i < mention.end; i++) {
    const token = view.tokens[i];
    if (token.isWord && (token.text.length < 2 || token.text !== token.text.toUpperCase())) return false;
  }
  const next = view.tokens[mention.end]?.text;
  return next === ':' || next === ',' || next === '(' || next === '-' || next === '–' || next === '—';
}

/** Where a dateline in capitals and its dash end ("GAZA CITY —", "FREDVILLE:"); 0 when there is none. */
function datelineEnd(view: SentenceView): number {
  for (let i = 0; i < view.length; i++) {
    const token = view.tokens[i];
    if (token.isWord) {
      if (token.text.length < 2 || token.text !== token.text.toUpperCase()) return 0;
      continue;
    }
    return i > 0 && [':', '-', '–', '—'].includes(token.text) ? i + 1 : 0;
  }
  return 0;
}

/** "Moscow's", "Koreans'": the possessive forms an English name takes. */
export function isPossessive(word: string): boolean {
  return /['’]s?$/.test(word);
}
