// What reported words assert about the proposition, whoever reports them: an actor's words after
// "said" (statements.ts) or the words of a claim named by a noun ("the US claim that ...",
// owned-claims.ts). They confirm it when they name it, deny it when they negate it, and assert
// nothing when hedged, speculative or relaying yet another party's claim.

import type { Stance } from '../../domain/vocabulary.js';
import { agentMentioned, agentNamedIn, agentNamedOutside, agentOf, lossOfEventIn, doneByOther, governsEvent, namesEvent, opensWithOwnSubject, otherActorBeforeEvent, othersClaimBefore, speculativeBeforeEvent } from './bearing.js';
import { isPossessive, type ResolvedActor, type SentenceReferences } from './references.js';
import type { SentenceView } from './sentence-view.js';

/** A negation this close before a topic term negates the reported proposition: "have not sent a single soldier". */
const ASSERTION_NEGATION_REACH = 6;

/** The stance words in [start, end) take on the proposition, said by `speakers`, and the topic terms that make it; null: none. */
export function assertedStance(
  view: SentenceView,
  refs: SentenceReferences,
  start: number,
  end: number,
  speakers: readonly ResolvedActor[],
  topicInContext = false,
): { stance: Stance; topicRanges: [number, number][] } | null {
  end = omissionAt(view, start, end);
  const agent = agentOf(view);
  const shifted = agent !== null && shiftsDeed(view, refs, start, end, speakers, agent);
  if (!shifted && !bearsOnProposition(view, refs, start, end, speakers, agent, topicInContext)) return null;
  if (hypothesisOpened(view, start) || hedgedBeforeTopic(view, start, end) || speculativeBeforeEvent(view, start, end)) return null;
  if (shifted) return { stance: 'deny', topicRanges: topicTermRanges(view, start, end) };
  // "did not dispute the US claim that troops ...": the words after the claim noun are the US's.
  if (othersClaimBefore(view, start, firstTopicMention(view, start, end))) return null;
  const negated = negatesTopic(view, start, end, agent !== null && !speakers.some((actor) => actor.actorId === agent) ? agent : null);
  const stance = negated ? 'deny' : 'confirm';
  if (stance === 'confirm' && reportsEvidenceOnly(view, refs, start, end, speakers)) return null;
  // "Freedonia's claim that one of its rockets hit the hospital", said of Zedland's rockets: the
  // agent's words give the deed to another party's thing, which denies its own part.
  if (stance === 'confirm' && otherPartysDoer(view, refs, start, end, speakers)) return { stance: 'deny', topicRanges: topicTermRanges(view, start, end) };
  return { stance, topicRanges: topicTermRanges(view, start, end) };
}

/**
 * The agent speaks (its words not naming it) and they open with a subject of their own that a
 * possessive pronoun gives to another party: "one of its rockets", where "its" is the subject
 * that opens the sentence ("Zedland rejected Freedonia's claim that one of its rockets ..."),
 * not the owner of a claim in the possessive ("Freedonia's").
 */
function otherPartysDoer(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: readonly ResolvedActor[]): boolean {
  const agent = agentOf(view);
  if (agent === null || !speakers.some((actor) => actor.actorId === agent) || agentNamedIn(view, refs, start, end, speakers)) return false;
  const topic = firstTopicMention(view, start, end);
  if (!opensWithOwnSubject(view, start, topic)) return false;
  let pronoun = -1;
  // "its rockets", "roketnya".
  for (let i = start; i < topic && pronoun < 0; i++) if (view.is(i, 'possessive') || view.hasEnding(i, view.pack.pack.speakers.possessiveSuffixes)) pronoun = i;
  if (pronoun < 0) return false;
  for (let i = start - 1; i >= 0; i--) {
    const mention = view.mentionCovering(i);
    if (!mention) continue;
    i = mention.start;
    // The claim's owner ("klaim Freedonia bahwa ...") is not whom "its" stands for.
    if (!mention.actorId || view.tokens[mention.start].quoted || !refs.isSubjectCandidate(mention) || isPossessive(view.tokens[mention.end - 1].text)) continue;
    if (speakers.some((actor) => actor.actorId === mention.actorId)) continue;
    return mention.actorId !== agent && !speakers.some((actor) => actor.actorId === mention.actorId);
  }
  return false;
}

/**
 * "Freedonia's spokesman said radar tracks showed rockets hitting the hospital", "mengatakan
 * analisis ... menunjukkan roket menghantam ...": words that report what evidence shows, with a
 * subject of their own before the verb of evidence and the agent named nowhere in them, say
 * nothing of the agent's deed. The agent is named only as the speaker, which does not make it
 * the doer of what the evidence shows.
 */
function reportsEvidenceOnly(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: readonly ResolvedActor[]): boolean {
  if (agentOf(view) === null || agentNamedIn(view, refs, start, end, speakers)) return false;
  const topic = firstTopicMention(view, start, end);
  for (let i = start; i < topic; i++) if (view.is(i, 'evidenceVerb')) return opensWithOwnSubject(view, start, i);
  return false;
}

/**
 * Reported words bear on the proposition when they name it whole; with a watch agent, the event
 * must not only be what the words are about ("injured in the blasts"), and the agent may be the
 * speaker itself when no one else is named first ("Freedonia said it had not supplied drones",
 * "'We have not sent a single soldier,' the envoy said"), or named elsewhere in the sentence
 * as the one whose deed the words speak of ("asked about Freedonia's deliveries, the Sylvanian
 * envoy said the drones were never supplied"); not when they name another doer ("the drones
 * were supplied by Zedland": said by the agent, that is its deny, see shiftsDeed).
 */
function bearsOnProposition(
  view: SentenceView,
  refs: SentenceReferences,
  start: number,
  end: number,
  speakers: readonly ResolvedActor[],
  agent: string | null,
  topicInContext: boolean,
): boolean {
  if (!agent) return view.isOnTopic(start, end) || speaksOfOwnPart(view, start, end, speakers);
  if (!namesEvent(view, start, end)) return false;
  // "told a seminar that India had lost some aircraft on the first night of its strikes on
  // Pakistan", "“... we lost some aircraft,” Kumar said" after it: the loser's words on its loss,
  // with the agent named in the sentence or the proposition just before.
  if (!speakers.some((actor) => actor.actorId === agent) && lossOfEventIn(view, start, end) && (agentMentioned(view) || topicInContext)) return true;
  if (agentNamedIn(view, refs, start, end, speakers)) return governsEvent(view, start, end, true);
  if (doneByOther(view, start, end)) return false;
  return (speakers.some((actor) => actor.actorId === agent) || agentNamedOutside(view, start, end)) &&
    !otherActorBeforeEvent(view, refs, start, end, speakers) &&
    governsEvent(view, start, end, false);
}

/**
 * The agent's own words naming another party as the doer of the event put the deed on it, and so
 * deny the agent's part: "'This was deliberate sabotage by the Ukrainian side,' Peskov said",
 * "the ministry said Ukrainian forces had destroyed the dam", "menyatakan bahwa Ukraina yang
 * merusak bendungan". Not when the words name the agent too, nor when they negate the other's
 * deed ("Sylvania did not blow up the dam" says nothing of who did), nor when they name the agent
 * in another part.
 */
function shiftsDeed(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: readonly ResolvedActor[], agent: string): boolean {
  if (!speakers.some((actor) => actor.actorId === agent) || !namesEvent(view, start, end)) return false;
  if (agentNamedIn(view, refs, start, end, speakers) || negatesTopic(view, start, end)) return false;
  // "Wagner fighters had downed several Russian helicopters": the agent in the words as what the
  // deed was done to, not as who did it; the words are about another deed.
  if (view.mentions.some((mention) => mention.start >= start && mention.end <= end && mention.actorId === agent)) return false;
  return doneByOther(view, start, end) || namesAccidentCause(view, start, end) || (otherActorBeforeEvent(view, refs, start, end, speakers) && governsEvent(view, start, end, false));
}

/**
 * "Rosaviatsia said the crew had diverted after a bird strike caused an emergency on board": the
 * agent's words giving the event a cause with no doer (`grammar.accident_causes`) put it on no
 * one, which denies the agent's part as naming another doer does.
 */
function namesAccidentCause(view: SentenceView, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (view.is(i, 'accidentCause')) return true;
  return false;
}

/**
 * Without a watch agent, an actor whose own names are the terms of a topic group ("Freedonia" in
 * "Freedonia supplied the drones") names that group by speaking: its words about the rest deny
 * its part when negated ("'The drones were never supplied,' the Freedonian envoy said") and
 * confirm it when they govern it ("'Yes, our drones are there'"), as the agent's own words do.
 */
function speaksOfOwnPart(view: SentenceView, start: number, end: number, speakers: readonly ResolvedActor[]): boolean {
  const groups = view.topicGroupsIn(start, end);
  for (const actor of speakers) view.watch.groupsNamedBy.get(actor.actorId)?.forEach((group) => groups.add(group));
  return groups.size === view.watch.topicGroupCount && (negatesTopic(view, start, end) || governsEvent(view, start, end, false));
}

/** Reported words end before "without mentioning", "tanpa menyinggung": what follows was left unsaid. */
function omissionAt(view: SentenceView, start: number, end: number): number {
  for (let i = start; i < end; i++) if (view.is(i, 'omission')) return i;
  return end;
}

function firstTopicMention(view: SentenceView, start: number, end: number): number {
  return view.mentions.find((mention) => mention.start >= start && mention.end <= end && mention.topicGroups.length > 0)?.start ?? end;
}

/**
 * "weighing the possibility that the plane was downed", "mempertimbangkan kemungkinan bahwa
 * pesawat itu dijatuhkan": words opened by "that" after a hedge or speculation are a hypothesis.
 */
function hypothesisOpened(view: SentenceView, start: number): boolean {
  const complementizer = start - 1;
  if (complementizer < 1 || !view.is(complementizer, 'complementizer')) return false;
  const before = view.lexAt(complementizer)!.start - 1;
  return before >= 0 && (view.is(before, 'hedge') || view.is(before, 'speculation'));
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

/**
 * "tidak ada tentara Korea Utara", "no North Korean troops", "has not sent troops"; and a topic
 * term whose predicate is negated: "its troops were not in Russia", "pasukan kami tidak ada".
 */
function negatesTopic(view: SentenceView, start: number, end: number, namedAgent: string | null = null): boolean {
  return view.mentions.some((mention) => {
    if (mention.start < start || mention.end > end || mention.topicGroups.length === 0) return false;
    // "“The dam has been Freedonia's for a year. It cannot be blown up from outside,” Trentino
    // said": with the agent named by someone else, a negation in a sentence of the quotation that
    // does not name the agent says nothing of the agent's deed.
    if (namedAgent !== null && !innerSentenceNamesAgent(view, start, end, mention.start)) return false;
    for (let i = mention.start - 1; i >= Math.max(start, mention.start - ASSERTION_NEGATION_REACH); i--) {
      if (view.isBreak(i)) break;
      if (view.is(i, 'negation')) return true;
    }
    return negatedPredicate(view, mention.end, end) || negatedEvidenceBefore(view, start, mention.start);
  });
}

/** Words a negated subject may take before its verb of evidence: "Nothing in the evidence we have examined indicates". */
const EVIDENCE_SUBJECT_REACH = 10;

/**
 * "Nothing in the evidence we have examined indicates an X strike", "Tidak satu pun data yang
 * kami periksa menunjukkan serangan X": a verb of evidence (`grammar.evidence_verbs`) right
 * before the topic term, whose subject opens with a negation however long it is, denies what
 * it would point at.
 */
function negatedEvidenceBefore(view: SentenceView, start: number, at: number): boolean {
  let verb = -1;
  for (let i = at - 1; i >= Math.max(start, at - ASSERTION_NEGATION_REACH); i--) {
    if (view.isBreak(i)) return false;
    if (view.is(i, 'evidenceVerb')) {
      verb = view.lexAt(i)!.start;
      break;
    }
  }
  if (verb < 0) return false;
  for (let i = verb - 1, words = 0; i >= start && words < EVIDENCE_SUBJECT_REACH; i--) {
    if (view.isBreak(i) && !view.isQuoteMarkAt(i)) return false;
    if (view.is(i, 'negation')) return true;
    if (view.tokens[i].isWord) words++;
  }
  return false;
}

/** The sentence of the reported words [start, end) around `at` (they may hold several) names the agent. */
function innerSentenceNamesAgent(view: SentenceView, start: number, end: number, at: number): boolean {
  const ends = (i: number) => ['.', '!', '?'].includes(view.tokens[i].text);
  let from = at;
  while (from > start && !ends(from - 1)) from--;
  let to = at;
  while (to < end && !ends(to)) to++;
  // One sentence: words after its end are only closing marks.
  const wordAfter = (i: number) => { for (let k = i; k < end; k++) if (view.tokens[k].isWord) return true; return false; };
  if (from === start && !wordAfter(to)) return true;
  return view.mentions.some((mention) => mention.start >= from && mention.end <= to && view.watch.agentGroup !== null && mention.topicGroups.includes(view.watch.agentGroup));
}

/**
 * A negation right after the noun phrase a topic term ends, past the names, possessors,
 * demonstratives and auxiliaries in it: "troops were not", "pasukan Korea Utara tidak",
 * "drone itu tidak pernah". Not a negation after another word: in "drone Freedonia dipakai belum
 * terbukti" it is about the claim, not the drones.
 */
function negatedPredicate(view: SentenceView, from: number, end: number): boolean {
  let i = from;
  while (i < end) {
    const mention = view.mentionCovering(i);
    if (mention) i = mention.end;
    else if (view.is(i, 'firstPerson') || view.is(i, 'pronoun') || view.is(i, 'demonstrative') || view.is(i, 'passiveAuxiliary')) i = view.lexAt(i)!.end;
    else break;
  }
  return i < end && view.is(i, 'negation');
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

