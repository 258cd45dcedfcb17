// A language pack compiled for matching: one trie for the sentence lexicon, one for date words,
// one for page furniture. Built once per pack and reused for every document.

import type { Stance } from '../../domain/vocabulary.js';
import type { CueKind, DatePart, DateUnit, LanguagePack } from './language-pack.js';
import { PhraseTrie } from './phrase-trie.js';
import { normalizeWord } from './tokens.js';

export type LexTag =
  | { type: 'cue'; stance: Stance; kind: CueKind }
  | { type: 'notCue' }
  | { type: 'accusation' }
  | { type: 'involvement' }
  | { type: 'claimNoun' }
  | { type: 'statementMaker' }
  | { type: 'relativeComplementizer' }
  | { type: 'relativizer' }
  | { type: 'labelMarker' }
  | { type: 'infinitive' }
  | { type: 'speculation' }
  | { type: 'confidence' }
  | { type: 'hypothetical' }
  | { type: 'useHead' }
  | { type: 'useVerb' }
  | { type: 'circumstanceHead' }
  | { type: 'scarcity' }
  | { type: 'realDoer' }
  | { type: 'beliefVerb' }
  | { type: 'adverb' }
  | { type: 'auxiliary' }
  | { type: 'evidenceVerb' }
  | { type: 'accidentCause' }
  | { type: 'indefinite' }
  | { type: 'labelVerb' }
  | { type: 'openAgent' }
  | { type: 'hearsay' }
  | { type: 'omission' }
  | { type: 'negation' }
  | { type: 'disjunction' }
  | { type: 'hedge' }
  | { type: 'attribution'; speaker: 'before' | 'after' | 'either' | 'last' }
  | { type: 'complementizer' }
  | { type: 'conduit' }
  | { type: 'citing' }
  | { type: 'outletNoun' }
  | { type: 'pronoun' }
  | { type: 'firstPerson' }
  | { type: 'roleNoun' }
  | { type: 'demonstrative' }
  | { type: 'deedNoun' }
  | { type: 'yesNoQuestion' }
  | { type: 'lossWord' }
  | { type: 'eventAnaphor' }
  | { type: 'genericObject' }
  | { type: 'preposition' }
  | { type: 'genitive' }
  | { type: 'quantity' }
  | { type: 'secondObject' }
  | { type: 'coordinator' }
  | { type: 'clauseOpener' }
  | { type: 'subordinator' }
  | { type: 'passiveAuxiliary' }
  | { type: 'agentMarker' }
  | { type: 'anaphoricObject' }
  | { type: 'past' }
  | { type: 'initial' }
  | { type: 'possessive' }
  | { type: 'outletName' }
  | { type: 'anonymousSource' }
  | { type: 'anonymousAfter' }
  | { type: 'likewise' };

export type LexTagType = LexTag['type'];

export type DateWord =
  | { type: 'weekday'; value: number }
  | { type: 'month'; value: number; abbreviation: boolean }
  | { type: 'lead' }
  | { type: 'day'; value: number }
  | { type: 'unit'; value: DateUnit }
  | { type: 'previous' }
  | { type: 'current' }
  | { type: 'ago' }
  | { type: 'number'; value: number }
  | { type: 'part'; value: DatePart }
  | { type: 'before' }
  | { type: 'eventDay'; value: number }
  | { type: 'earlier' }
  | { type: 'after' }
  | { type: 'hours' }
  | { type: 'statementNoun' }
  | { type: 'approximate' }
  | { type: 'ordinal' };

export interface CompiledPack {
  pack: LanguagePack;
  lexicon: PhraseTrie<LexTag>;
  dateWords: PhraseTrie<DateWord>;
  furniture: PhraseTrie<{ tail: boolean }>;
  /** The involvement words on their own: cue phrases ("rejected any connection") contain them too. */
  involvement: PhraseTrie<true>;
  /** The claim nouns on their own: cue phrases ("rejected the claims") contain them too. */
  claimNouns: PhraseTrie<true>;
  /** Openings that name the previous sentence's words as a statement: "Hal itu disampaikan", "The remarks were made". */
  statementAnaphors: PhraseTrie<true>;
  markers: ReadonlySet<string>;
  /** The pack's abbreviations as the sentence splitter compares them: lower case, no full stop. */
  abbreviations: ReadonlySet<string>;
}

const compiled = new WeakMap<LanguagePack, CompiledPack>();

export function compilePack(pack: LanguagePack): CompiledPack {
  const cached = compiled.get(pack);
  if (cached) return cached;
  const result: CompiledPack = {
    pack,
    lexicon: compileLexicon(pack),
    dateWords: compileDateWords(pack),
    furniture: compileFurniture(pack),
    involvement: wordsOnTheirOwn(pack, pack.involvement),
    claimNouns: wordsOnTheirOwn(pack, pack.claimNouns),
    statementAnaphors: wordsOnTheirOwn(pack, pack.dates.statementAnaphors),
    markers: new Set(pack.markers.map(normalizeWord)),
    abbreviations: new Set(pack.abbreviations.map((word) => word.toLowerCase().replace(/\.$/, ''))),
  };
  compiled.set(pack, result);
  return result;
}

function compileLexicon(pack: LanguagePack): PhraseTrie<LexTag> {
  const trie = new PhraseTrie<LexTag>(pack.clitics);
  const addAll = (phrases: readonly string[], tag: LexTag) => phrases.forEach((phrase) => trie.addPhrase(phrase, tag));
  for (const [stance, lexicon] of Object.entries(pack.cues) as [Stance, LanguagePack['cues'][Stance]][]) {
    for (const [kind, phrases] of Object.entries(lexicon) as [CueKind, string[]][]) addAll(phrases, { type: 'cue', stance, kind });
  }
  addAll(pack.notCues, { type: 'notCue' });
  // An accusation is a confirm cue whose object is the accused.
  pack.accusations.forEach((phrase) => {
    trie.addPhrase(phrase, { type: 'cue', stance: 'confirm', kind: 'active' });
    trie.addPhrase(phrase, { type: 'accusation' });
  });
  addAll(pack.involvement, { type: 'involvement' });
  addAll(pack.claimNouns, { type: 'claimNoun' });
  addAll(pack.statementMakers, { type: 'statementMaker' });
  addAll(pack.grammar.relativeComplementizers, { type: 'relativeComplementizer' });
  addAll(pack.grammar.relativizers, { type: 'relativizer' });
  addAll(pack.grammar.labelMarkers, { type: 'labelMarker' });
  addAll(pack.grammar.infinitiveMarkers, { type: 'infinitive' });
  addAll(pack.speculation, { type: 'speculation' });
  // Longer than the hedge or speculation word in it, so that word is no hedge there.
  addAll(pack.confidence, { type: 'confidence' });
  addAll(pack.grammar.hypotheticalDeterminers, { type: 'hypothetical' });
  addAll(pack.grammar.useHeads, { type: 'useHead' });
  addAll(pack.grammar.useVerbs, { type: 'useVerb' });
  addAll(pack.grammar.circumstanceHeads, { type: 'circumstanceHead' });
  addAll(pack.grammar.scarcity, { type: 'scarcity' });
  addAll(pack.grammar.realDoers, { type: 'realDoer' });
  addAll(pack.grammar.beliefVerbs, { type: 'beliefVerb' });
  addAll(pack.grammar.adverbs, { type: 'adverb' });
  addAll(pack.grammar.auxiliaries, { type: 'auxiliary' });
  addAll(pack.grammar.evidenceVerbs, { type: 'evidenceVerb' });
  addAll(pack.grammar.accidentCauses, { type: 'accidentCause' });
  addAll(pack.grammar.indefiniteArticles, { type: 'indefinite' });
  addAll(pack.grammar.labelVerbs, { type: 'labelVerb' });
  addAll(pack.grammar.openAgents, { type: 'openAgent' });
  addAll(pack.grammar.yesNoQuestions, { type: 'yesNoQuestion' });
  addAll(pack.grammar.lossWords, { type: 'lossWord' });
  addAll(pack.omissions, { type: 'omission' });
  addAll(pack.negation, { type: 'negation' });
  addAll(pack.disjunctions, { type: 'disjunction' });
  addAll(pack.hedges, { type: 'hedge' });
  addAll(pack.attribution.speakerBefore, { type: 'attribution', speaker: 'before' });
  addAll(pack.attribution.speakerAfter, { type: 'attribution', speaker: 'after' });
  addAll(pack.attribution.speakerEither, { type: 'attribution', speaker: 'either' });
  addAll(pack.attribution.lastSpeaker, { type: 'attribution', speaker: 'last' });
  addAll(pack.attribution.hearsay, { type: 'hearsay' });
  addAll(pack.attribution.complementizers, { type: 'complementizer' });
  addAll(pack.conduits.outlets, { type: 'conduit' });
  addAll(pack.conduits.citing, { type: 'citing' });
  addAll(pack.conduits.outletNouns, { type: 'outletNoun' });
  addAll(pack.references.pronouns, { type: 'pronoun' });
  addAll(pack.references.firstPerson, { type: 'firstPerson' });
  addAll(pack.references.roleNouns, { type: 'roleNoun' });
  addAll(pack.references.demonstratives, { type: 'demonstrative' });
  addAll(pack.references.deedNouns, { type: 'deedNoun' });
  addAll(pack.references.eventAnaphors, { type: 'eventAnaphor' });
  addAll(pack.references.genericObjects, { type: 'genericObject' });
  addAll(pack.grammar.prepositions, { type: 'preposition' });
  addAll(pack.grammar.genitives, { type: 'genitive' });
  addAll(pack.grammar.quantities, { type: 'quantity' });
  addAll(pack.grammar.secondObjectMarkers, { type: 'secondObject' });
  addAll(pack.grammar.coordinators, { type: 'coordinator' });
  addAll(pack.grammar.clauseOpeners, { type: 'clauseOpener' });
  addAll(pack.grammar.subordinators, { type: 'subordinator' });
  addAll(pack.grammar.passiveAuxiliaries, { type: 'passiveAuxiliary' });
  addAll(pack.grammar.agentMarkers, { type: 'agentMarker' });
  addAll(pack.grammar.anaphoricObjects, { type: 'anaphoricObject' });
  addAll(pack.pastMarkers, { type: 'past' });
  addAll(pack.initialMarkers, { type: 'past' });
  addAll(pack.initialMarkers, { type: 'initial' });
  // Offices are role nouns the pack supplies, so a watch need not list "Freedonian foreign ministry".
  addAll(pack.speakers.officeNouns, { type: 'roleNoun' });
  addAll(pack.speakers.possessives, { type: 'possessive' });
  addAll(pack.speakers.outletNames, { type: 'outletName' });
  addAll(pack.speakers.anonymousSources, { type: 'anonymousSource' });
  addAll(pack.speakers.anonymousAfter, { type: 'anonymousAfter' });
  addAll(pack.speakers.likewise, { type: 'likewise' });
  return trie;
}

function compileDateWords(pack: LanguagePack): PhraseTrie<DateWord> {
  const dates = pack.dates;
  const trie = new PhraseTrie<DateWord>(pack.clitics); // "Thursday's press conference"
  const add = (phrase: string, word: DateWord) => trie.addPhrase(phrase, word);
  for (const [name, value] of Object.entries(dates.weekdays)) add(name, { type: 'weekday', value });
  for (const [name, value] of Object.entries(dates.months)) add(name, { type: 'month', value, abbreviation: false });
  for (const [name, value] of Object.entries(dates.monthAbbreviations)) add(name, { type: 'month', value, abbreviation: true });
  dates.lead.forEach((phrase) => add(phrase, { type: 'lead' }));
  for (const [phrase, value] of Object.entries(dates.days)) add(phrase, { type: 'day', value });
  for (const [phrase, value] of Object.entries(dates.units)) add(phrase, { type: 'unit', value });
  dates.previous.words.forEach((phrase) => add(phrase, { type: 'previous' }));
  dates.current.words.forEach((phrase) => add(phrase, { type: 'current' }));
  dates.ago.forEach((phrase) => add(phrase, { type: 'ago' }));
  for (const [phrase, value] of Object.entries(dates.numbers)) add(phrase, { type: 'number', value });
  for (const [phrase, value] of Object.entries(dates.parts)) add(phrase, { type: 'part', value });
  dates.before.forEach((phrase) => add(phrase, { type: 'before' }));
  for (const [phrase, value] of Object.entries(dates.relativeToEvent)) add(phrase, { type: 'eventDay', value });
  dates.earlier.forEach((phrase) => add(phrase, { type: 'earlier' }));
  dates.ordinalSuffixes.forEach((phrase) => add(phrase, { type: 'ordinal' }));
  dates.after.forEach((phrase) => add(phrase, { type: 'after' }));
  dates.hours.forEach((phrase) => add(phrase, { type: 'hours' }));
  dates.statementNouns.forEach((phrase) => add(phrase, { type: 'statementNoun' }));
  dates.approximateNumbers.forEach((phrase) => add(phrase, { type: 'approximate' }));
  return trie;
}

function wordsOnTheirOwn(pack: LanguagePack, phrases: readonly string[]): PhraseTrie<true> {
  const trie = new PhraseTrie<true>(pack.clitics);
  phrases.forEach((phrase) => trie.addPhrase(phrase, true));
  return trie;
}

function compileFurniture(pack: LanguagePack): PhraseTrie<{ tail: boolean }> {
  const trie = new PhraseTrie<{ tail: boolean }>();
  pack.furniture.lines.forEach((phrase) => trie.addPhrase(phrase, { tail: false }));
  pack.furniture.tail.forEach((phrase) => trie.addPhrase(phrase, { tail: true }));
  return trie;
}
