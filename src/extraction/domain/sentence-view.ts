// Everything the extractor needs to know about one sentence, computed once: tokens, quotations,
// lexicon spans of the sentence's language pack, and the watch's actor and topic mentions.

import type { CompiledPack, LexTag, LexTagType } from './lexicon.js';
import type { TextSpan } from './sentences.js';
import { isQuoteMark, markQuotes, type QuoteSpan, type Token } from './tokens.js';
import type { CompiledWatch, Mention } from './watch-matcher.js';

export interface LexSpan {
  start: number;
  /** Exclusive token index. */
  end: number;
  tags: LexTag[];
}

const PLAIN_GRAMMAR: ReadonlySet<LexTagType> = new Set(['adverb', 'auxiliary', 'indefinite', 'evidenceVerb', 'useVerb', 'accidentCause']);

/** Words of an object phrase after a verb: "more than 400 Hamas targets". */
const OBJECT_PHRASE_WORDS = 6;
/** Shortest last word of a full name that names the person alone later: "Asif", not "Un" of "Kim Jong Un". */
const MIN_SURNAME_LETTERS = 4;
/** Plain words of a doer's phrase after its name: "Sylvanian forces", "Sylvanian air force". */
const DOER_HEAD_WORDS = 2;

export class SentenceView {
  readonly tokens: Token[];
  readonly quotes: QuoteSpan[];
  readonly lexSpans: LexSpan[];
  mentions: Mention[];
  private readonly lexByToken: (LexSpan | undefined)[];
  private readonly mentionByStart: (Mention | undefined)[];
  private readonly mentionByEnd: (Mention | undefined)[];
  private readonly mentionByToken: (Mention | undefined)[];

  constructor(
    readonly text: string,
    readonly span: TextSpan,
    /** The tokens of text[span], from tokenize(). */
    tokens: Token[],
    readonly pack: CompiledPack,
    readonly watch: CompiledWatch,
  ) {
    this.tokens = tokens;
    this.quotes = markQuotes(this.tokens);
    this.mentions = watch.findMentions(this.tokens);
    this.mentionByStart = [];
    this.mentionByEnd = [];
    this.mentionByToken = [];
    this.indexMentions();
    // "held Freedonia responsible": the pack's phrases with an actor slot take the watch's names.
    const actorSlots = (i: number) => (this.mentionByStart[i]?.actorId ? this.mentionByStart[i]!.end : undefined);
    this.lexSpans = [];
    for (const { start, end, values } of pack.lexicon.matchAll(this.tokens, actorSlots)) {
      if (end === start + 1 && this.isMonthName(start)) continue;
      this.lexSpans.push({ start, end, tags: values });
    }
    this.lexByToken = new Array(this.tokens.length);
    for (const lex of this.lexSpans) for (let i = lex.start; i < lex.end; i++) this.lexByToken[i] = lex;
    this.dropMeansOfOtherDeeds();
    this.dropObjectsOfUse();
    this.dropDeedsOnOtherObjects();
    this.dropDeedsOnAgentsThings();
  }

  private indexMentions(): void {
    this.mentionByStart.length = 0;
    this.mentionByEnd.length = 0;
    this.mentionByToken.length = 0;
    for (const mention of this.mentions) {
      this.mentionByStart[mention.start] = mention;
      this.mentionByEnd[mention.end] = mention;
      for (let i = mention.start; i < mention.end; i++) this.mentionByToken[i] = mention;
    }
  }

  /**
   * "a drone attack", "serangan rudal": a topic term that only modifies a noun of using it
   * (`grammar.use_heads`, standing where a possessor stands) names the means of another deed,
   * not the watched one. Unless the watch lists that noun too ("pager attack"), or a party owns
   * the term ("serangan pasukan Korea Utara", "the North Korean troop attack"): whose forces or
   * arms took part may be the watched deed.
   */
  private dropMeansOfOtherDeeds(): void {
    const headAfter = this.pack.pack.grammar.possessorPosition === 'before';
    const isUseHead = (i: number) => i >= 0 && this.is(i, 'useHead') && !this.mentionByToken[i];
    this.dropMentions((mention) =>
      mention.actorId === null && mention.topicGroups.length > 0 && !this.isOwned(mention) &&
      (headAfter ? isUseHead(mention.end) && this.lexAt(mention.end)!.start === mention.end : isUseHead(mention.start - 1) && this.lexAt(mention.start - 1)!.end === mention.start));
  }

  /** Whether an actor's name stands where the pack puts a possessor of the mention: "Freedonian drones", "drone Freedonia". */
  private isOwned(mention: Mention): boolean {
    const headAfter = this.pack.pack.grammar.possessorPosition === 'before';
    return Boolean((headAfter ? this.mentionByEnd[mention.start] : this.mentionByStart[mention.end])?.actorId);
  }

  /** A term of the watched event: a topic term of a group that names no actor. */
  private isEventTerm(mention: Mention | undefined): boolean {
    return mention !== undefined && mention.actorId === null && mention.topicGroups.some((group) => group !== this.watch.agentGroup && !this.watch.actorGroups.has(group));
  }

  /** Removes the mentions that `drop` picks, keeping the indexes in step. */
  private dropMentions(drop: (mention: Mention) => boolean): void {
    if (!this.mentions.some(drop)) return;
    this.mentions = this.mentions.filter((mention) => !drop(mention));
    this.indexMentions();
  }

  /**
   * "Freedonia launched about 200 drones at Zedland", "meluncurkan sekitar 200 drone": a topic
   * term that is the object of a verb of using the thing (`grammar.use_verbs`) names another deed
   * than the watched one (supplying, sending it): the launch, not the supply. Words owning that
   * deed ("claimed responsibility for the attack") then find no watched event to bear on.
   * Unless the watch lists the verb too (a watch on a launch), or a party owns the thing ("fired
   * Freedonian drones", "menembakkan drone Freedonia"): whose arms they were may be the watched
   * deed.
   */
  private dropObjectsOfUse(): void {
    const objectOfUse = (mention: Mention) => {
      if (!this.isEventTerm(mention) || this.isOwned(mention)) return false;
      let words = 0;
      for (let i = mention.start - 1; i >= 0 && words < OBJECT_PHRASE_WORDS; i--) {
        const covering = this.mentionByToken[i];
        if (covering !== undefined) {
          // "launched 180 Fath-360 missiles": the object phrase goes on through other event terms.
          if (!this.isEventTerm(covering) || this.isOwned(covering)) return false;
          i = covering.start;
          words++;
          continue;
        }
        if (this.is(i, 'useVerb')) return true;
        // "launched about 200 drones": a preposition right before a number only estimates it.
        const estimate = this.is(i, 'preposition') && i + 1 < this.length && this.tokens[i + 1].isNumber;
        // "fired dozens of drones": a genitive goes on with the phrase.
        if (estimate || this.tokens[i].isNumber || this.isAny(i, ['quantity', 'indefinite', 'demonstrative', 'genitive'])) {
          words++;
          continue;
        }
        if (!this.tokens[i].isWord || !this.isUnmarked(i)) return false;
        words++;
      }
      return false;
    };
    this.dropMentions(objectOfUse);
  }

  /**
   * "it had struck more than 400 Hamas targets", "telah menyerang Gaza": a verb that is an
   * event term of the watch ("struck", "menyerang"), standing as a verb (after an auxiliary, a
   * pronoun or an adverb, or with a count right after it; after a name or "which" it may be a
   * noun: "Iranian missiles", "in which pagers exploded") and followed by an object that is no event
   * term, names the same kind of deed done on other objects, not the watched deed. The object
   * is counted ("more than 400 ...", "sejumlah kecil drone") or named ("Gaza"); a preposition,
   * a plain word or the end of the clause is no object ("struck on Tuesday", "dikirim sesuai
   * kesepakatan").
   */
  private dropDeedsOnOtherObjects(): void {
    const asVerb = (mention: Mention) => {
      const before = mention.start - 1;
      if (before < 0) return false;
      return this.is(before, 'auxiliary') || this.is(before, 'pronoun') || this.is(before, 'firstPerson') || this.is(before, 'adverb');
    };
    const otherObject = (mention: Mention) => {
      let counted = false;
      for (let i = mention.end; i < this.length; i++) {
        if (this.tokens[i].isNumber || this.isAny(i, ['demonstrative', 'indefinite', 'quantity'])) {
          counted ||= this.tokens[i].isNumber || this.is(i, 'quantity');
          i = (this.lexAt(i)?.end ?? i + 1) - 1;
          continue;
        }
        // "a small number of tanks": a genitive after the count goes on with the phrase.
        if (counted && this.is(i, 'genitive')) continue;
        if (!this.tokens[i].isWord || this.is(i, 'preposition') || this.is(i, 'complementizer') || this.is(i, 'coordinator') || this.is(i, 'relativizer')) return false;
        // "struck Gaza's al-Ahli hospital": an event term in the object phrase is the watched object.
        for (let k = i; k < Math.min(this.length, i + OBJECT_PHRASE_WORDS); k++) {
          // "a first batch of missiles": a genitive goes on with the phrase.
          if (this.tokens[k].isNumber) continue;
          if (!this.tokens[k].isWord || (this.is(k, 'preposition') && !this.is(k, 'genitive')) || this.is(k, 'complementizer') || this.is(k, 'coordinator')) break;
          if (this.isEventTerm(this.mentionByToken[k])) return false;
        }
        // An object is counted ("more than 400 targets", "sejumlah kecil drone") or named
        // ("Gaza"): a plain word after the verb may be no object ("dikirim sesuai kesepakatan").
        return this.mentionByToken[i] !== undefined || (counted && this.isUnmarked(i));
      }
      return false;
    };
    // "air defences shot down dozens of Sylvanian drones": a count right after the term leaves it
    // no noun reading, whatever stands before it.
    const countedAfter = (mention: Mention) => mention.end < this.length && (this.tokens[mention.end].isNumber || this.is(mention.end, 'quantity'));
    this.dropMentions((mention) => this.isEventTerm(mention) && (asVerb(mention) || countedAfter(mention)) && otherObject(mention));
  }

  /**
   * "Sylvanian forces shot down five Freedonian jets", "pasukan Sylvania menembak jatuh lima jet
   * Freedonia", "Sylvania Klaim Tembak Jatuh Jet Freedonia": an event term whose object (past a
   * count) is an event term the agent owns, with another party named as its doer before it (past
   * a verb of saying or a cue, auxiliaries and adverbs), is that party's deed done to the agent,
   * not the agent's: both terms are dropped, so that neither the sentence nor a rejection of it
   * ("Freedonia menepis klaim itu") bears on the watched deed.
   */
  private dropDeedsOnAgentsThings(): void {
    const agent = this.watch.watch.agent;
    if (agent === null) return;
    const headAfter = this.pack.pack.grammar.possessorPosition === 'before';
    // The agent's thing right at `i`, past a count: "five Pakistani jets", "lima jet tempur Pakistan".
    const agentsThingAt = (at: number): Mention[] => {
      const i = this.skipCount(at);
      const owner = headAfter ? this.mentionByStart[i] : undefined;
      const object = owner?.actorId === agent ? this.mentionByStart[owner.end] : this.mentionByStart[i];
      if (!this.isEventTerm(object)) return [];
      if ((headAfter ? owner : this.mentionByStart[object!.end])?.actorId !== agent) return [];
      // "... jet tempur Pakistan dan satu pesawat besar": the things listed with it go with it.
      const end = headAfter ? object!.end : this.mentionByStart[object!.end]!.end;
      const listed = end < this.length && this.is(end, 'coordinator') ? this.mentionByStart[this.skipCount(this.lexAt(end)!.end)] : undefined;
      return this.isEventTerm(listed) ? [object!, listed!] : [object!];
    };
    const otherDoerBefore = (deed: Mention): boolean => {
      let plainWords = 0;
      for (let i = deed.start - 1; i >= 0; i--) {
        if (this.isBreak(i)) return false;
        const mention = this.mentionByToken[i];
        if (mention?.actorId) return mention.actorId !== agent && !mention.topicGroups.includes(this.watch.agentGroup ?? -1);
        if (mention) return false;
        // "Sylvanian forces shot down": the doer's own noun after its name.
        if (this.tokens[i].isWord && !this.lexAt(i) && plainWords++ < DOER_HEAD_WORDS) continue;
        if (!this.isAny(i, ['attribution', 'cue', 'auxiliary', 'adverb', 'infinitive', 'roleNoun'])) return false;
        i = this.lexAt(i)!.start;
      }
      return false;
    };
    const dropped = new Set<Mention>();
    for (const deed of this.mentions) {
      // "Lammy menyebut pasokan rudal Iran": a deed noun's phrase names whose things were moved,
      // and the name before it is the speaker, not a doer.
      if (!this.isEventTerm(deed) || this.is(deed.start, 'deedNoun')) continue;
      const things = agentsThingAt(deed.end);
      if (things.length > 0 && otherDoerBefore(deed)) [deed, ...things].forEach((mention) => dropped.add(mention));
    }
    this.dropMentions((mention) => dropped.has(mention));
  }

  /** Past a count at `at`: "five", "lima", "more than 400", "a few". */
  private skipCount(at: number): number {
    let i = at;
    while (i < this.length && (this.isCount(i) || this.isAny(i, ['quantity', 'indefinite', 'demonstrative']))) i = this.lexAt(i)?.end ?? i + 1;
    return i;
  }

  /** A number in figures or in words ("400", "five", "lima"). */
  private isCount(i: number): boolean {
    return this.tokens[i].isNumber || this.pack.dateWords.matchAt(this.tokens, i)?.values.some((word) => word.type === 'number') === true;
  }

  /** "May" capitalised is the month, not the pack's "may". */
  private isMonthName(i: number): boolean {
    return this.tokens[i].isCapitalized && this.pack.dateWords.matchAt(this.tokens, i)?.values.some((word) => word.type === 'month') === true;
  }

  get length(): number {
    return this.tokens.length;
  }

  lexAt(i: number): LexSpan | undefined {
    return this.lexByToken[i];
  }

  /** The lexicon tag of a type on the span covering token i. */
  tagAt<T extends LexTagType>(i: number, type: T): Extract<LexTag, { type: T }> | undefined {
    // A plain loop, not find(): the rules ask this for nearly every token they look at.
    const tags = this.lexByToken[i]?.tags;
    if (tags === undefined) return undefined;
    for (const tag of tags) if (tag.type === type) return tag as Extract<LexTag, { type: T }>;
    return undefined;
  }

  is(i: number, type: LexTagType): boolean {
    return this.tagAt(i, type) !== undefined;
  }

  /** Whether token i has a lexicon tag of any of these types. */
  isAny(i: number, types: readonly LexTagType[]): boolean {
    return types.some((type) => this.tagAt(i, type) !== undefined);
  }

  /**
   * No lexicon word covers token i, or only words of plain grammar (an adverb, an auxiliary, an
   * indefinite article, a verb of evidence) that the rules asking this treat as any other word.
   */
  isUnmarked(i: number): boolean {
    const tags = this.lexByToken[i]?.tags;
    return tags === undefined || tags.every((tag) => PLAIN_GRAMMAR.has(tag.type));
  }

  mentionStartingAt(i: number): Mention | undefined {
    return this.mentionByStart[i];
  }

  /** The mention whose last token is i - 1. */
  mentionEndingAt(end: number): Mention | undefined {
    return this.mentionByEnd[end];
  }

  mentionCovering(i: number): Mention | undefined {
    return this.mentionByToken[i];
  }

  /** Token i is a longer word with one of the endings glued to it: "membantahnya", "pasukannya". */
  hasEnding(i: number, endings: readonly string[]): boolean {
    const word = this.tokens[i].norm;
    return endings.some((ending) => word.length > ending.length + 2 && word.endsWith(ending));
  }

  isPunctuation(i: number): boolean {
    const token = this.tokens[i];
    return !token.isWord && !token.isNumber;
  }

  /** A clause-internal mark that still separates phrases: comma, stop, colon, quote, dash. */
  isBreak(i: number): boolean {
    const token = this.tokens[i];
    return this.isPunctuation(i) && token.text !== '(' && token.text !== ')' && token.text !== '/';
  }

  quoteContaining(i: number): QuoteSpan | undefined {
    return this.quotes.find((quote) => i > quote.open && i < quote.close);
  }

  isQuoteMarkAt(i: number): boolean {
    return isQuoteMark(this.tokens[i]);
  }

  isClosingQuote(i: number): boolean {
    return this.quotes.some((quote) => quote.close === i) && isQuoteMark(this.tokens[i]);
  }

  /** Text of tokens [start, end) as written in the document. */
  textOf(start: number, end: number): string {
    return this.text.slice(this.tokens[start].start, this.tokens[end - 1].end);
  }

  /** Topic groups named in tokens [start, end). */
  topicGroupsIn(start: number, end: number): Set<number> {
    const groups = new Set<number>();
    for (const mention of this.mentions) {
      if (mention.start >= start && mention.end <= end) mention.topicGroups.forEach((group) => groups.add(group));
    }
    return groups;
  }

  isOnTopic(start = 0, end = this.tokens.length): boolean {
    return this.topicGroupsIn(start, end).size === this.watch.topicGroupCount;
  }

  /**
   * "Menteri Pertahanan Pakistan Khawaja Asif ... “...,” kata Asif": a person named in full as a
   * speaker earlier in the document is named by the last word of that name alone later on.
   * `surnames` maps that word (normalised) to the speaker's mention; a capitalised token not
   * already part of a mention becomes a mention of the same actor.
   */
  takeUpSurnames(surnames: ReadonlyMap<string, Mention>): void {
    if (surnames.size === 0) return;
    const added: Mention[] = [];
    this.tokens.forEach((token, i) => {
      const named = token.isWord && token.isCapitalized && !this.mentionByToken[i] ? surnames.get(token.norm) : undefined;
      if (named) added.push({ ...named, start: i, end: i + 1 });
    });
    if (added.length === 0) return;
    this.mentions = [...this.mentions, ...added].sort((a, b) => a.start - b.start);
    this.indexMentions();
  }

  /**
   * The last words of the persons named in full as speakers here ("Khawaja Asif": "asif"), for
   * `takeUpSurnames` in later sentences: names of two or more capitalised words, none of them a
   * word the packs know, whose last word is no initial or particle (four letters or more).
   */
  surnamesNamed(): [string, Mention][] {
    const found: [string, Mention][] = [];
    for (const mention of this.mentions) {
      if (!mention.isSpeaker || mention.actorId === null || mention.end - mention.start < 2) continue;
      let plainName = true;
      for (let i = mention.start; i < mention.end && plainName; i++) plainName = this.tokens[i].isWord && this.tokens[i].isCapitalized && !this.lexAt(i);
      const last = this.tokens[mention.end - 1];
      if (plainName && last.norm.length >= MIN_SURNAME_LETTERS) found.push([last.norm, mention]);
    }
    return found;
  }

  /**
   * After a sentence that named the event, an event anaphor (`references.event_anaphors`: "it",
   * "the incident", "peristiwa itu") that opens the sentence, a quotation or a clause after a
   * comma takes it up without its doer: it becomes a mention of every event group, so that
   * "“It shows once again the brutality of Freedonia's war,” Trentino said" after "Trentino
   * called the blast an outrage" names the agent and the event. Not before a verb of saying
   * ("It said ..."). Returns whether one was found.
   */
  takeUpEvent(): boolean {
    const anaphor = this.lexSpans.find(({ start, end, tags }) => {
      if (!tags.some((tag) => tag.type === 'eventAnaphor') || this.mentionCovering(start)) return false;
      if (start > 0 && !this.isQuoteMarkAt(start - 1) && this.tokens[start - 1].text !== ',') return false;
      return end >= this.length || !this.is(end, 'attribution');
    });
    if (!anaphor) return false;
    const events = [...Array(this.watch.topicGroupCount).keys()].filter((group) => group !== this.watch.agentGroup);
    const mention: Mention = { start: anaphor.start, end: anaphor.end, actorId: null, isSpeaker: false, topicGroups: events, isContext: false };
    this.mentions = [...this.mentions, mention].sort((a, b) => a.start - b.start);
    this.indexMentions();
    return true;
  }

  /**
   * After a sentence that named the proposition, a deed noun with a demonstrative ("the
   * transfer", "pengiriman tersebut") names that deed with whoever did it: it becomes a mention of
   * every topic group. Not with a genitive after it ("the transfer of tanks" is another deed).
   * Returns whether one was found.
   */
  takeUpDeed(): boolean {
    const demonstrativeAfter = this.pack.pack.references.demonstrativePosition === 'after';
    const deed = this.lexSpans.find(({ start, end }) => {
      if (!this.is(start, 'deedNoun') || this.mentionCovering(start)?.actorId) return false;
      if (demonstrativeAfter) return this.is(end, 'demonstrative') && this.lexAt(end)!.start === end;
      return start > 0 && this.is(start - 1, 'demonstrative') && this.lexAt(start - 1)!.end === start && !this.is(end, 'genitive');
    });
    if (!deed) return false;
    const all = [...Array(this.watch.topicGroupCount).keys()];
    const mention: Mention = { start: deed.start, end: deed.end, actorId: null, isSpeaker: false, topicGroups: all, isContext: false };
    this.mentions = [...this.mentions.filter((other) => other.end <= deed.start || other.start >= deed.end), mention].sort((a, b) => a.start - b.start);
    this.indexMentions();
    return true;
  }
}
