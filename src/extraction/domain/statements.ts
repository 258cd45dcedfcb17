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
import { assertedStance } from './assertions.js';
import { accusesOther, agentMentioned, agentNamedIn, agentOf, governsEvent, lossOfEventIn, namesEvent, openAgentIn, opensWithOwnSubject, qualifiedIn, roleIn, roleOfCue, stanceOnRole, type Role } from './bearing.js';
import { ownedClaims } from './owned-claims.js';
import { continued, isPossessive, type Found, type Resolution, type ResolvedActor, type SentenceReferences } from './references.js';
import type { SentenceView } from './sentence-view.js';
import type { Mention } from './watch-matcher.js';
import { findStanceCues, type StanceCue } from './stance-cues.js';

export interface Statement {
  actors: ResolvedActor[];
  /** Token positions that date phrases and past markers attach to. */
  anchors: number[];
  /** Reported words: date phrases inside them are about the content, not the statement. */
  excluded: { start: number; end: number } | null;
  /** `label`: said by a label ("fake news", "contradictory"), which decides over a verb of the same speaker. */
  claim: { stance: Stance; cueRanges: [number, number][]; label: boolean } | null;
  /** Said by the narrator's subject, not inside a quotation or reported speech. */
  topLevel: boolean;
  /** A claim the sentence names ("the US claim that ..."): made before this statement, which answers it. */
  answeredBy?: Statement | null;
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
  /** The event (every topic group but the agent's) was named in this sentence or shortly before. */
  eventInContext: boolean;
  /** The agent was named in this sentence or the one before: "Zedland flies Freedonian jets. Asked whether ...". */
  agentInContext: boolean;
}

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

  const agent = agentOf(view);
  for (const cue of cues) {
    if (cue.hedged) continue;
    const inContext = sentenceOnTopic || (cue.contextual && context.topicInContext);
    const resolution = actorsOfCue(cue, view, refs, scopes, context.lastSpeaker);
    if (resolution.kind !== 'actors') continue;
    const stance = agent
      ? stanceOnProposition(cue, resolution.actors, view, refs, context, agent) ?? takenUpFromEarlierClaim(cue, resolution.actors, statements)
      : inContext ? cue.stance : null;
    if (!stance) {
      if (!scopes.attributionAround(cue.start) && !view.tokens[cue.start].quoted) subjects.push([cue.start, resolution]);
      continue;
    }
    const attribution = scopes.attributionAround(cue.start);
    const likewise = (attribution || view.tokens[cue.start].quoted ? [] : refs.actorsOf(refs.likewiseAround(cue.start, cue.end)))
      .filter((actor) => !resolution.actors.some((other) => other.actorId === actor.actorId));
    // "Freedonia denied any role in the blasts, as did Zedland": each denies its own part.
    const likewiseStance = agent && likewise.length > 0 ? stanceOnProposition(cue, likewise, view, refs, context, agent) : stance;
    const statementOf = (actors: ResolvedActor[], stance: Stance): Statement => ({
      actors,
      anchors: attribution ? [cue.start, attribution.verbStart] : [cue.start],
      // "membantah bahwa tentara tiba pada hari Senin": Monday dates the arrival, not the denial.
      excluded: complementAfter(view, cue.end),
      claim: { stance, cueRanges: [[cue.start, cue.end]], label: cue.kind === 'labels' },
      topLevel: !attribution && !view.tokens[cue.start].quoted,
    });
    if (likewiseStance === stance) {
      statements.push(statementOf([...resolution.actors, ...likewise], stance));
      continue;
    }
    statements.push(statementOf(resolution.actors, stance));
    if (likewiseStance) statements.push(statementOf(likewise, likewiseStance));
  }

  for (const attribution of attributions) {
    if (attribution.speaker.kind !== 'actors') continue;
    statements.push({
      actors: attribution.speaker.actors,
      anchors: [attribution.verbStart],
      excluded: attribution.content,
      claim: assertionOf(attribution, attributions, cues, view, refs, context),
      topLevel: attribution.topLevel,
    });
  }

  const lastSpeaker = speakerAtEnd(statements, attributions, subjects) ?? openingSubject(view, refs) ?? context.lastSpeaker;
  statements.push(...ownedClaims(view, refs, statements));
  return { statements, lastSpeaker };
}

/**
 * With a watch agent, the stance a cue takes on "the agent did the event" (bearing.ts), or null
 * when it bears only on the topic: about someone's part in the event, the owner of that part
 * decides; where the event is named, the cue's words must name the agent, or the agent itself
 * must speak and its cue govern the event ("denied sending troops", "denied the reports of ...").
 */
function stanceOnProposition(
  cue: StanceCue,
  actors: ResolvedActor[],
  view: SentenceView,
  refs: SentenceReferences,
  context: SentenceContext,
  agent: string,
): Stance | null {
  const eventNamed = namesEvent(view);
  const agentSpeaks = actors.some((actor) => actor.actorId === agent);
  // An accusation names the accused's part ("placed responsibility on"), not the accuser's.
  // "menolak mengungkapkan siapa yang melakukan sabotase": a refusal whose own words ask who did
  // it leaves the doer open, whatever part of someone else the sentence names ("dalam yurisdiksi
  // Swedia").
  if (cue.stance === 'neither' && !cue.accusation && asksForDoer(view, cue) && (eventNamed || context.eventInContext)) return 'neither';
  const role = cue.accusation ? null : roleOfCue(view, refs, cue.start, cue.end, actors);
  if (role && (eventNamed || context.eventInContext) && !(cue.kind === 'labels' && marksRealDoer(view, role))) return stanceOnRole(role, cue.stance, agent);
  // The agent accusing another party of the event puts the deed on it: "the Kremlin blamed
  // Ukrainian sabotage", "Kementerian itu menuding Ukraina menghancurkan bendungan" deny.
  if (cue.accusation && agentSpeaks && cue.stance === 'confirm' && (eventNamed || context.eventInContext) && accusesOther(view, cue.end)) return 'deny';
  // Holding the agent to account for the event named just before: "We will hold Freedonia
  // accountable," after a sentence on the blasts.
  if (!eventNamed && cue.accusation && context.eventInContext && !agentSpeaks && agentNamedIn(view, refs, cue.start, view.length, actors)) return cue.stance;
  if (!eventNamed) return cue.contextual && context.topicInContext ? cue.stance : null;
  // Anywhere in the sentence: "Asked about North Korean troops, Peskov declined", "denied the
  // presence of North Korean troops, before admitting it".
  if (agentNamedIn(view, refs, 0, view.length, actors)) return cue.stance;
  // "acknowledged that India lost fighter jets in the clashes with Pakistan", "India has
  // acknowledged losing aircraft" after a sentence on Pakistan's claim: the loser owning up to the
  // loss, with the agent named beside it or just before, speaks of the agent's deed.
  if (!agentSpeaks && lossOfEventIn(view) && (agentMentioned(view) || context.topicInContext)) return cue.stance;
  // "would wait ... before saying who was behind the blast", "declined to say who carried out the
  // strike" (a question word in or right after the cue), "not in a position to say who destroyed
  // the dam" (a doer not named, asked about, with the deed after it): the question left open is
  // whose deed it was, whoever leaves it open.
  if (cue.stance === 'neither' && !cue.accusation && (asksForDoer(view, cue) || openAgentIn(view))) return 'neither';
  // "Asked whether Chinese aircraft had been used against the jets, Lin said he was not familiar
  // with the situation", after a sentence naming the agent: declining a yes-or-no question on the
  // deed leaves the agent's deed open.
  if (cue.stance === 'neither' && !cue.accusation && (context.topicInContext || context.agentInContext) && yesNoQuestionOnEvent(view)) return 'neither';
  if (cue.accusation || !agentSpeaks) return null;
  // The agent's own label ("unfounded rumours") judges the reports of its deed.
  if (cue.kind === 'labels') return cue.stance;
  // The agent declining to answer leaves its part open wherever the sentence names the event:
  // "declined to comment on the explosions", "menolak berkomentar ketika ditanya soal ledakan itu".
  if (cue.declines) return cue.stance;
  const ownCue = cue.kind === 'active' && (governsEvent(view, cue.end, view.length, true) || takesClaimAsObject(view, cue));
  return ownCue ? cue.stance : null;
}

/**
 * A yes-or-no question word (`grammar.yes_no_questions`: "whether", "apakah") with an event term
 * after it in its clause: the question asks whether the deed was done.
 */
function yesNoQuestionOnEvent(view: SentenceView): boolean {
  return view.lexSpans.some(({ end, tags }) => {
    if (!tags.some((tag) => tag.type === 'yesNoQuestion')) return false;
    for (let i = end; i < view.length; i++) {
      if (view.isBreak(i)) return false;
      if (view.mentionStartingAt(i)?.topicGroups.some((group) => group !== view.watch.agentGroup)) return true;
    }
    return false;
  });
}

/** Words after a cue that its question of the doer may stand at: "declined to say who". */
const DOER_QUESTION_REACH = 2;

/**
 * An open agent (`grammar.open_agents`) in the cue's own words or right after them: "before saying
 * who", "declined to say who", "enggan menyebut siapa". Unlike `openAgentIn`, no deed need follow
 * within reach ("before saying who was behind the blast").
 */
function asksForDoer(view: SentenceView, cue: StanceCue): boolean {
  // Inside a cue phrase ("enggan menyebut siapa") the word carries the cue's tag, not its own.
  const words = view.pack.pack.grammar.openAgents;
  for (let i = cue.start; i < Math.min(view.length, cue.end + DOER_QUESTION_REACH); i++) {
    if (view.is(i, 'openAgent') || words.includes(view.tokens[i].norm)) return true;
  }
  return false;
}

/** "dismissed Zedland's claims", and a cue whose own words name the claim: "rejected Zedland's claims", "menolak klaim Zedland". */
function takesClaimAsObject(view: SentenceView, cue: StanceCue): boolean {
  if (view.is(firstWordAfter(view, cue.end), 'claimNoun')) return true;
  for (let i = cue.start; i < cue.end; i++) if (view.pack.claimNouns.matchAt(view.tokens, i)) return true;
  return false;
}

/**
 * "denied the reports of its drones, before admitting them", "menepis laporan ..., sebelum
 * mengakuinya": a cue whose object is a pronoun takes up what the same actor's earlier claim in
 * the sentence was about, so it bears on the proposition as that claim did.
 */
function takenUpFromEarlierClaim(cue: StanceCue, actors: ResolvedActor[], earlier: readonly Statement[]): Stance | null {
  if (cue.kind !== 'active' || !cue.pronounObject) return null;
  const ids = new Set(actors.map((actor) => actor.actorId));
  return earlier.some((statement) => statement.claim && statement.topLevel && statement.actors.some((actor) => ids.has(actor.actorId))) ? cue.stance : null;
}

/** The first word at or after a position, past a determiner or a possessor: "denied the reports", "denied Seoul's claims". */
function firstWordAfter(view: SentenceView, position: number): number {
  if (position >= view.length) return position;
  if (view.is(position, 'demonstrative') || view.is(position, 'anaphoricObject')) return position + 1;
  const possessor = view.mentionStartingAt(position);
  return possessor && isPossessive(view.tokens[possessor.end - 1].text) ? possessor.end : position;
}

function actorsOfCue(cue: StanceCue, view: SentenceView, refs: SentenceReferences, scopes: Scopes, lastSpeaker: Resolution): Resolution {
  const scope = scopes.speakerAt(cue.start);
  const named = (mentions: ReturnType<SentenceReferences['possessorOf']>): Resolution | null =>
    mentions ? { kind: 'actors', actors: refs.actorsOf(mentions) } : null;
  switch (cue.kind) {
    case 'passive':
      return named(refs.agentAfter(cue.end, cue.agentNeedsMarker)) ?? scope ?? { kind: 'none' };
    case 'nouns': {
      const possessor = named(refs.possessorOf(cue.start, cue.end)) ?? scope;
      if (possessor) return possessor;
      // "repeated its denial", "bantahannya": the possessive pronoun refers back as "it" does.
      const pronoun = possessivePronounOf(view, cue);
      return pronoun ? resolveReference(pronoun, view, refs, null, lastSpeaker) : { kind: 'none' };
    }
    case 'labels': {
      if (scope) return scope;
      const quote = view.quoteContaining(cue.start);
      const from = quote ? quote.open : labellingVerb(view, cue.start) ?? cue.start;
      return resolveReference(refs.subjectBefore(from, clauseStart(view, from)), view, refs, null, lastSpeaker);
    }
    case 'active': {
      const found = refs.subjectBefore(cue.start, clauseStart(view, cue.start));
      // "He said some broadcasters had rushed to blame Freedonia": the reported words have a
      // subject of their own before the cue; the speaker describes what others did.
      const attribution = scopes.attributionAround(cue.start);
      if (
        attribution &&
        opensWithOwnSubject(view, attribution.content.start, cue.start) &&
        !(found && foundAt(found) >= attribution.content.start) &&
        !(cue.stance === 'neither' && found && coordinatedWithSpeaker(view, cue))
      ) {
        return { kind: 'other' };
      }
      if (!found) return scope ?? { kind: 'none' };
      return resolveReference(found, view, refs, scope, lastSpeaker);
    }
  }
}

/**
 * "Ljungqvist said a state was behind the attack, but did not say which one", "mengatakan kasus
 * tersebut tidak berada dalam yurisdiksi Swedia dan menolak mengungkapkan siapa ...": a refusal
 * right after "and"/"but" (past a negation or an auxiliary) with no subject of its own goes on from
 * the sentence's subject, the speaker: the reported words' subject (a case, a state) does not
 * decline to answer. Only refusals: "said some broadcasters had rushed ... and blamed ..." leaves
 * the blame with the broadcasters.
 */
function coordinatedWithSpeaker(view: SentenceView, cue: StanceCue): boolean {
  let i = cue.start - 1;
  while (i >= 0 && view.isAny(i, ['negation', 'auxiliary', 'adverb'])) i = view.lexAt(i)!.start - 1;
  if (i >= 0 && view.tokens[i].text === ',') i--;
  return i >= 0 && view.isAny(i, ['coordinator', 'clauseOpener']);
}

/** Words before a part that may mark its owner as the real doer: "pihak yang sebenarnya bertanggung jawab". */
const REAL_DOER_REACH = 3;

/**
 * "a cover for those really responsible", "menutupi jejak pihak yang sebenarnya bertanggung
 * jawab": a label dismissing a report of the agent's deed, set against the part of the real doer
 * (`grammar.real_doers`), judges that report; the part is not the one it speaks of.
 */
function marksRealDoer(view: SentenceView, role: Role): boolean {
  for (let i = Math.max(0, role.at - REAL_DOER_REACH); i < role.at; i++) if (view.is(i, 'realDoer')) return true;
  return false;
}

/** Where a found subject stands. */
function foundAt(found: Found): number {
  switch (found.kind) {
    case 'mentions':
      return found.mentions[0].start;
    case 'anaphor':
      return found.at;
    case 'other':
      return found.end - 1;
  }
}

function possessivePronounOf(view: SentenceView, cue: StanceCue): Found | null {
  if (view.hasEnding(cue.end - 1, view.pack.pack.speakers.possessiveSuffixes)) return { kind: 'anaphor', person: 'third', at: cue.start, end: cue.end };
  const before = cue.start - 1;
  return before >= 0 && view.is(before, 'possessive') ? { kind: 'anaphor', person: 'third', at: view.lexAt(before)!.start, end: cue.start } : null;
}

/** Words between a label marker and the label: "as nothing but baseless rumours". */
const LABEL_MARKER_REACH = 2;

/**
 * The verb whose object a label describes: "dismissing Seoul's claims as baseless rumours",
 * "menepis klaim Seoul sebagai kabar bohong". Its subject says the label, not the object's owner.
 */
function labellingVerb(view: SentenceView, labelStart: number): number | null {
  // "calling it a lie", "menyebutnya kebohongan": a verb of labelling right before, its object a pronoun.
  const object = labelStart - 1;
  const verb = object >= 0 && view.is(object, 'anaphoricObject') ? view.lexAt(object)!.start - 1 : object;
  if (verb >= 0 && view.is(verb, 'labelVerb')) return view.lexAt(verb)!.start;
  let marker = -1;
  for (let i = labelStart - 1; i >= Math.max(0, labelStart - 1 - LABEL_MARKER_REACH) && marker < 0; i--) {
    if (view.isBreak(i)) return null;
    if (view.is(i, 'labelMarker')) marker = view.lexAt(i)!.start;
  }
  for (let i = marker - 1; i >= 0; i--) {
    if (view.isBreak(i)) return null;
    if (view.is(i, 'attribution') || view.tagAt(i, 'cue')?.kind === 'active') return view.lexAt(i)!.start;
  }
  return null;
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

function assertionOf(
  attribution: Attribution,
  attributions: Attribution[],
  cues: StanceCue[],
  view: SentenceView,
  refs: SentenceReferences,
  { eventInContext, topicInContext }: SentenceContext,
): Statement['claim'] {
  const { start } = attribution.content;
  let end = attribution.content.end;
  if (end <= start) return null;
  const firstCue = cues.find((cue) => cue.start >= start && cue.start < end);
  if (firstCue) {
    // "“We downed their jets, and now they admit it,” he said": a cue in a clause of its own
    // subject after "and" is that subject's; the words before it are the speaker's assertion.
    end = clauseOfOtherSubjectAt(view, start, firstCue.start);
    if (end < 0) return null;
  }
  const speakers = new Set(actorIds(attribution.speaker));
  const relaysOther = attributions.some(
    (inner) => inner !== attribution && inner.verbStart >= start && inner.verbStart < end &&
      actorIds(inner.speaker).some((actorId) => !speakers.has(actorId)),
  );
  if (relaysOther) return null;
  const agent = agentOf(view);
  const speakerActors = attribution.speaker.kind === 'actors' ? attribution.speaker.actors : [];
  const verb: [number, number] = [attribution.verbStart, attribution.verbEnd];
  if (agent) {
    // "said it was 'not involved'", "menyatakan tidak terlibat": denying a part in the event;
    // "said Freedonia was responsible for the blasts": the agent's part, asserted of it by name
    // (not "I reject outright any link", where the part is the speaker's own).
    const role = roleIn(view, refs, start, end, speakerActors);
    if (role && (namesEvent(view, start, end) || eventInContext)) {
      // "memperingatkan Seoul agar tidak terlibat", "warned Seoul not to get involved": a part
      // someone is urged to keep out of, or may take later, is no report of a part taken.
      if (role.negated && role.ownerNamed && urgedToKeepOut(view, start, role.at)) return null;
      const stance = role.negated ? stanceOnRole(role, 'deny', agent) : role.ownerNamed && role.owners.includes(agent) && !qualifiedIn(view, start, role.at) ? 'confirm' : null;
      if (stance) return { stance, cueRanges: [verb, [role.at, role.at + 1]], label: false };
      if (role.negated) return null;
    }
  }
  const asserted = assertedStance(view, refs, start, end, speakerActors, topicInContext) ?? afterContrast(view, refs, start, end, speakerActors, topicInContext);
  return asserted ? { stance: asserted.stance, cueRanges: [verb, ...asserted.topicRanges], label: false } : null;
}

/** Words past a coordinator to the subject of its clause: "and now they". */
const COORDINATED_SUBJECT_REACH = 2;

/**
 * Where a clause with a subject of its own opens before `cue`, after a comma and a coordinator
 * ("..., and now they admit it", "..., dan kini mereka mengakuinya"): a pronoun or a name within
 * reach after the coordinator. -1: none.
 */
function clauseOfOtherSubjectAt(view: SentenceView, start: number, cue: number): number {
  for (let i = cue - 1; i > start; i--) {
    if (view.tokens[i].text !== ',' || i + 1 >= cue || !view.is(i + 1, 'coordinator')) continue;
    for (let k = view.lexAt(i + 1)!.end, words = 0; k < cue && words <= COORDINATED_SUBJECT_REACH; k++, words++) {
      if (view.is(k, 'pronoun') || view.mentionCovering(k)?.actorId) return i;
    }
  }
  return -1;
}

/**
 * "“I may not agree that we lost so many aircraft, but I do agree that we lost some,” Kumar said":
 * words that assert nothing before a contrast (a clause opener: "but", "tetapi") may assert
 * after it; the clause after the last one is what the speaker stands by.
 */
function afterContrast(view: SentenceView, refs: SentenceReferences, start: number, end: number, speakers: ResolvedActor[], topicInContext: boolean): ReturnType<typeof assertedStance> {
  for (let i = end - 1; i > start; i--) {
    if (view.is(i, 'clauseOpener')) return assertedStance(view, refs, view.lexAt(i)!.end, end, speakers, topicInContext);
  }
  return null;
}

/** A speculation word ("agar", "supaya", "not to") between the part's named owner and the part: "Seoul agar tidak terlibat". */
function urgedToKeepOut(view: SentenceView, start: number, part: number): boolean {
  const owners = view.mentions.filter((mention) => mention.actorId !== null && mention.start >= start && mention.end <= part);
  return owners.length > 0 && qualifiedIn(view, owners[owners.length - 1].end, part);
}

function actorIds(resolution: Resolution): string[] {
  return resolution.kind === 'actors' ? resolution.actors.map((actor) => actor.actorId) : [];
}

/** null: nobody speaks or acts in the sentence's cues and attributions. */
function speakerAtEnd(statements: Statement[], attributions: Attribution[], subjects: [number, Resolution][]): Resolution | null {
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
  if (events.length === 0) return null;
  return events.reduce((latest, event) => (event[0] >= latest[0] ? event : latest))[1];
}

/**
 * "Freedonia spoke at the council on Monday.", "Sylvania and Marsovia met.": with no cue or
 * speech verb, the actors whose names open the sentence are its subject, whom "its
 * representative" and "they" after it refer to.
 */
function openingSubject(view: SentenceView, refs: SentenceReferences): Resolution | null {
  const first = view.mentions[0];
  if (!first || view.tokens[first.start].quoted || !refs.isSubjectCandidate(first)) return null;
  const start = refs.phraseStart(first);
  if (start !== 0 && !(start === view.lexAt(0)?.end && view.is(0, 'demonstrative'))) return null;
  let last = first;
  for (let next = conjunctAfter(view, last); next; next = conjunctAfter(view, last)) last = next;
  return { kind: 'actors', actors: refs.actorsOf(refs.nearestNamedBefore(last.end) ?? [first]) };
}

/** The actor's name after "and"/"dan" right after a mention: "Sylvania and Marsovia". */
function conjunctAfter(view: SentenceView, mention: Mention): Mention | undefined {
  if (mention.end >= view.length || !view.is(mention.end, 'coordinator')) return undefined;
  const next = view.mentionStartingAt(view.lexAt(mention.end)!.end);
  return next?.actorId ? next : undefined;
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
