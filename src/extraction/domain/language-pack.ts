// A language pack: everything the extractor knows about one language, as data
// (fixtures/languages/<code>.yaml). Adding a language is writing one of these files.
// The YAML files carry comments explaining each field; this module parses and validates them.

import { parse as parseYaml } from 'yaml';
import { STANCES, type Stance } from '../../domain/vocabulary.js';
import { FieldReader } from './config-reader.js';
import { deriveInflections, MORPHOLOGIES, type Morphology, type WordRole } from './inflections.js';
import { expandPhrase } from './phrase-trie.js';

/** How a cue finds the actor whose stance it expresses. */
export const CUE_KINDS = ['active', 'passive', 'nouns', 'labels'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export type CueLexicon = Record<CueKind, string[]>;

export type DatePart = 'early' | 'mid' | 'late';
export type DateUnit = 'day' | 'week' | 'weekend' | 'month' | 'year';
export type WordPosition = 'before' | 'after';

export interface DateVocabulary {
  /** Capitalised in text; ISO weekday number (Monday 1 ... Sunday 7). */
  weekdays: Record<string, number>;
  /** Full month names, 1-12; may stand alone ("pada bulan Agustus"). */
  months: Record<string, number>;
  /** Abbreviations, 1-12; only recognised next to a day number or a year ("Oct. 24"). */
  monthAbbreviations: Record<string, number>;
  /** Words that open a date phrase and belong to its basis ("pada hari", "on"). */
  lead: string[];
  /** Days relative to publication ("kemarin": -1, "hari ini": 0). */
  days: Record<string, number>;
  units: Record<string, DateUnit>;
  /** "lalu" after ("pekan lalu") or "last" before ("last week"). */
  previous: { words: string[]; position: WordPosition };
  current: { words: string[]; position: WordPosition };
  /** After a number and a unit: "dua hari lalu", "two days ago". */
  ago: string[];
  numbers: Record<string, number>;
  parts: Record<string, DatePart>;
  /** Turns the following date into an upper bound: "sebelum hari Sabtu". */
  before: string[];
  /** Days relative to the last dated event of the text: "the previous day" -1, "pada hari yang sama" 0. */
  relativeToEvent: Record<string, number>;
  /** Before a unit, "this" but ending the day before publication: "earlier this month". */
  earlier: string[];
  /** After a day number, a day of a month the text does not name: "on the 24th". */
  ordinalSuffixes: string[];
  /** Before a clause with another statement, which was made earlier: "a few days after Moscow rejected". */
  after: string[];
  /** Spans shorter than a day before "after"/"before": "hours after", "tak lama setelah". */
  hours: string[];
  /** Nouns naming a statement, which "after"/"before" date another by: "before the president's statement". */
  statementNouns: string[];
  /**
   * A sentence opening with these names the previous sentence's words as a statement and dates
   * them: "Hal itu disampaikan Nasrallah ... pada Kamis (19/9)", "The remarks were made on Thursday".
   */
  statementAnaphors: string[];
  /** Number words that only estimate ("a few", "beberapa"): "a few days after" is no exact day. */
  approximateNumbers: string[];
}

export interface LanguagePack {
  language: string;
  name: string;
  /** How "word+" in the lists below is inflected (inflections.ts); null: the pack lists every form. */
  morphology: Morphology | null;
  /** Frequent function words that tell this language from others, to pick a pack per sentence. */
  markers: string[];
  /** Endings glued to words ("-nya", "'s"), tried off when a word matches nothing as written. */
  clitics: string[];
  /** Words ending in a full stop that do not end a sentence ("Gen.", "Jl."). */
  abbreviations: string[];
  cues: Record<Stance, CueLexicon>;
  /** Phrases that contain cue words but are not cues ("tidak hanya", "not only"). */
  notCues: string[];
  /**
   * Confirm cues whose object is the accused ("accused", "blamed", "menuduh"): with a watch
   * agent, they confirm only when the agent is named apart from the accuser.
   */
  accusations: string[];
  /**
   * Words naming one's part in an event ("involved", "responsibility", "terlibat", "advance
   * knowledge"). Denying one's own part is denying the proposition only for its agent; for anyone
   * else it says neither.
   */
  involvement: string[];
  /**
   * Nouns naming someone's claim ("claim", "assessment", "klaim"): "the US claim that ..." is not
   * the speaker's but the US's own claim (owned-claims.ts).
   */
  claimNouns: string[];
  /**
   * Verbs that make a statement, report or claim ("made", "issued", "dibuat"): they link a claim
   * noun to its owner ("an assessment NATO made", "the report that Freedonia issued"), and with
   * no object after them they show that "that" opened a relative clause.
   */
  statementMakers: string[];
  /** Speculation about what may happen ("could", "is expected to", "akan"): reported words with it before the topic are no claim. */
  speculation: string[];
  /** An assessment's confidence built from a hedge or speculation word ("highly likely", "sangat mungkin"): it asserts, it does not speculate. */
  confidence: string[];
  /**
   * "without mentioning", "tanpa menyinggung": the reporter's note that the speaker left something
   * unsaid. Reported words end before it: what follows is no part of what was said.
   */
  omissions: string[];
  negation: string[];
  disjunctions: string[];
  hedges: string[];
  attribution: {
    speakerBefore: string[];
    speakerAfter: string[];
    speakerEither: string[];
    /** Speech verbs whose speaker is the last one named ("tambahnya"). */
    lastSpeaker: string[];
    complementizers: string[];
    /** Words right after a verb of saying that make it hearsay with no speaker: "Freedonia is said to have sent drones". */
    hearsay: string[];
  };
  conduits: { outlets: string[]; citing: string[]; outletNouns: string[] };
  references: {
    pronouns: string[];
    firstPerson: string[];
    roleNouns: string[];
    demonstratives: string[];
    /** Nouns of a deed ("the transfer", "pengiriman tersebut"): with a demonstrative, the deed the sentence before named. */
    deedNouns: string[];
    /** Words that take up the event the sentence before named, without its doer, when they open the sentence, a quotation or a clause after a comma: "“It shows ...", "Menurut X, peristiwa itu ...". */
    eventAnaphors: string[];
    /** Where the demonstrative stands: "juru bicara itu" (after) or "the spokesman" (before). */
    demonstrativePosition: WordPosition;
    /** Nouns that point back at whatever was named before ("the matter", "hal itu"): any other noun after a cue's preposition or determiner names another thing. */
    genericObjects: string[];
  };
  grammar: {
    prepositions: string[];
    /** "the leader of North Korea": after a role noun the name owns the role. */
    genitives: string[];
    /** "thousands of pagers", "some of the drones": a quantity before a genitive opens the noun phrase. */
    quantities: string[];
    /** "supplying Sylvania with drones": after a verb and its first object, the second one. */
    secondObjectMarkers: string[];
    coordinators: string[];
    /** Words that open a new clause ("sementara", "while"): subjects are not looked for across them. */
    clauseOpeners: string[];
    /** Prepositions that also open a clause ("sejak", "since"): a name after one, right before a verb, is that verb's subject. */
    subordinators: string[];
    passiveAuxiliaries: string[];
    /** A cue word after a passive auxiliary is passive only with one of these endings ("denied", not "denying"). */
    passiveParticipleEndings: string[];
    agentMarkers: string[];
    anaphoricObjects: string[];
    /** Complementizers that also open relative clauses: "the report that he said was false" (en "that"). */
    relativeComplementizers: string[];
    /** Words that only open relative clauses: "yang", "which". */
    relativizers: string[];
    /** Where a possessor stands next to its noun: "klaim AS" (after), "the US claim" (before). */
    possessorPosition: WordPosition;
    /** Words that give a verb's object a label: "dismissed the claims as baseless", "sebagai kabar bohong". */
    labelMarkers: string[];
    /** Words before a verb that another verb governs: "refused during the briefing to confirm", "menolak ... untuk mengonfirmasi". */
    infinitiveMarkers: string[];
    /** Determiners that make an event hypothetical before speculation: "any transfer ... would", "setiap pengiriman ... akan". */
    hypotheticalDeterminers: string[];
    /** Nouns of a deed done with a thing, which a topic term before or after them only modifies: "drone attack", "serangan rudal". */
    useHeads: string[];
    /** Verbs of using a thing, whose object topic term names another deed than supplying it: "launched 200 drones", "meluncurkan 200 drone". */
    useVerbs: string[];
    /** Nouns of what surrounds an event, not the deed: a topic term that only modifies one names the circumstance ("crash victims", "korban kecelakaan"), and a part in one is no part in the event ("took part in the investigation"). */
    circumstanceHeads: string[];
    /** Quantities of scarcity whose relative clause a negation completes into an affirmation: "little happens that X is not behind", "tidak banyak hal yang terjadi tanpa X". */
    scarcity: string[];
    /** Words marking the real doer against a report: "those really responsible", "pihak yang sebenarnya bertanggung jawab". */
    realDoers: string[];
    /** Verbs of belief whose negation negates the part after them: "could not imagine X having a hand in it", "tidak percaya X berada di balik". */
    beliefVerbs: string[];
    /** Adverbs that stand between "and" and its verb, or open reported words, without being a subject: "and again insisted", "dan kembali menegaskan". */
    adverbs: string[];
    /** Auxiliaries before a verb, no subject of their own: "it had struck", "telah menyerang". */
    auxiliaries: string[];
    /** Verbs by which evidence points at something: "nothing in the evidence indicates an X strike" denies it. */
    evidenceVerbs: string[];
    /** Causes with no doer, an accident's: the agent naming one for the event puts it on no one ("a bird strike caused an emergency"). */
    accidentCauses: string[];
    /** Indefinite articles before a speaker phrase: "“...,” a Freedonian official said". */
    indefiniteArticles: string[];
    /** Verbs that give their object a label with no marker: "calling it a lie", "menyebutnya kebohongan". */
    labelVerbs: string[];
    /** Endings of a participle that opens a clause after a comma with the sentence's subject: "..., calling it a lie". */
    participleEndings: string[];
    /** Words that stand for a doer not named: "not in a position to say who destroyed the dam", "declined to say who", "siapa yang menghancurkan", "pihak yang bertanggung jawab". */
    openAgents: string[];
    /** Words that open a yes-or-no question: "asked whether Zedland's drones had been used", "ditanya apakah". */
    yesNoQuestions: string[];
    /** Words of losing a thing: "India lost fighter jets in the clashes with Pakistan", "kehilangan pesawat". */
    lossWords: string[];
  };
  pastMarkers: string[];
  /** Past markers that also put a statement before the same actor's later change of stance: "initially", "earlier", "awalnya", "sebelumnya". */
  initialMarkers: string[];
  dates: DateVocabulary;
  furniture: { lines: string[]; tail: string[] };
  speakers: SpeakerVocabulary;
  /** Verbs of many deeds ("use+", "beroperasi"): not read by the extractor; `watch check` warns of one written alone as an event term. */
  genericVerbs: string[];
}

/** How speakers are named without a watch listing them (issue 12, item 5 and 6). */
export interface SpeakerVocabulary {
  /** Offices that speak for the country named beside them: "foreign ministry", "juru bicara", "state media". */
  officeNouns: string[];
  /** Before an office, the party named earlier: "its UN representative". */
  possessives: string[];
  /** Glued to an office, the party named earlier: "perwakilannya". */
  possessiveSuffixes: string[];
  /** A capitalised word that makes a place name a publication: "The Moscow Times", "Jakarta Post". */
  outletNames: string[];
  /** Unnamed sources: nobody, even with a country beside them ("Freedonian sources", "sumber yang mengetahui"). */
  anonymousSources: string[];
  /** After a speaker, making it unnamed: "a Lebanese official who asked not to be named", "pejabat AS yang tidak disebutkan namanya". */
  anonymousAfter: string[];
  /** "X denied it, as did Y": Y takes the same stance. */
  likewise: string[];
}

const TOP_LEVEL_FIELDS = [
  'language', 'name', 'morphology', 'markers', 'clitics', 'abbreviations', 'cues', 'not_cues', 'accusations', 'involvement',
  'claim_nouns', 'statement_makers', 'speculation', 'confidence', 'omissions', 'negation', 'disjunctions',
  'hedges', 'attribution', 'conduits', 'references', 'grammar', 'past_markers', 'initial_markers', 'dates', 'furniture', 'speakers',
  'generic_verbs',
];

export function parseLanguagePack(yamlText: string, fileName: string): LanguagePack {
  const root = FieldReader.root(fileName, parseYaml(yamlText)).allowOnly(TOP_LEVEL_FIELDS);
  const morphologyField = root.field('morphology');
  const morphology = morphologyField.isMissing ? null : morphologyField.oneOf(MORPHOLOGIES);
  const { phrases, optionalPhrases } = phraseReader(morphology);
  const attribution = root.field('attribution').allowOnly(['speaker_before', 'speaker_after', 'speaker_either', 'last_speaker', 'complementizers', 'hearsay']);
  const conduits = root.field('conduits').allowOnly(['outlets', 'citing', 'outlet_nouns']);
  const references = root
    .field('references')
    .allowOnly(['pronouns', 'first_person', 'role_nouns', 'demonstratives', 'deed_nouns', 'event_anaphors', 'demonstrative_position', 'generic_objects']);
  const grammar = root
    .field('grammar')
    .allowOnly([
      'prepositions', 'genitives', 'quantities', 'second_object_markers', 'coordinators', 'clause_openers', 'passive_auxiliaries', 'passive_participle_endings', 'agent_markers',
      'anaphoric_objects', 'relative_complementizers', 'relativizers', 'possessor_position', 'label_markers',
      'infinitive_markers', 'hypothetical_determiners', 'use_heads', 'use_verbs', 'circumstance_heads', 'scarcity', 'real_doers', 'belief_verbs',
      'adverbs', 'auxiliaries', 'evidence_verbs', 'indefinite_articles', 'label_verbs', 'participle_endings', 'open_agents',
      'subordinators', 'yes_no_questions', 'loss_words', 'accident_causes',
    ]);
  const furniture = root.field('furniture').allowOnly(['lines', 'tail']);
  return {
    language: root.field('language').string(),
    name: root.field('name').string(),
    morphology,
    markers: phrases(root.field('markers')),
    clitics: root.field('clitics').optionalStringList(),
    abbreviations: root.field('abbreviations').optionalStringList(),
    cues: readCues(root.field('cues'), optionalPhrases),
    notCues: optionalPhrases(root.field('not_cues')),
    accusations: optionalPhrases(root.field('accusations')),
    involvement: optionalPhrases(root.field('involvement')),
    claimNouns: optionalPhrases(root.field('claim_nouns'), 'noun'),
    statementMakers: optionalPhrases(root.field('statement_makers')),
    speculation: optionalPhrases(root.field('speculation')),
    confidence: optionalPhrases(root.field('confidence')),
    omissions: optionalPhrases(root.field('omissions')),
    negation: phrases(root.field('negation')),
    disjunctions: optionalPhrases(root.field('disjunctions')),
    hedges: phrases(root.field('hedges')),
    attribution: {
      speakerBefore: optionalPhrases(attribution.field('speaker_before')),
      speakerAfter: optionalPhrases(attribution.field('speaker_after')),
      speakerEither: optionalPhrases(attribution.field('speaker_either')),
      lastSpeaker: optionalPhrases(attribution.field('last_speaker')),
      complementizers: phrases(attribution.field('complementizers')),
      hearsay: optionalPhrases(attribution.field('hearsay')),
    },
    conduits: {
      outlets: phrases(conduits.field('outlets')),
      citing: optionalPhrases(conduits.field('citing')),
      outletNouns: optionalPhrases(conduits.field('outlet_nouns')),
    },
    references: {
      pronouns: phrases(references.field('pronouns')),
      firstPerson: phrases(references.field('first_person')),
      roleNouns: phrases(references.field('role_nouns')),
      demonstratives: phrases(references.field('demonstratives')),
      deedNouns: optionalPhrases(references.field('deed_nouns'), 'noun'),
      eventAnaphors: optionalPhrases(references.field('event_anaphors')),
      demonstrativePosition: references.field('demonstrative_position').oneOf(['before', 'after'] as const),
      genericObjects: optionalPhrases(references.field('generic_objects'), 'noun'),
    },
    grammar: {
      prepositions: phrases(grammar.field('prepositions')),
      genitives: optionalPhrases(grammar.field('genitives')),
      quantities: optionalPhrases(grammar.field('quantities')),
      secondObjectMarkers: optionalPhrases(grammar.field('second_object_markers')),
      coordinators: phrases(grammar.field('coordinators')),
      clauseOpeners: optionalPhrases(grammar.field('clause_openers')),
      subordinators: optionalPhrases(grammar.field('subordinators')),
      passiveAuxiliaries: optionalPhrases(grammar.field('passive_auxiliaries')),
      passiveParticipleEndings: grammar.field('passive_participle_endings').optionalStringList(),
      agentMarkers: phrases(grammar.field('agent_markers')),
      anaphoricObjects: optionalPhrases(grammar.field('anaphoric_objects')),
      relativeComplementizers: optionalPhrases(grammar.field('relative_complementizers')),
      relativizers: optionalPhrases(grammar.field('relativizers')),
      possessorPosition: grammar.field('possessor_position').isMissing ? 'before' : grammar.field('possessor_position').oneOf(['before', 'after'] as const),
      labelMarkers: optionalPhrases(grammar.field('label_markers')),
      infinitiveMarkers: optionalPhrases(grammar.field('infinitive_markers')),
      hypotheticalDeterminers: optionalPhrases(grammar.field('hypothetical_determiners')),
      useHeads: optionalPhrases(grammar.field('use_heads'), 'noun'),
      useVerbs: optionalPhrases(grammar.field('use_verbs')),
      circumstanceHeads: optionalPhrases(grammar.field('circumstance_heads'), 'noun'),
      scarcity: optionalPhrases(grammar.field('scarcity')),
      realDoers: optionalPhrases(grammar.field('real_doers')),
      beliefVerbs: optionalPhrases(grammar.field('belief_verbs')),
      adverbs: optionalPhrases(grammar.field('adverbs')),
      auxiliaries: optionalPhrases(grammar.field('auxiliaries')),
      evidenceVerbs: optionalPhrases(grammar.field('evidence_verbs')),
      accidentCauses: optionalPhrases(grammar.field('accident_causes')),
      indefiniteArticles: optionalPhrases(grammar.field('indefinite_articles')),
      labelVerbs: optionalPhrases(grammar.field('label_verbs')),
      participleEndings: grammar.field('participle_endings').optionalStringList(),
      openAgents: optionalPhrases(grammar.field('open_agents')),
      yesNoQuestions: optionalPhrases(grammar.field('yes_no_questions')),
      lossWords: optionalPhrases(grammar.field('loss_words')),
    },
    pastMarkers: phrases(root.field('past_markers')),
    initialMarkers: optionalPhrases(root.field('initial_markers')),
    genericVerbs: optionalPhrases(root.field('generic_verbs')),
    dates: readDates(root.field('dates'), phrases, optionalPhrases),
    furniture: { lines: optionalPhrases(furniture.field('lines')), tail: optionalPhrases(furniture.field('tail')) },
    speakers: readSpeakers(root.field('speakers'), optionalPhrases),
  };
}

const NO_SPEAKER_VOCABULARY: SpeakerVocabulary = {
  officeNouns: [], possessives: [], possessiveSuffixes: [], outletNames: [], anonymousSources: [], anonymousAfter: [], likewise: [],
};

function readSpeakers(speakers: FieldReader, optionalPhrases: PhraseReader['optionalPhrases']): SpeakerVocabulary {
  if (speakers.isMissing) return NO_SPEAKER_VOCABULARY;
  speakers.allowOnly(['office_nouns', 'possessives', 'possessive_suffixes', 'outlet_names', 'anonymous_sources', 'anonymous_after', 'likewise']);
  return {
    officeNouns: optionalPhrases(speakers.field('office_nouns')),
    possessives: optionalPhrases(speakers.field('possessives')),
    possessiveSuffixes: speakers.field('possessive_suffixes').optionalStringList(),
    outletNames: optionalPhrases(speakers.field('outlet_names')),
    anonymousSources: optionalPhrases(speakers.field('anonymous_sources')),
    anonymousAfter: optionalPhrases(speakers.field('anonymous_after')),
    likewise: optionalPhrases(speakers.field('likewise')),
  };
}

/** How a word marked "+" is inflected in each cue list. */
const CUE_ROLES: Record<CueKind, WordRole> = { active: 'verb', passive: 'passive', nouns: 'noun', labels: 'verb' };

function readCues(cues: FieldReader, optionalPhrases: PhraseReader['optionalPhrases']): Record<Stance, CueLexicon> {
  cues.allowOnly(STANCES);
  const read = (stance: Stance): CueLexicon => {
    const lexicon = cues.field(stance).allowOnly(CUE_KINDS);
    const result = Object.fromEntries(CUE_KINDS.map((kind) => [kind, optionalPhrases(lexicon.field(kind), CUE_ROLES[kind])])) as CueLexicon;
    if (CUE_KINDS.every((kind) => result[kind].length === 0)) lexicon.fail('must list at least one cue');
    return result;
  };
  return { deny: read('deny'), neither: read('neither'), confirm: read('confirm') };
}

const DATE_FIELDS = [
  'weekdays', 'months', 'month_abbreviations', 'lead', 'days', 'units', 'previous', 'current', 'ago', 'numbers',
  'parts', 'before', 'relative_to_event', 'earlier', 'ordinal_suffixes', 'after', 'hours', 'statement_nouns', 'statement_anaphors',
  'approximate_numbers',
];
const DATE_UNITS: readonly DateUnit[] = ['day', 'week', 'weekend', 'month', 'year'];
const DATE_PARTS: readonly DatePart[] = ['early', 'mid', 'late'];

function readDates(dates: FieldReader, phrases: PhraseReader['phrases'], optionalPhrases: PhraseReader['optionalPhrases']): DateVocabulary {
  dates.allowOnly(DATE_FIELDS);
  const positioned = (field: FieldReader) => {
    field.allowOnly(['words', 'position']);
    return { words: phrases(field.field('words')), position: field.field('position').oneOf(['before', 'after'] as const) };
  };
  return {
    weekdays: numberMap(dates.field('weekdays'), 1, 7),
    months: numberMap(dates.field('months'), 1, 12),
    monthAbbreviations: dates.field('month_abbreviations').isMissing ? {} : numberMap(dates.field('month_abbreviations'), 1, 12),
    lead: optionalPhrases(dates.field('lead')),
    days: dates.field('days').isMissing ? {} : numberMap(dates.field('days'), -31, 0),
    units: choiceMap(dates.field('units'), DATE_UNITS),
    previous: positioned(dates.field('previous')),
    current: positioned(dates.field('current')),
    ago: optionalPhrases(dates.field('ago')),
    numbers: dates.field('numbers').isMissing ? {} : numberMap(dates.field('numbers'), 1, 100),
    parts: choiceMap(dates.field('parts'), DATE_PARTS),
    before: optionalPhrases(dates.field('before')),
    relativeToEvent: dates.field('relative_to_event').isMissing ? {} : numberMap(dates.field('relative_to_event'), -31, 31),
    earlier: optionalPhrases(dates.field('earlier')),
    ordinalSuffixes: dates.field('ordinal_suffixes').optionalStringList(),
    after: optionalPhrases(dates.field('after')),
    hours: optionalPhrases(dates.field('hours')),
    statementNouns: optionalPhrases(dates.field('statement_nouns'), 'noun'),
    statementAnaphors: optionalPhrases(dates.field('statement_anaphors')),
    approximateNumbers: optionalPhrases(dates.field('approximate_numbers')),
  };
}

interface PhraseReader {
  phrases(field: FieldReader, role?: WordRole): string[];
  optionalPhrases(field: FieldReader, role?: WordRole): string[];
}

/**
 * Reads lists of lexicon phrases: each "word+" becomes its inflected forms (inflections.ts), and
 * each phrase is checked against the phrase syntax, the error naming the list item.
 */
function phraseReader(morphology: Morphology | null): PhraseReader {
  const phrases = (field: FieldReader, role: WordRole = 'verb'): string[] =>
    field.stringList().map((written, index) => {
      try {
        const phrase = deriveInflections(written, morphology, role);
        expandPhrase(phrase);
        return phrase;
      } catch (error) {
        return new FieldReader(field.file, `${field.path}[${index}]`, written).fail((error as Error).message);
      }
    });
  return { phrases, optionalPhrases: (field, role) => (field.isMissing ? [] : phrases(field, role)) };
}

function numberMap(field: FieldReader, min: number, max: number): Record<string, number> {
  return Object.fromEntries(
    field.entries().map(([key, value]) => {
      const number = value.number();
      if (!Number.isInteger(number) || number < min || number > max) value.fail(`must be a whole number from ${min} to ${max}`);
      return [key, number];
    }),
  );
}

function choiceMap<T extends string>(field: FieldReader, allowed: readonly T[]): Record<string, T> {
  return Object.fromEntries(field.entries().map(([key, value]) => [key, value.oneOf(allowed)]));
}
