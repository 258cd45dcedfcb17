// Whether a statement bears on the proposition "the agent did the event", not only on its topic.
// Only for a watch with an agent (watch.agent); without one every on-topic statement bears.
//
// - Event-only statements are no claim: "the blasts injured 3,000", "Freedonia's health
//   ministry said it was gathering information about the explosions". They name the event but
//   not who did it, or name the agent only as the speaker and the event only as what the words
//   are about (after "about", "in", "tentang", "dalam").
// - A statement bears when the agent is named in what is said (not as the speaker), when the
//   agent itself speaks and its words govern the event ("denied sending troops", "'we have not
//   sent a single soldier'"), or when it is about someone's part in the event ("involvement",
//   "not involved", "tidak terlibat", "no advance knowledge").
// - Denying one's own part ("Z said it was not involved") is denying the proposition only when
//   Z is the agent; for anyone else it says neither.

import type { Stance } from '../../domain/vocabulary.js';
import { opensRelativeClause } from './attribution.js';
import { isPossessive, type ResolvedActor, type SentenceReferences } from './references.js';
import type { SentenceView } from './sentence-view.js';
import type { Mention } from './watch-matcher.js';

/** How far after a cue the part it denies may be named: "denied any direct involvement in". */
const INVOLVEMENT_REACH = 6;
/** A negation this close before an involvement word negates it: "was not directly involved", "had not known about the attacks beforehand". */
const INVOLVEMENT_NEGATION_REACH = 6;
/** A claim noun opens another party's claim when its "that"/"bahwa" follows this closely. */
const CLAIM_NOUN_REACH = 3;

export interface Role {
  /** Token index of the involvement word. */
  at: number;
  /** Whose part it is: an actor named before it, else the statement's own actors. */
  owners: string[];
  /** The owners are named before the word, not taken from the statement. */
  ownerNamed: boolean;
  negated: boolean;
}

export function agentOf(view: SentenceView): string | null {
  return view.watch.watch.agent;
}

/** The agent named by a mention: its actor, or a term of the agent group ("militer Korea Utara"). */
function namesAgent(view: SentenceView, mention: Mention): boolean {
  return view.watch.agentGroup !== null && mention.topicGroups.includes(view.watch.agentGroup);
}

/** Every event group (every topic group but the agent's) is named in [start, end). */
export function namesEvent(view: SentenceView, start = 0, end = view.length): boolean {
  const groups = view.topicGroupsIn(start, end);
  if (view.watch.agentGroup !== null) groups.delete(view.watch.agentGroup);
  const eventGroups = view.watch.topicGroupCount - (view.watch.agentGroup === null ? 0 : 1);
  return groups.size === eventGroups;
}

/**
 * The agent is named in [start, end) by the statement's words, not as its speaker: a name of the
 * speaking actor that stands as a subject ("Freedonia's ministry confirmed ...") does not count.
 */
export function agentNamedIn(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: readonly ResolvedActor[]): boolean {
  const speaking = new Set(speakers.map((actor) => actor.actorId));
  return view.mentions.some(
    (mention) =>
      mention.start >= start && mention.end <= end && namesAgent(view, mention) && !placeOrTarget(view, mention) &&
      !(mention.actorId !== null && speaking.has(mention.actorId) && refs.isSubjectCandidate(mention)),
  );
}

/**
 * "a missile fired from within Gaza towards Israel", "ditembakkan ke Freedonia": the agent named
 * on its own after a preposition that is neither an agent marker ("by", "oleh"), a genitive
 * ("of") nor one of someone's part ("behind") is a place or a target, not the doer the words
 * speak of. Not a name that modifies what follows it ("about North Korean troops", "about
 * Israel's strike"), which names the deed's owner.
 */
function placeOrTarget(view: SentenceView, mention: Mention): boolean {
  const before = mention.start - 1;
  if (before < 0 || !view.is(before, 'preposition') || view.is(before, 'agentMarker') || view.is(before, 'genitive') || view.is(before, 'involvement')) return false;
  if (isPossessive(view.tokens[mention.end - 1].text)) return false;
  const after = mention.end;
  return after >= view.length || !view.tokens[after].isWord || (view.is(after, 'preposition') && !view.mentionCovering(after));
}

/**
 * The words after `start` govern an event term: "sending troops", "supplied any drones", and
 * with `objectAtStart` the cue's own object ("denied the deployment"). Not an event term after
 * a preposition ("information about the explosions", "injured in the blasts"), nor one that
 * opens the reported words as their subject ("the blasts injured 3,000").
 */
export function governsEvent(view: SentenceView, start: number, end: number, objectAtStart: boolean): boolean {
  return view.mentions.some((mention) => {
    if (mention.start < start || mention.end > end || !isEventMention(view, mention)) return false;
    // "the crash victims", "korban kecelakaan pesawat": the words are about the victims.
    if (modifiesCircumstance(view, mention)) return false;
    let before = mention.start - 1;
    // The whole noun phrase: "penempatan pasukan", "North Korean troops" are one phrase, governed
    // by what precedes it ("questions about North Korean troops" is not).
    for (let covering = view.mentionCovering(before); before >= start && covering && covering.topicGroups.length > 0; covering = view.mentionCovering(before)) {
      before = covering.start - 1;
    }
    before = beforeProperModifiers(view, start, before);
    before = beforePossessedModifiers(view, start, before);
    if (before >= start && (view.is(before, 'demonstrative') || view.is(before, 'anaphoricObject'))) before--;
    before = beforeQuantity(view, start, before);
    // Reported words that open with a quotation mark start after it: "“Drones were supplied by ...".
    while (before >= start && view.isQuoteMarkAt(before)) before--;
    if (possessedAfter(view, mention)) return true;
    // "'We assess that North Korean soldiers have been engaged in combat,' the Pentagon said":
    // after "that" in the words, a clause opens as the words themselves do.
    if (before < start || (before > start && view.is(before, 'complementizer'))) return objectAtStart;
    // "kecelakaan pesawat yang menewaskan ...", "the crash that killed ...": the relative clause
    // goes on naming the event before it, which decides by its own place.
    if ((view.is(before, 'relativizer') || view.is(before, 'relativeComplementizer')) && isEventBefore(view, before)) return false;
    // "was behind the attack", "its role in the blasts": someone's part in the event, whatever the preposition.
    if (view.is(before, 'preposition') && (view.is(before, 'involvement') || (before > start && view.is(before - 1, 'involvement')))) return true;
    if (view.is(before, 'secondObject') && governsSecondObject(view, start, before)) return true;
    return (view.tokens[before].isWord || view.tokens[before].isNumber) && !view.is(before, 'preposition') && !view.is(before, 'complementizer');
  });
}

/**
 * "the crash victims", "korban kecelakaan pesawat": an event term right beside a noun of what
 * surrounds the event (`grammar.circumstance_heads`, on the side where the language puts a
 * modified noun) only modifies it.
 */
function modifiesCircumstance(view: SentenceView, mention: Mention): boolean {
  const isHead = (i: number) => i >= 0 && i < view.length && isCircumstanceHead(view, i);
  if (view.pack.pack.grammar.possessorPosition === 'before') return isHead(mention.end) && view.lexAt(mention.end)!.start === mention.end;
  return isHead(mention.start - 1) && view.lexAt(mention.start - 1)!.end === mention.start;
}

/**
 * "on board the Embraer jet", "in the August plane crash", "of Prigozhin crash victims": where
 * modifiers stand before their noun, capitalised words between a determiner or a preposition
 * and an event term are names modifying it, not what governs it; the determiner or preposition
 * before them decides. Not in a title ("Kremlin Denies Sending Troops"), where no determiner or
 * preposition precedes the capitals.
 */
function beforeProperModifiers(view: SentenceView, start: number, at: number): number {
  if (view.pack.pack.grammar.possessorPosition !== 'before') return at;
  let i = at;
  while (i >= start && i > 0 && view.tokens[i].isWord && view.tokens[i].isCapitalized) i--;
  if (i === at || i < start) return at;
  return view.is(i, 'demonstrative') || view.is(i, 'anaphoricObject') || view.is(i, 'preposition') ? i : at;
}

/** Plain words a possessor and its noun may have between them: "North Korea's strategic forces". */
const POSSESSED_MODIFIER_WORDS = 2;

/**
 * "the readiness of North Korea's strategic forces": where possessors stand before their noun,
 * plain lower-case words between a possessor ("North Korea's") and an event term modify the
 * term; what governs the phrase stands before the possessor.
 */
function beforePossessedModifiers(view: SentenceView, start: number, at: number): number {
  if (view.pack.pack.grammar.possessorPosition !== 'before') return at;
  let i = at;
  while (i >= start && at - i < POSSESSED_MODIFIER_WORDS && view.tokens[i].isWord && !view.tokens[i].isCapitalized && !view.lexAt(i) && !view.mentionCovering(i)) i--;
  if (i === at || i < start) return at;
  const possessor = view.mentionCovering(i);
  if (!possessor?.actorId || !isPossessive(view.textOf(possessor.start, possessor.end))) return at;
  return possessor.start - 1;
}

/**
 * "blowing up thousands of the group's pagers", "some of the drones": a quantity with its "of",
 * and a possessor after it, belong to the noun phrase; what governs it stands before them.
 */
function beforeQuantity(view: SentenceView, start: number, at: number): number {
  let i = at;
  if (i > start && isPossessive(view.tokens[i].text)) {
    i--;
    if (i >= start && view.is(i, 'demonstrative')) i--;
  }
  if (i > start && view.is(i, 'genitive') && view.is(i - 1, 'quantity')) return i - 2;
  return at;
}

/**
 * "supplying Sylvania with drones", "mempersenjatai Sylvania dengan drone": a verb, its first
 * object (an actor's name) and the marker at `marker`; the verb governs what follows the marker.
 * Not with the agent as that object: in "attacked Freedonia with drones" the agent did nothing.
 */
function governsSecondObject(view: SentenceView, start: number, marker: number): boolean {
  const object = view.mentionEndingAt(marker);
  if (!object?.actorId || object.actorId === agentOf(view)) return false;
  const verb = object.start - 1;
  return verb >= start && view.tokens[verb].isWord && !view.is(verb, 'preposition') && !view.is(verb, 'complementizer') && !view.is(verb, 'coordinator');
}

/**
 * "pasukannya", "pasukan kami": where the language puts the possessor after the noun, an event
 * term with a possessive ending or a pronoun after it is someone's, as "its troops", "our troops"
 * are: the words speak of that party's deed, not only of the event.
 */
function possessedAfter(view: SentenceView, mention: Mention): boolean {
  if (view.pack.pack.grammar.possessorPosition !== 'after') return false;
  // "jatuhnya pesawat": the ending before the noun that fell makes a noun of the verb, no possessor.
  if (view.mentionStartingAt(mention.end)?.topicGroups.length) return false;
  if (view.hasEnding(mention.end - 1, view.pack.pack.speakers.possessiveSuffixes)) return true;
  return mention.end < view.length && (view.is(mention.end, 'firstPerson') || view.is(mention.end, 'pronoun'));
}

/** An event term ends right before position `at`. */
function isEventBefore(view: SentenceView, at: number): boolean {
  const mention = view.mentionEndingAt(view.lexAt(at)!.start);
  return mention !== undefined && isEventMention(view, mention);
}

/** A term of what was done: not the agent's group, nor a group of an actor's own names ("Sylvanian" in "Sylvanian troops"). */
function isEventMention(view: SentenceView, mention: Mention): boolean {
  return mention.topicGroups.some((group) => group !== view.watch.agentGroup && !view.watch.actorGroups.has(group));
}

/** Another actor named in [start, end) before the event: the reported words are about it, not the speaker. */
export function otherActorBeforeEvent(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: readonly ResolvedActor[]): boolean {
  const ids = new Set(speakers.map((actor) => actor.actorId));
  for (const mention of view.mentions) {
    if (mention.start < start || mention.end > end) continue;
    if (isEventMention(view, mention)) return false;
    if (mention.actorId && !ids.has(mention.actorId) && refs.isSubjectCandidate(mention)) return true;
  }
  return false;
}

/**
 * The agent is named in the sentence outside the reported words [start, end): "asked about
 * Freedonia's drone deliveries, the Sylvanian envoy said ...". Their event is the agent's deed.
 */
export function agentNamedOutside(view: SentenceView, start: number, end: number): boolean {
  return view.mentions.some((mention) => (mention.end <= start || mention.start >= end) && namesAgent(view, mention));
}

/** "the drones were supplied by Zedland", "dipasok oleh Zedland": an actor named as the doer after the event. */
export function doneByOther(view: SentenceView, start: number, end: number): boolean {
  let eventSeen = false;
  for (let i = start; i < end - 1; i++) {
    const mention = view.mentionStartingAt(i);
    if (mention && isEventMention(view, mention)) eventSeen = true;
    if (!eventSeen || !view.is(i, 'agentMarker')) continue;
    const doer = view.mentionStartingAt(pastDeterminers(view, view.lexAt(i)!.end, end));
    if (doer?.actorId && !namesAgent(view, doer)) return true;
  }
  return false;
}

/**
 * Reported words in [start, until) open with a subject of their own, a noun that is neither the
 * speaker nor a name: "radar tracks showed ...", "analisis ... menunjukkan ...", "some
 * broadcasters had rushed to blame ...", "one of its rockets hit ...". Not when they open with
 * a pronoun, "we", a possessive ("its jets", "pesawatnya", "pasukan kami"), an auxiliary, an
 * adverb or a negation (the speaker is the subject: "it had struck", "telah menyerang"), nor with
 * a name or topic term, which the other rules weigh.
 */
export function opensWithOwnSubject(view: SentenceView, start: number, until: number): boolean {
  for (let i = start; i < until; i++) {
    if (!view.tokens[i].isWord) continue;
    if (view.isAny(i, ['complementizer', 'demonstrative', 'indefinite', 'quantity', 'genitive', 'adverb'])) {
      i = view.lexAt(i)!.end - 1;
      continue;
    }
    // "some newspapers", "sejumlah media": nouns of outlets are subjects of their own; an office
    // ("the ministry", "his government") is someone's, which the rules of reference resolve.
    if (view.is(i, 'roleNoun') || (i + 1 < until && view.is(i + 1, 'roleNoun'))) return false;
    if (view.is(i, 'outletNoun')) return !view.mentionCovering(i);
    if (view.mentionCovering(i) || !view.isUnmarked(i) || view.is(i, 'auxiliary')) return false;
    if (view.hasEnding(i, view.pack.pack.speakers.possessiveSuffixes)) return false;
    const next = i + 1;
    return !(next < view.length && (view.is(next, 'firstPerson') || view.is(next, 'pronoun')));
  }
  return false;
}

/** Words from a loss word to the thing lost: "lost some aircraft", "losing so many of its jets". */
const LOSS_OBJECT_REACH = 4;

/**
 * "India lost fighter jets", "acknowledged losing aircraft", "kehilangan jet tempur": a loss word
 * (`grammar.loss_words`) in [start, end) with an event term as the thing lost, past a count or a
 * determiner, not one the agent owns ("lost Freedonian jets" is a loss of the agent's). The one who
 * lost it suffered the deed; who did it is whoever the sentence or its context names as the doer.
 */
export function lossOfEventIn(view: SentenceView, start = 0, end = view.length): boolean {
  return view.lexSpans.some(({ start: at, end: after, tags }) => {
    if (at < start || at >= end || !tags.some((tag) => tag.type === 'lossWord')) return false;
    for (let i = after, words = 0; i < end && words < LOSS_OBJECT_REACH; i++) {
      if (view.isBreak(i)) return false;
      const mention = view.mentionStartingAt(i);
      if (mention && isEventMention(view, mention)) return !ownedByAgent(view, mention);
      if (mention) return false;
      if (view.tokens[i].isWord) words++;
    }
    return false;
  });
}

/** The agent's name where the pack puts a possessor of the mention: "Freedonian jets", "jet Freedonia". */
function ownedByAgent(view: SentenceView, mention: Mention): boolean {
  const owner = view.pack.pack.grammar.possessorPosition === 'before' ? view.mentionEndingAt(mention.start) : view.mentionStartingAt(mention.end);
  return owner !== undefined && namesAgent(view, owner);
}

/** The agent is named anywhere in the sentence, even as a place or a target ("the clashes with Freedonia"). */
export function agentMentioned(view: SentenceView): boolean {
  return view.mentions.some((mention) => namesAgent(view, mention));
}

/** Words from an open agent to the deed or part it asks about: "who had destroyed the", "siapa yang menghancurkan". */
const OPEN_AGENT_REACH = 4;

/**
 * "not in a position to say who destroyed the dam", "belum dapat menentukan siapa yang
 * menghancurkan bendungan": a word standing for a doer not named (`grammar.open_agents`) with the
 * event or someone's part in it right after it, within its clause. The words ask who did the
 * deed, so a refusal to answer them bears on the agent's part without naming the agent. Not a
 * relative pronoun after a name, a role noun or a comma ("prosecutors, who opened a case").
 */
export function openAgentIn(view: SentenceView): boolean {
  return view.lexSpans.some(({ start, end, tags }) => {
    if (!tags.some((tag) => tag.type === 'openAgent')) return false;
    const before = start - 1;
    if (before >= 0 && (view.isBreak(before) || view.mentionCovering(before) || view.is(before, 'roleNoun'))) return false;
    for (let i = end; i < Math.min(view.length, end + OPEN_AGENT_REACH); i++) {
      if (view.isBreak(i)) return false;
      const mention = view.mentionStartingAt(i);
      if ((mention && isEventMention(view, mention)) || view.pack.involvement.matchAt(view.tokens, i)) return true;
    }
    return false;
  });
}

/** Words from an accusation to the party it accuses: "blamed Ukrainian shelling", "menyalahkan tembakan artileri Ukraina". */
const ACCUSED_REACH = 4;

/**
 * "blamed Ukrainian sabotage", "menuding Ukraina menghancurkan bendungan": the first actor named
 * within reach after an accusation, in its clause, is another party than the agent. Said by the
 * agent, that puts the deed on someone else.
 */
export function accusesOther(view: SentenceView, cueEnd: number): boolean {
  for (let i = cueEnd; i < Math.min(view.length, cueEnd + ACCUSED_REACH); i++) {
    if (view.isBreak(i)) return false;
    const mention = view.mentionCovering(i);
    if (!mention) continue;
    if (namesAgent(view, mention)) return false;
    if (mention.actorId) return mention.actorId !== agentOf(view);
  }
  return false;
}

/**
 * "by the Ukrainian side", "oleh pihak Kyiv": a determiner and a role noun ("side", "pihak") before
 * a name after an agent marker belong to the doer's phrase.
 */
function pastDeterminers(view: SentenceView, at: number, end: number): number {
  let i = at;
  if (i < end && view.is(i, 'demonstrative') && !view.mentionCovering(i)) i = view.lexAt(i)!.end;
  if (i < end && view.is(i, 'roleNoun') && !view.mentionCovering(i) && view.mentionStartingAt(view.lexAt(i)!.end)) i = view.lexAt(i)!.end;
  return i;
}

/** The first involvement word in [start, end), its owner and whether it is negated. */
export function roleIn(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: readonly ResolvedActor[]): Role | null {
  const trie = view.pack.involvement;
  for (let i = start; i < end; i++) {
    if (!trie.matchAt(view.tokens, i) || partInCircumstance(view, i, end)) continue;
    const named = ownersBefore(view, refs, start, i);
    return { at: i, owners: named ?? speakers.map((actor) => actor.actorId), ownerNamed: named !== null, negated: negatedAt(view, i, start) || disbelievedBefore(view, start, i) };
  }
  return null;
}

/** A noun of what surrounds an event (`grammar.circumstance_heads`) that is not itself a topic term. */
function isCircumstanceHead(view: SentenceView, i: number): boolean {
  return view.is(i, 'circumstanceHead') && !view.mentionCovering(i)?.topicGroups.length;
}

/** Words from an involvement word to its object: "part in the", "berperan dalam". */
const ROLE_OBJECT_REACH = 4;

/** "took part in the investigation", "berperan dalam penyelidikan": a part in what surrounds the event, not in the event. */
function partInCircumstance(view: SentenceView, at: number, end: number): boolean {
  for (let i = at + 1; i < Math.min(end, at + 1 + ROLE_OBJECT_REACH); i++) {
    if (isCircumstanceHead(view, i)) return true;
    if (!view.is(i, 'involvement') && !view.is(i, 'preposition') && !view.is(i, 'demonstrative') && !view.is(i, 'anaphoricObject')) return false;
  }
  return false;
}

/** Words from a negation to the belief verb it negates: "could not imagine", "tidak bisa membayangkan". */
const BELIEF_NEGATION_REACH = 3;

/**
 * "could not imagine Putin having a hand in it", "tidak percaya Putin berada di balik ...": a
 * negated verb of belief before the part negates it, however far the part is.
 */
function disbelievedBefore(view: SentenceView, start: number, at: number): boolean {
  for (let i = start; i < at; i++) {
    if (!view.is(i, 'beliefVerb')) continue;
    for (let k = i - 1; k >= Math.max(start, i - BELIEF_NEGATION_REACH); k--) {
      if (view.isBreak(k)) break;
      if (view.is(k, 'negation')) return true;
    }
  }
  return false;
}

/**
 * "Zedland said Freedonia was not involved": the nearest actor named before the word, if any, in
 * its clause: in "rejected Sylvania's accusation that it was behind the blasts" the part is the
 * speaker's ("it"), not Sylvania's.
 */
function ownersBefore(view: SentenceView, refs: SentenceReferences, start: number, at: number): string[] | null {
  for (let i = at - 1; i >= start; i--) {
    if (view.is(i, 'complementizer')) return null;
    const mention = view.mentionCovering(i);
    if (mention?.actorId && refs.isSubjectCandidate(mention)) return [mention.actorId];
    // "the Freedonian state was behind", "negara Freedonia terlibat": a term of the agent group
    // that is no actor's name names the agent all the same.
    if (mention && namesAgent(view, mention)) return [mention.actorId ?? agentOf(view)!];
  }
  return null;
}

function negatedAt(view: SentenceView, at: number, start: number): boolean {
  for (let i = at - 1; i >= Math.max(start, at - INVOLVEMENT_NEGATION_REACH); i--) {
    if (view.isBreak(i) && !view.isQuoteMarkAt(i)) return false;
    if (view.is(i, 'negation')) return !affirmedByScarcity(view, i, start);
  }
  return false;
}

/**
 * "little happens in Russia that Putin is not behind", "tidak banyak hal yang terjadi tanpa
 * Putin berada di baliknya": a negation in the clause of a quantity of scarcity makes it
 * an affirmation (hardly anything is without Putin behind it).
 */
function affirmedByScarcity(view: SentenceView, negation: number, start: number): boolean {
  for (let i = negation - 1; i >= start; i--) {
    if (view.isBreak(i) && !view.isQuoteMarkAt(i)) return false;
    if (view.is(i, 'scarcity')) return true;
  }
  return false;
}

/** The involvement word a cue is about: "denied any involvement", "rejected any connection with". */
export function roleOfCue(view: SentenceView, refs: SentenceReferences, cueStart: number, cueEnd: number, actors: readonly ResolvedActor[]): Role | null {
  const role = roleIn(view, refs, cueStart, Math.min(view.length, cueEnd + INVOLVEMENT_REACH), actors);
  if (role && role.at < cueEnd) return { ...role, owners: actors.map((actor) => actor.actorId) };
  return role;
}

/** The stance a statement about someone's part takes on the proposition; null: none. */
export function stanceOnRole(role: Role, stated: Stance, agent: string): Stance | null {
  if (role.owners.includes(agent)) return stated;
  return stated === 'confirm' ? null : 'neither';
}

/**
 * "the US claim that ...", "klaim AS bahwa ...", "the claims made by Western media about ...",
 * "klaim media Barat soal ...": a claim noun opening another party's words, or naming what its
 * claims are about, before `until`: the reported words speak of those claims.
 */
export function othersClaimBefore(view: SentenceView, start: number, until: number): boolean {
  for (let i = start; i < until; i++) {
    if (!view.is(i, 'claimNoun')) continue;
    for (let k = i + 1; k <= Math.min(until - 1, i + CLAIM_NOUN_REACH); k++) {
      if (view.is(k, 'complementizer') && !opensRelativeClause(view, k)) return true;
      if (view.is(k, 'statementMaker')) return true;
    }
    // "about", "soal" right before the topic: the claims are about it.
    const about = until - 1;
    if (about > i && view.is(about, 'preposition') && !view.is(about, 'agentMarker')) return true;
  }
  return false;
}

/** A hedge or speculation in [start, end): "investigating whether Freedonia was involved", "could be responsible". */
export function qualifiedIn(view: SentenceView, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (view.is(i, 'hedge') || view.is(i, 'speculation')) return true;
  return false;
}

/**
 * "could send", "akan mengirim": speculation before the first event term in [start, end); or a
 * hedge or speculation after it when a hypothetical determiner opens it ("any transfer of drones
 * would be an escalation", "setiap pengiriman drone akan ...").
 */
export function speculativeBeforeEvent(view: SentenceView, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (view.is(i, 'speculation')) return true;
    const mention = view.mentionStartingAt(i);
    if (mention && isEventMention(view, mention)) return i > start && view.is(i - 1, 'hypothetical') && qualifiedIn(view, mention.end, end);
  }
  return false;
}
