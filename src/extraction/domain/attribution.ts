// Reported speech: who said what in a sentence. An attribution is a speech verb ("mengatakan",
// "kata", "menurut", "said", "according to"), its speaker, and its content: the words reported.
//
//   X mengatakan (bahwa) CONTENT      X said (that) CONTENT        speaker before, content after
//   “CONTENT,” kata X                  “CONTENT,” said X / X said  content before
//   Menurut X, CONTENT                 According to X, CONTENT     speaker after, content after
//   CONTENT, menurut X                 CONTENT, according to X     content before
//   “CONTENT,” tambahnya               “CONTENT,” he added         the last speaker

import { continued, NO_ONE, type Found, type Resolution, type SentenceReferences } from './references.js';
import type { SentenceView } from './sentence-view.js';

export interface Attribution {
  verbStart: number;
  verbEnd: number;
  speaker: Resolution;
  /** Token range of the reported words, end exclusive. */
  content: { start: number; end: number };
  /** Not itself reported inside another attribution's content. */
  topLevel: boolean;
}

/** How many words after the verb "bahwa"/"that" may come: "mengatakan kepada Reuters pada Senin bahwa". */
const COMPLEMENTIZER_REACH = 8;
/** Fewer words than this after ", Peskov said" means the content came before it. */
const TRAILING_TAIL_WORDS = 4;

export interface SpeakerContext {
  lastSpeaker: Resolution;
}

export function findAttributions(view: SentenceView, refs: SentenceReferences, dateTokens: ReadonlySet<number>, context: SpeakerContext): Attribution[] {
  const headline = headlineAttribution(view, refs);
  const attributions: Attribution[] = headline ? [headline] : [];
  let boundary = headline?.verbEnd ?? 0;
  for (const lex of view.lexSpans) {
    const mode = lex.tags.find((tag) => tag.type === 'attribution')?.speaker;
    if (!mode || view.tokens[lex.start].quoted || isClaimNounHere(view, lex.start) || saidByNounBefore(view, lex.start)) continue;
    // "Freedonia is said to have sent drones": hearsay, nobody speaks.
    if (lex.end < view.length && view.is(lex.end, 'hearsay')) continue;
    const shared = sharedSubject(view, attributions, lex.start, lex.end);
    if (shared) {
      attributions.push(shared);
      boundary = lex.end;
      continue;
    }
    const bound = Math.max(boundary, complementizerBefore(view, lex.start) + 1);
    const parsed = parseAttribution(view, refs, dateTokens, lex.start, lex.end, mode, bound, boundary);
    if (!parsed) continue;
    const speaker = resolveReference(parsed.found, view, refs, null, context.lastSpeaker);
    const topLevel = !attributions.some((outer) => lex.start >= outer.content.start && lex.start < outer.content.end);
    attributions.push({
      verbStart: lex.start,
      verbEnd: lex.end,
      // "Yonhap melaporkan, mengutip NIS, bahwa ...": an outlet that cites an actor speaks for it.
      speaker: speaker.kind === 'actors' || refs.cited.length === 0 ? speaker : { kind: 'actors', actors: refs.actorsOf(refs.cited) },
      content: { start: parsed.content.start, end: clauseEndAt(view, refs, parsed.content.start, appositiveAt(view, parsed.content.start, parsed.content.end)) },
      topLevel,
    });
    boundary = Math.max(lex.end, parsed.found?.end ?? 0);
  }
  return attributions;
}

/**
 * "Nasrallah said that Israel had blown up the pagers, and called it a war crime": a verb of
 * saying right after "and", with no subject of its own, is a second verb of the last top-level
 * speaker, whose words end before it; not a verb of whoever the reported words named last.
 */
function sharedSubject(view: SentenceView, attributions: Attribution[], verbStart: number, verbEnd: number): Attribution | null {
  const previous = attributions.at(-1);
  const joint = verbStart - 1;
  if (!previous?.topLevel || joint <= previous.content.start || joint >= previous.content.end || !view.is(joint, 'coordinator')) return null;
  previous.content = { ...previous.content, end: trimBreaks(view, previous.content.start, view.lexAt(joint)!.start) };
  return { verbStart, verbEnd, speaker: previous.speaker, content: { start: contentStart(view, verbEnd), end: view.length }, topLevel: true };
}

/** Words between the comma and the claim noun of an appositive: "a claim", "an assessment". */
const APPOSITIVE_ARTICLE_WORDS = 1;

/**
 * Where reported words end before an appositive that names them as a claim: "Seoul said the
 * troops had arrived, a claim Moscow denied", "..., klaim yang dibantah Moskow". What follows
 * is said about the words, not in them. `end` when there is none.
 */
function appositiveAt(view: SentenceView, start: number, end: number): number {
  for (let i = start; i < end - 1; i++) {
    if (view.tokens[i].text !== ',' || view.tokens[i].quoted) continue;
    for (let k = i + 1; k <= Math.min(end - 1, i + 1 + APPOSITIVE_ARTICLE_WORDS); k++) {
      if (view.pack.claimNouns.matchAt(view.tokens, k)) return i;
      if (!view.tokens[k].isWord || view.mentionCovering(k)) break;
    }
  }
  return end;
}

/**
 * Where reported words end before a clause of another subject: "Kyiv said the troops were in
 * Kursk, while|but the Kremlin denied it", "..., and the Kremlin denied it", "..., sementara|namun
 * Kremlin membantahnya". `end` when there is none; quoted words run to their closing mark. A
 * clause opener right before a negation opens no subject of its own: "menyatakan satu jet hilang,
 * tetapi bukan karena ditembak jatuh oleh Zedland", "said a jet was lost, but not because ..." go
 * on with the same words.
 */
function clauseEndAt(view: SentenceView, refs: SentenceReferences, start: number, end: number): number {
  // "said the recorders had been deciphered but that no conclusions would be drawn": "that"
  // right after the opener goes on with the same speaker's words.
  const goesOn = (opener: number) => view.lexAt(opener)!.end < view.length && view.is(view.lexAt(opener)!.end, 'complementizer');
  for (let i = start + 1; i < end - 1; i++) {
    if (view.tokens[i].quoted) continue;
    if (view.is(i, 'clauseOpener') && view.lexAt(i)!.start === i && !goesOn(i)) {
      const next = view.lexAt(i)!.end;
      if (next < end && view.is(next, 'negation')) continue;
      return view.isBreak(i - 1) ? i - 1 : i;
    }
    if (view.tokens[i].text === ',' && view.is(i + 1, 'coordinator') && subjectAt(view, refs, view.lexAt(i + 1)!.end)) return i;
  }
  return end;
}

/** An actor named as a subject at `at`, past a determiner: "the Kremlin", "Moscow". */
function subjectAt(view: SentenceView, refs: SentenceReferences, at: number): boolean {
  const first = at < view.length && view.is(at, 'demonstrative') ? view.lexAt(at)!.end : at;
  const mention = view.mentionStartingAt(first);
  return mention !== undefined && refs.isSubjectCandidate(mention);
}

/**
 * A speech verb that is also a claim noun ("klaim") is the noun after a word other than a name,
 * or before a relative clause: "tidak membantah klaim AS bahwa ..." names the US claim, and so
 * does "..., klaim yang dibantah Moskow"; "“...,” klaim Kremlin" and "Rusia klaim ..." are speech.
 */
function isClaimNounHere(view: SentenceView, at: number): boolean {
  const noun = view.pack.claimNouns.matchAt(view.tokens, at);
  if (!noun) return false;
  if (noun.end < view.length && view.is(noun.end, 'relativizer')) return true;
  const previous = at - 1;
  return previous >= 0 && view.tokens[previous].isWord && !view.mentionCovering(previous);
}

/**
 * A verb of saying right after a relativizer that follows a noun other than a name: the noun is
 * its subject, and no speaker of the sentence says the words ("denied reports which said Freedonia
 * had sent drones", "membantah laporan media yang menyebut Freedonia mengirim drone").
 */
function saidByNounBefore(view: SentenceView, verb: number): boolean {
  const relativizer = verb - 1;
  if (relativizer < 1 || !view.is(relativizer, 'relativizer')) return false;
  const noun = view.lexAt(relativizer)!.start - 1;
  return noun >= 0 && view.tokens[noun].isWord && !view.mentionCovering(noun);
}

/** A headline that opens with its speaker and a colon: "Zelensky: Korea Utara Kirim 12.000 Tentara". */
function headlineAttribution(view: SentenceView, refs: SentenceReferences): Attribution | null {
  const mention = view.mentionStartingAt(0);
  if (!mention?.actorId || view.tokens[mention.end]?.text !== ':' || refs.isMasked(mention)) return null;
  return {
    verbStart: mention.end,
    verbEnd: mention.end + 1,
    speaker: { kind: 'actors', actors: refs.actorsOf([mention]) },
    content: { start: mention.end + 1, end: view.length },
    topLevel: true,
  };
}

/**
 * What a found reference stands for. A pronoun is the subject named earlier in the sentence,
 * else the last speaker; "saya"/"we" is whoever speaks the words around it.
 */
export function resolveReference(
  found: Found | null,
  view: SentenceView,
  refs: SentenceReferences,
  scopeSpeaker: Resolution | null,
  lastSpeaker: Resolution,
): Resolution {
  if (!found) return NO_ONE;
  if (found.kind === 'mentions') return { kind: 'actors', actors: refs.actorsOf(found.mentions) };
  if (found.kind === 'other') return { kind: 'other' };
  if (found.person === 'first') return scopeSpeaker ?? NO_ONE;
  if (view.tokens[found.at].quoted) return NO_ONE;
  if (scopeSpeaker) return continued(scopeSpeaker);
  const named = refs.nearestNamedBefore(found.at);
  return continued(named ? { kind: 'actors', actors: refs.actorsOf(named) } : lastSpeaker);
}

interface Parsed {
  found: Found | null;
  content: { start: number; end: number };
}

function parseAttribution(
  view: SentenceView,
  refs: SentenceReferences,
  dateTokens: ReadonlySet<number>,
  verbStart: number,
  verbEnd: number,
  mode: 'before' | 'after' | 'either' | 'last',
  bound: number,
  boundary: number,
): Parsed | null {
  const end = view.length;
  const followsQuoteOrComma = verbStart > 0 && (view.isClosingQuote(verbStart - 1) || view.tokens[verbStart - 1].text === ',');
  const contentBefore = (until: number) => ({ start: boundary, end: trimBreaks(view, boundary, until) });

  if (mode === 'last') {
    return { found: { kind: 'anaphor', person: 'third', at: verbStart, end: verbEnd }, content: contentBefore(verbStart) };
  }
  const inverted = mode === 'either' && followsQuoteOrComma && !subjectBeforeAside(view, refs, bound, verbStart);
  const after = mode === 'after' || inverted ? refs.speakerAfter(verbEnd) : null;
  const afterQuote = verbStart > 0 && view.isClosingQuote(verbStart - 1);
  if (mode === 'either' && after && (after.kind !== 'other' || afterQuote)) {
    return { found: after, content: contentBefore(verbStart) }; // "“...,” said Peskov", "“...,” said an analyst"
  }
  if (mode === 'after') {
    // "“...,” kata Peskov", "..., menurut NATO", "Menurut NATO, ...".
    const found = after;
    if (followsQuoteOrComma || countWords(view, dateTokens, boundary, verbStart) > 0) return { found, content: contentBefore(verbStart) };
    const speakerEnd = found?.end ?? verbEnd;
    const comma = firstIndex(speakerEnd, end, (i) => view.tokens[i].text === ',');
    return { found, content: { start: comma >= 0 ? comma + 1 : speakerEnd, end } };
  }
  // "Peskov mengatakan ...", "Peskov said ...", and "“...,” Peskov said".
  const found = refs.subjectBefore(verbStart, bound) ?? (countWords(view, dateTokens, bound, verbStart) > 0 ? otherSpeaker(verbStart) : null);
  if (!found && mode === 'either') return null;
  const speakerStart = found?.kind === 'mentions' ? refs.phraseStart(found.mentions[0]) : found?.kind === 'anaphor' ? found.at : verbStart;
  const before = beforeDeterminer(view, speakerStart);
  const trailing =
    followsQuote(view, speakerStart) ||
    (before > boundary && view.tokens[before].text === ',' && countWords(view, dateTokens, verbEnd, end) < TRAILING_TAIL_WORDS);
  return trailing ? { found, content: contentBefore(speakerStart) } : { found, content: { start: contentStart(view, verbEnd), end } };
}

/** The token before a speaker phrase, past its determiner: "..., the Sylvanian minister said". */
function beforeDeterminer(view: SentenceView, speakerStart: number): number {
  const previous = speakerStart - 1;
  // "“...,” a Freedonian official said": an indefinite article opens the phrase as "the" does.
  return previous >= 0 && (view.is(previous, 'demonstrative') || view.is(previous, 'indefinite')) ? view.lexAt(previous)!.start - 1 : previous;
}

/**
 * "Blinken, speaking in Cairo, said the US ...": the sentence opens with its subject and an aside
 * between commas, so the verb after the aside is not inverted ("..., said Peskov").
 */
function subjectBeforeAside(view: SentenceView, refs: SentenceReferences, bound: number, verbStart: number): boolean {
  if (view.isClosingQuote(verbStart - 1)) return false;
  const found = refs.subjectBefore(verbStart, bound);
  if (found?.kind !== 'mentions') return false;
  for (let i = bound; i < found.mentions[0].start; i++) if (view.isBreak(i)) return false;
  // "Ukrainian prosecutors, who ...": the office after the party's name belongs to the subject.
  let after = found.end;
  while (after < view.length && view.is(after, 'roleNoun') && !view.mentionCovering(after)) after = view.lexAt(after)!.end;
  return view.tokens[after]?.text === ',';
}

/** The speaker phrase comes right after a quotation: "“...,” Peskov said", "“...,” the Kremlin said", "“...”, dia menambahkan". */
function followsQuote(view: SentenceView, speakerStart: number): boolean {
  const previous = beforeDeterminer(view, speakerStart);
  if (previous < 0) return false;
  if (view.isClosingQuote(previous)) return true;
  return view.tokens[previous].text === ',' && previous > 0 && view.isClosingQuote(previous - 1);
}

function otherSpeaker(end: number): Found {
  return { kind: 'other', end };
}

/** After "X mengatakan": the clause after "bahwa"/"that" if one comes soon, else what follows ("said: “...”"). */
function contentStart(view: SentenceView, verbEnd: number): number {
  const clause = complementAfter(view, verbEnd);
  if (clause) return clause.start;
  let start = verbEnd;
  while (start < view.length && (view.tokens[start].text === ',' || view.tokens[start].text === ':')) start++;
  return start;
}

/**
 * The clause "bahwa ..."/"that ..." soon after a verb: "mengatakan kepada Reuters pada Senin bahwa ...";
 * not one after a stance cue, whose words it is: "menegaskan bantahannya atas laporan bahwa ...".
 */
export function complementAfter(view: SentenceView, verbEnd: number): { start: number; end: number } | null {
  // Counted in words, not tokens: the commas and brackets of "kepada parlemen, Senin (23/10),
  // bahwa" are no distance.
  let words = 0;
  for (let i = verbEnd; i < view.length && words <= COMPLEMENTIZER_REACH && !view.tokens[i].quoted; i++) {
    if (view.is(i, 'complementizer') && !opensRelativeClause(view, i)) return { start: view.lexAt(i)!.end, end: view.length };
    if (view.is(i, 'attribution') || view.is(i, 'cue')) break;
    if (view.tokens[i].isWord) words++;
  }
  return null;
}

/** Words a relative clause's subject may take before its verb: "the defence ministry", "he". */
const RELATIVE_SUBJECT_WORDS = 5;

/**
 * A "that" after a noun that opens a relative clause about the noun, not the words of a claim:
 * its clause lacks a subject ("the reports that were published") or lacks the object of its
 * verb of saying or making ("the report that he said was false", "the statement that the
 * ministry issued on Monday", "the claims that Sylvania denied."). A verb followed by its own
 * "that" has its object ("reports that the ministry said that ..." reports words).
 */
export function opensRelativeClause(view: SentenceView, at: number): boolean {
  return relativeClauseAt(view, at) !== null;
}

/** The relative clause opened at `at`, up to a break or the next verb after its own; null: none. */
function relativeClauseAt(view: SentenceView, at: number): { start: number; end: number } | null {
  if (!view.is(at, 'relativeComplementizer')) return null;
  const before = at - 1;
  if (before < 0 || !view.tokens[before].isWord || isVerbOfStance(view, before)) return null;
  const first = view.lexAt(at)!.end;
  if (first >= view.length || view.tokens[first].quoted) return null;
  if (view.is(first, 'passiveAuxiliary')) return { start: at, end: breakAfter(view, first) };
  let verb = first;
  while (verb < Math.min(view.length, first + RELATIVE_SUBJECT_WORDS) && view.tokens[verb].isWord && !isVerbOfStance(view, verb)) {
    if (view.is(verb, 'preposition') || view.is(verb, 'complementizer') || view.is(verb, 'negation') || view.is(verb, 'passiveAuxiliary')) return null;
    verb = view.lexAt(verb)?.end ?? verb + 1;
  }
  if (verb === first || verb >= view.length || !isVerbOfStance(view, verb)) return null;
  const after = view.lexAt(verb)!.end;
  if (complementAfterVerb(view, after)) return null;
  const gap = after >= view.length || view.isBreak(after) || view.is(after, 'preposition') || view.is(after, 'passiveAuxiliary');
  if (!gap) return null;
  // "the report that Ukraine published on Monday ... was a fake": the main clause's verb ends it.
  let end = after;
  while (end < view.length && !view.isBreak(end) && !view.is(end, 'passiveAuxiliary') && !isVerbOfStance(view, end) && !view.is(end, 'cue')) end++;
  return { start: at, end };
}

/** ", who ...," / ", yang ...,": a relative word right after a comma, up to the next break. */
function commaClauseAt(view: SentenceView, at: number): { start: number; end: number } | null {
  if (view.tokens[at].text !== ',' || view.tokens[at].quoted || at + 1 >= view.length) return null;
  const word = at + 1;
  if (!view.is(word, 'relativizer') && !view.is(word, 'openAgent')) return null;
  const end = breakAfter(view, view.lexAt(word)!.end);
  return end < view.length && view.tokens[end].text === ',' ? { start: word, end } : null;
}

function breakAfter(view: SentenceView, from: number): number {
  let end = from;
  while (end < view.length && !view.isBreak(end)) end++;
  return end;
}

/**
 * The relative clauses opened by "that" (opensRelativeClause), and those set off by commas after
 * a name: "prosecutors, who opened a case on the day of the breach, said on Friday", "Zelensky,
 * yang mengunjungi Kherson pada Kamis, mengatakan": a date inside tells when the clause's deed
 * was done, not when the name spoke.
 */
export function relativeClauses(view: SentenceView): { start: number; end: number }[] {
  const clauses: { start: number; end: number }[] = [];
  for (let i = 0; i < view.length; i++) {
    const clause = relativeClauseAt(view, i) ?? commaClauseAt(view, i);
    if (!clause) continue;
    clauses.push(clause);
    i = clause.end - 1;
  }
  return clauses;
}

/** A verb of saying, of a stance or of making a statement. */
function isVerbOfStance(view: SentenceView, i: number): boolean {
  return view.is(i, 'attribution') || view.is(i, 'statementMaker') || (view.is(i, 'cue') && view.tagAt(i, 'cue')!.kind === 'active');
}

function complementAfterVerb(view: SentenceView, from: number): boolean {
  for (let i = from; i < Math.min(view.length, from + COMPLEMENTIZER_REACH); i++) if (view.is(i, 'complementizer')) return true;
  return false;
}

function complementizerBefore(view: SentenceView, position: number): number {
  for (let i = position - 1; i >= 0; i--) {
    if (!view.tokens[i].quoted && view.is(i, 'complementizer')) return view.lexAt(i)!.end - 1;
  }
  return -1;
}

/** Words outside date phrases in [from, to): "Pada hari Senin, menurut X, ..." still leads with X. */
function countWords(view: SentenceView, dateTokens: ReadonlySet<number>, from: number, to: number): number {
  let words = 0;
  for (let i = from; i < to; i++) if (view.tokens[i].isWord && !dateTokens.has(i)) words++;
  return words;
}

function trimBreaks(view: SentenceView, start: number, end: number): number {
  let last = end;
  while (last > start && view.isBreak(last - 1) && !view.isClosingQuote(last - 1)) last--;
  return last;
}

function firstIndex(from: number, to: number, test: (i: number) => boolean): number {
  for (let i = from; i < to; i++) if (test(i)) return i;
  return -1;
}
