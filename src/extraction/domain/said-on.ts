// Said-on (valid time) of each statement in a sentence, by decreasing strength of evidence:
// 1. a date phrase attached to it ("kata Putin, Kamis (24/10)", "On Monday, Peskov said");
// 2. a past marker ("sebelumnya membantah", "had earlier denied"): only an upper bound, the day
//    before publication, or the day before a dated statement later in the same sentence
//    ("had earlier denied it, before finally admitting it at the weekend");
// 3. the date of the same speaker's statement a few sentences earlier (a quote continued after
//    "kata Putin pada 24 Oktober" is from the same press conference);
// 4. the publication day.
// A date phrase or past marker belongs to the nearest statement: with two statements in one
// sentence, each takes its own. Date phrases inside reported words date their content, not the
// statement ("mengatakan pada 18 Oktober bahwa pada awal Oktober ..."). A statement named by a
// noun after "after"/"before" ("before the president's statement", "after the minister's
// remarks on Monday") claims nothing, but takes the date phrase next to it and bounds the
// sentence's statements like a statement would.

import type { ClaimDraft, SaidOn } from '../../domain/vocabulary.js';
import { formatDay, parseDay } from './calendar.js';
import { relativeClauses } from './attribution.js';
import { resolveDate, type DateExpression } from './dates.js';
import { ownerOf } from './owned-claims.js';
import type { SentenceView } from './sentence-view.js';
import type { ResolvedActor, SentenceReferences } from './references.js';
import type { Statement } from './statements.js';

export const SAID_ON_STRENGTH = { stated: 3, past: 2, carried: 1, published: 0 } as const;
/** The basis of a claim dated only by its report. */
const PUBLICATION_BASIS = 'publication date';
export type SaidOnBasis = keyof typeof SAID_ON_STRENGTH;

export interface DatedStatement {
  saidOn: SaidOn;
  basis: SaidOnBasis;
  /** Said "initially", "earlier" (the marker as written): before the actor's dated change of stance, wherever the article reports it. */
  initially?: string;
}

export function dateStatements(
  sentenceStatements: readonly Statement[],
  view: SentenceView,
  refs: SentenceReferences,
  dates: readonly DateExpression[],
  published: number,
  carriedDate: (actor: ResolvedActor) => SaidOn | null,
  lastEventDay: number | null = null,
): DatedStatement[] {
  // Most sentences state nothing: no need to look for "after"/"before" in them.
  const sequence = sentenceStatements.length === 0 ? NO_SEQUENCE : sequenceOf(view);
  const named = namedStatements(view, refs, sequence, sentenceStatements);
  const statements = named.size === 0 ? sentenceStatements : [...sentenceStatements, ...named.keys()];
  const clauses = relativeClauses(view);
  const dateOf = nearestOwners(statements, dates.map((date) => date.start), clauses, (statement, index) => {
    const date = dates[index];
    // "confirmed it on Tuesday, after the minister's remarks on Monday": Tuesday is not the remarks'.
    if (date.start < (named.get(statement) ?? 0)) return false;
    return !date.quoted || quotedWith(view, statement, date.start);
  });
  closingDates(view, statements, dates, dateOf, clauses);
  const pastMarkers = view.lexSpans.filter((lex) => !view.tokens[lex.start].quoted && lex.tags.some((tag) => tag.type === 'past'));
  const pastOf = nearestOwners(statements, pastMarkers.map((lex) => lex.start), clauses, () => true);
  const resolved = resolveInOrder(dates, view, published, lastEventDay);
  const stated = statements.map((_, index) => {
    const date = dateOf[index];
    return date === null ? null : resolved[date];
  });

  let publicationDay: string | undefined;
  const dated: DatedStatement[] = [];
  statements.forEach((statement, index) => dated.push(dateOne(statement, index)));
  return datedByAnother(view, statements, dated, sequence.words, published, lastEventDay).slice(0, sentenceStatements.length);

  function dateOne(statement: Statement, index: number): DatedStatement {
    const own = stated[index];
    if (own) return { saidOn: own, basis: 'stated' };
    // A claim the sentence names came before the statement that answers it (that one is dated first).
    if (statement.answeredBy !== undefined) return beforeAnswer(statement.answeredBy ? dated[statements.indexOf(statement.answeredBy)] : null, published);
    const past = pastOf[index];
    if (past !== null) {
      const marker = pastMarkers[past];
      const words = view.textOf(marker.start, marker.end);
      const saidOn = beforeLaterStatement(statement, statements, stated, published, words);
      return view.is(marker.start, 'initial') ? { saidOn, basis: 'past', initially: words } : { saidOn, basis: 'past' };
    }
    // A statement named by a noun may have no owner the watch knows: "the minister's remarks".
    const carried = statement.actors.length > 0 ? carriedDate(statement.actors[0]) : null;
    if (carried) return { saidOn: carried, basis: 'carried' };
    publicationDay ??= formatDay(published);
    return { saidOn: { from: publicationDay, to: publicationDay, precision: 'day', basis: PUBLICATION_BASIS }, basis: 'published' };
  }
}

/**
 * "Kirby declined to comment on the report on Tuesday and said ...", "menolak berkomentar soal
 * laporan itu pada Selasa dan mengatakan ...": a date phrase right before "and" closes the clause
 * it stands in, so it also dates the statement that clause opens, which the nearer verb after
 * "and" had taken it from. Only a statement left without a date, anchored before the date with no
 * other statement between.
 */
function closingDates(
  view: SentenceView,
  statements: readonly Statement[],
  dates: readonly DateExpression[],
  dateOf: (number | null)[],
  clauses: readonly Span[],
): void {
  dates.forEach((date, index) => {
    if (date.quoted || date.end >= view.length || !view.is(date.end, 'coordinator')) return;
    // A date inside a relative clause, or after a comma ("..., where its forces launched an
    // offensive in August and took ..."), closes that clause, not the statement's.
    const clause = clauses.find((span) => date.start >= span.start && date.start < span.end);
    const sameClause = (statement: Statement, anchor: number) =>
      (!clause || anchoredIn(statement, clause)) && !view.tokens.slice(anchor, date.start).some((token) => token.text === ',');
    const nearest = statements
      .map((statement, k) => ({ k, statement, anchor: Math.max(...statement.anchors) }))
      .filter(({ statement, anchor }) => anchor < date.start && sameClause(statement, anchor))
      .sort((a, b) => b.anchor - a.anchor)[0];
    if (nearest && dateOf[nearest.k] === null) dateOf[nearest.k] = index;
  });
}

/**
 * "Hal itu disampaikan Nasrallah dalam pidato ... pada Kamis (19/9)", "The remarks were made on
 * Thursday", "Blinken made the remarks on Tuesday": a sentence opening with a statement anaphor,
 * or with names and then one, (pack `dates.statement_anaphors`) dates
 * the previous sentence's words. Its claims dated only by publication take the first date phrase
 * of this one: those of the actors this sentence names, or all when it names none ("The remarks
 * were made ..."). Null when the sentence does not open so.
 */
export function redatedByAnaphor(
  view: SentenceView,
  dates: readonly DateExpression[],
  published: number,
  previous: readonly ClaimDraft[],
): ClaimDraft[] | null {
  const date = dates.find((expression) => !expression.quoted);
  if (!date || previous.length === 0 || !view.pack.statementAnaphors.matchAt(view.tokens, afterOpeningName(view))) return null;
  const named = new Set(view.mentions.flatMap((mention) => (mention.actorId ? [mention.actorId] : [])));
  const saidOn = resolveDate(date, published, view.textOf(date.start, date.end));
  const redated = (claim: ClaimDraft) => claim.saidOn.basis === PUBLICATION_BASIS && (named.size === 0 || named.has(claim.actorId));
  return previous.map((claim) => (redated(claim) ? { ...claim, saidOn } : claim));
}

/** Where the sentence goes on after the names it opens with ("Blinken menyampaikan hal itu ..."): 0 when it opens with none. */
function afterOpeningName(view: SentenceView): number {
  let at = 0;
  for (let mention = view.mentionCovering(at); mention; mention = view.mentionCovering(at)) at = mention.end;
  return at;
}

/** Words between "after"/"before" and the statement it introduces: "after the Kremlin spokesman denied". */
const SEQUENCE_REACH = 6;
/** Words before "after" that say how long after: "a few days", "two hours". */
const LAPSE_WORDS = 3;

/**
 * "Pyongyang confirmed it on Monday, a few days after Moscow rejected the reports": a statement
 * introduced by "after" came before the other statement of the sentence, one introduced by
 * "before" ("Moscow denied it, days before Pyongyang confirmed it on Monday", "Before Herzog's
 * statement, Israel neither confirmed nor denied it") came after it, so the other one bounds it. Only a statement with no date or past marker of its own is re-dated: "a day after"
 * gives the day before, "hours after" that day or the one before, any other lapse (or none)
 * only an upper bound. The other way round, a statement before "after" and a dated statement
 * ("confirmed it after the minister's remarks on Monday") is bounded below by that date.
 */
function datedByAnother(
  view: SentenceView,
  statements: readonly Statement[],
  dated: DatedStatement[],
  sequence: readonly SequenceWord[],
  published: number,
  lastEventDay: number | null,
): DatedStatement[] {
  if (sequence.length === 0) return dated;
  const introducedDated = (word: SequenceWord, statement: Statement) =>
    statements.findIndex((other, index) => other !== statement && isDated(dated[index]) && introduces(view, word.end, other));
  return dated.map((own, index) => {
    // A date or a past marker of its own ("had earlier denied ..., before admitting") says more.
    if (own.basis === 'stated' || own.basis === 'past') return own;
    const statement = statements[index];
    for (const word of sequence) {
      if (word.kind === 'after' && introduces(view, word.end, statement)) {
        // "…, hours after Moscow rejected them", else "After Moscow rejected them, Pyongyang …".
        const other =
          nearestOther(statements, dated, statement, (anchor) => anchor < word.start) ??
          nearestOther(statements, dated, statement, (anchor) => anchor > statement.anchors[0] && breakBetween(view, statement.anchors[0], anchor));
        if (other) return beforeStatement(other, word, view);
        // "The confirmation came two days after Gerasimov praised ...": with no other statement
        // in the sentence, an exact lapse counts back from the last dated event the text
        // reports, as "two days earlier" does.
        const counted = countedBack(word, view, lastEventDay);
        if (counted) return counted;
      } else if (word.kind === 'after' && statements.length === 1 && introducesPastApposition(view, word.end, statement)) {
        // "two days after Russia's chief of the General Staff, Valery Gerasimov, praised ...".
        const counted = countedBack(word, view, lastEventDay);
        if (counted) return counted;
      } else if (word.kind === 'after') {
        const earlier = introducedDated(word, statement);
        const follows = earlier >= 0 && (statement.anchors[0] < word.start || breakBetween(view, statements[earlier].anchors[0], statement.anchors[0]));
        const bounded = follows ? afterStatement(dated[earlier], word, view, published) : null;
        if (bounded) return bounded;
      } else {
        // "…, before Pyongyang confirmed it", else "Before Herzog's statement, Israel …".
        const other = introducedDated(word, statement);
        const precedes = other >= 0 && (statement.anchors[0] < word.start || breakBetween(view, statements[other].anchors[0], statement.anchors[0]));
        if (precedes) return beforeStatement(dated[other], word, view);
      }
    }
    return own;
  });
}

/** Said on a day the text gives: its own date, or the same speaker's from an earlier sentence. */
function isDated(dated: DatedStatement): boolean {
  return dated.basis === 'stated' || dated.basis === 'carried';
}

/**
 * Statements named by a noun right after "after"/"before", with no statement of the sentence
 * between: "before the president's statement", "after Putin's remarks", "sebelum pernyataan
 * Putin", each with where its phrase starts. Their owner is the actor named with the noun
 * (owned-claims.ts), if any.
 */
function namedStatements(view: SentenceView, refs: SentenceReferences, sequence: Sequence, statements: readonly Statement[]): Map<Statement, number> {
  const named = new Map<Statement, number>();
  for (const noun of sequence.nouns) {
    const word = sequence.words.find((word) => noun.start >= word.end && noun.start - word.end <= SEQUENCE_REACH);
    if (!word || breakBetween(view, word.end, noun.start)) continue;
    if (statements.some((statement) => statement.anchors[0] >= word.end && statement.anchors[0] < noun.start)) continue;
    const owner = ownerOf(view, refs, noun.start, noun.end);
    named.set({ actors: owner ? refs.actorsOf([owner.mention]) : [], anchors: [noun.start], excluded: null, claim: null, topLevel: false }, word.start);
  }
  return named;
}

interface SequenceWord {
  kind: 'after' | 'before';
  start: number;
  end: number;
  /** How long after: "a day", "a few days" (or weeks), "hours", or not said. */
  lapse: 'day' | 'days' | 'hours' | 'unknown';
  /** Where the phrase starts, the lapse included: "a few days after". */
  phraseStart: number;
  /** With lapse `days`, how many when the number is exact ("two days", not "a few days"). */
  days: number | null;
}

interface Sequence {
  words: SequenceWord[];
  /** Nouns naming a statement: "statement", "remarks", "pernyataan". */
  nouns: { start: number; end: number }[];
}

const NO_SEQUENCE: Sequence = { words: [], nouns: [] };

function sequenceOf(view: SentenceView): Sequence {
  const sequence: Sequence = { words: [], nouns: [] };
  for (let i = 0; i < view.length; i++) {
    if (view.tokens[i].quoted) continue;
    const match = view.pack.dateWords.matchAt(view.tokens, i);
    if (!match) continue;
    const kind = match.values.some((value) => value.type === 'after') ? 'after' : match.values.some((value) => value.type === 'before') ? 'before' : null;
    if (kind) sequence.words.push({ kind, start: i, end: match.end, ...lapseBefore(view, i) });
    else if (match.values.some((value) => value.type === 'statementNoun')) sequence.nouns.push({ start: i, end: match.end });
    else continue;
    i = match.end - 1;
  }
  return sequence;
}

/** "hours after", "a day after", "a few days after": how long, read from the words before. */
function lapseBefore(view: SentenceView, at: number): Pick<SequenceWord, 'lapse' | 'phraseStart' | 'days'> {
  let count: number | null = null;
  let exact = false;
  let phraseStart = at;
  for (let i = Math.max(0, at - LAPSE_WORDS); i < at; i++) {
    const match = view.pack.dateWords.matchAt(view.tokens, i);
    if (!match) {
      if (view.tokens[i].isNumber && !view.isBreak(i)) [count, phraseStart, exact] = [Number(view.tokens[i].text), i, true];
      continue;
    }
    // "sehari" is a number and a unit at once.
    for (const value of match.values) if (value.type === 'number') [count, phraseStart, exact] = [value.value, i, !match.values.some((other) => other.type === 'approximate')];
    for (const value of match.values) {
      if (match.end !== at) continue;
      if (value.type === 'hours') return { lapse: 'hours', phraseStart: count === null ? i : phraseStart, days: null };
      if (value.type === 'unit' && value.value !== 'weekend') {
        const lapse = value.value === 'day' && count === 1 ? 'day' : 'days';
        // Only days are counted exactly: "two weeks after" is no exact day.
        const days = value.value === 'day' && exact && count !== null && count > 1 ? count : null;
        return { lapse, phraseStart: count === null ? i : phraseStart, days };
      }
    }
    i = match.end - 1;
  }
  return { lapse: 'unknown', phraseStart: at, days: null };
}

/** The statement's first anchor comes soon after `from`, with no break between. */
function introduces(view: SentenceView, from: number, statement: Statement): boolean {
  const anchor = statement.anchors[0];
  if (anchor < from || anchor - from > SEQUENCE_REACH) return false;
  for (let i = from; i < anchor; i++) if (view.isBreak(i)) return false;
  return true;
}

/** Words an apposition between two commas may take: ", Valery Gerasimov,". */
const APPOSITION_WORDS = 4;

/** `introduces`, past one apposition between commas: "after Russia's army chief, Valery Gerasimov, praised". */
function introducesPastApposition(view: SentenceView, from: number, statement: Statement): boolean {
  const anchor = statement.anchors[0];
  if (anchor < from) return false;
  const commas: number[] = [];
  for (let i = from; i < anchor; i++) {
    if (!view.isBreak(i)) continue;
    if (view.tokens[i].text !== ',' || view.tokens[i].quoted) return false;
    commas.push(i);
  }
  if (commas.length !== 2 || commas[1] - commas[0] - 1 > APPOSITION_WORDS) return false;
  return anchor - from - (commas[1] - commas[0] + 1) <= SEQUENCE_REACH;
}

function breakBetween(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.isBreak(i)) return true;
  return false;
}

function nearestOther(
  statements: readonly Statement[],
  dated: readonly DatedStatement[],
  statement: Statement,
  accepts: (anchor: number) => boolean,
): DatedStatement | null {
  let best: number | null = null;
  statements.forEach((other, index) => {
    if (other === statement || !accepts(other.anchors[0])) return;
    if (best === null || other.anchors[0] > statements[best].anchors[0]) best = index;
  });
  return best === null ? null : dated[best];
}

function beforeStatement(other: DatedStatement, word: SequenceWord, view: SentenceView): DatedStatement {
  const basis = `${view.textOf(word.phraseStart, word.end)} (${other.saidOn.basis})`;
  const day = eventDayOf(other.saidOn);
  if (day !== null && (word.lapse === 'day' || (word.lapse === 'days' && word.days !== null))) {
    const before = formatDay(day - (word.days ?? 1));
    return { saidOn: { from: before, to: before, precision: 'day', basis }, basis: 'stated' };
  }
  if (day !== null && word.lapse === 'hours') return { saidOn: { from: formatDay(day - 1), to: formatDay(day), precision: 'range', basis }, basis: 'stated' };
  // Days or more before: at the latest the day before; a lapse not said: at the latest that day.
  const to = word.lapse === 'days' ? formatDay(parseDay(other.saidOn.from ?? other.saidOn.to) - 1) : other.saidOn.to;
  return { saidOn: { from: null, to, precision: 'before', basis }, basis: 'past' };
}

/** "two days after", "dua hari setelah" with no other statement in the sentence: that many days before the last dated event. */
function countedBack(word: SequenceWord, view: SentenceView, lastEventDay: number | null): DatedStatement | null {
  const days = word.lapse === 'day' ? 1 : word.lapse === 'days' ? word.days : null;
  if (lastEventDay === null || days === null) return null;
  const day = formatDay(lastEventDay - days);
  return { saidOn: { from: day, to: day, precision: 'day', basis: view.textOf(word.phraseStart, word.end) }, basis: 'stated' };
}

/**
 * After a dated statement: "a day after" the next day, "hours after" that day or the next, else
 * from that day (the next with "days after") up to publication; null when the other has no
 * lower bound.
 */
function afterStatement(other: DatedStatement, word: SequenceWord, view: SentenceView, published: number): DatedStatement | null {
  if (other.saidOn.from === null) return null;
  const basis = `${view.textOf(word.phraseStart, word.end)} (${other.saidOn.basis})`;
  const day = eventDayOf(other.saidOn);
  if (day !== null && word.lapse === 'day') {
    const after = formatDay(day + 1);
    return { saidOn: { from: after, to: after, precision: 'day', basis }, basis: 'stated' };
  }
  if (day !== null && word.lapse === 'hours') return { saidOn: { from: formatDay(day), to: formatDay(day + 1), precision: 'range', basis }, basis: 'stated' };
  const from = parseDay(other.saidOn.from) + (word.lapse === 'days' ? 1 : 0);
  return { saidOn: { from: formatDay(from), to: formatDay(Math.max(from, published)), precision: 'range', basis }, basis: 'past' };
}

/** Only an upper bound: the answering statement's, or publication. */
function beforeAnswer(answer: DatedStatement | null, published: number): DatedStatement {
  const to = answer?.saidOn.to ?? formatDay(published);
  const basis = `before the statement answering it (${answer ? answer.saidOn.basis : PUBLICATION_BASIS})`;
  return { saidOn: { from: null, to, precision: 'before', basis }, basis: 'past' };
}

/**
 * Each date phrase of the sentence resolved; "the previous day", "pada hari yang sama" count from
 * the last day-precise date before them: earlier in this sentence, else in the text before.
 */
/**
 * The last single day an unquoted date phrase of the sentence names, whoever it dates: "Erdogan
 * made the proposal in calls on Wednesday" dates an occasion that "in that call" in the next
 * sentence refers to, though it dates no statement of an actor of the watch.
 */
export function lastDayNamed(dates: readonly DateExpression[], view: SentenceView, published: number, lastEventDay: number | null): number | null {
  if (!dates.some((date) => !date.quoted)) return null;
  const resolved = resolveInOrder(dates, view, published, lastEventDay);
  let day: number | null = null;
  dates.forEach((date, index) => {
    if (!date.quoted) day = eventDayOf(resolved[index]) ?? day;
  });
  return day;
}

function resolveInOrder(dates: readonly DateExpression[], view: SentenceView, published: number, lastEventDay: number | null): SaidOn[] {
  let anchor = lastEventDay;
  let speechDay: number | null = null;
  const resolve = (date: DateExpression, reference: number) => {
    const saidOn = resolveDate(date, reference, view.textOf(date.start, date.end), anchor);
    const day = eventDayOf(saidOn);
    if (day !== null) anchor = day;
    return saidOn;
  };
  const resolved: (SaidOn | null)[] = dates.map((date) => {
    if (date.quoted) return null;
    const saidOn = resolve(date, published);
    speechDay ??= eventDayOf(saidOn);
    return saidOn;
  });
  // Quoted words were spoken on the day of the statement that quotes them: "Friday" in a quote
  // said "on Tuesday" is the Friday before that Tuesday.
  return dates.map((date, index) => resolved[index] ?? resolve(date, speechDay ?? published));
}

/**
 * "Freedonia initially denied it. ... On Monday, Freedonia admitted ...": a claim said
 * "initially" came before the same actor's earliest claim of another stance in the article that
 * has a first day, so it ends the day before that one. `initially` maps such claims' said-on to
 * the marker.
 */
export function beforeLaterChanges(claims: ClaimDraft[], initially: ReadonlyMap<SaidOn, string>): ClaimDraft[] {
  if (initially.size === 0) return claims;
  return claims.map((claim) => {
    const marker = initially.get(claim.saidOn);
    if (marker === undefined) return claim;
    let change: { from: string; basis: string } | null = null;
    for (const { actorId, stance, saidOn } of claims) {
      if (actorId !== claim.actorId || stance === claim.stance || saidOn.from === null) continue;
      if (!change || saidOn.from < change.from) change = { from: saidOn.from, basis: saidOn.basis };
    }
    if (!change) return claim;
    const to = formatDay(parseDay(change.from) - 1);
    if (to >= claim.saidOn.to) return claim;
    return { ...claim, saidOn: { ...claim.saidOn, to, basis: `${marker} (before ${change.basis})` } };
  });
}

/** The day a said-on pins down, when it is one day. */
export function eventDayOf(saidOn: SaidOn): number | null {
  return saidOn.precision === 'day' && saidOn.from !== null && saidOn.from === saidOn.to ? parseDay(saidOn.to) : null;
}

function beforeLaterStatement(
  statement: Statement,
  statements: readonly Statement[],
  stated: readonly (SaidOn | null)[],
  published: number,
  marker: string,
): SaidOn {
  let to = formatDay(published - 1);
  let basis = `${marker} (before publication)`;
  statements.forEach((later, index) => {
    const date = stated[index];
    if (!date || later.anchors[0] <= statement.anchors[0]) return;
    const bound = date.from ?? date.to;
    const dayBefore = formatDay(parseDay(bound) - 1);
    if (dayBefore < to) {
      to = dayBefore;
      basis = `${marker} (before ${date.basis})`;
    }
  });
  return { from: null, to, precision: 'before', basis };
}

/**
 * For each statement, the index of the position it owns, or null. A position goes to every
 * eligible statement at the smallest distance from it (a reported cue shares its attribution's
 * verb as an anchor, so both take the date next to that verb).
 */
function nearestOwners(
  statements: readonly Statement[],
  positions: readonly number[],
  clauses: readonly Span[],
  eligible: (statement: Statement, index: number) => boolean,
): (number | null)[] {
  const owner: (number | null)[] = statements.map(() => null);
  const ownerDistance = statements.map(() => Infinity);
  positions.forEach((position, index) => {
    const clause = clauses.find((span) => position >= span.start && position < span.end);
    const distances = statements.map((statement) =>
      (clause && !anchoredIn(statement, clause)) || !eligible(statement, index) ? Infinity : distance(statement, position),
    );
    const best = Math.min(...distances);
    if (best === Infinity) return;
    distances.forEach((value, statementIndex) => {
      if (value === best && value < ownerDistance[statementIndex]) {
        owner[statementIndex] = index;
        ownerDistance[statementIndex] = value;
      }
    });
  });
  return owner;
}

type Span = { start: number; end: number };

/** A date inside a quotation dates only what is said inside that same quotation, by a statement anchored there. */
function quotedWith(view: SentenceView, statement: Statement, position: number): boolean {
  const quote = view.quoteContaining(position);
  return quote !== undefined && view.tokens[statement.anchors[0]].quoted && view.quoteContaining(statement.anchors[0]) === quote;
}

/**
 * "denied the report that Zedland published on Monday": a date inside a relative clause dates
 * what the clause tells (Zedland's report, whose statement is anchored there), not the denial.
 */
function anchoredIn(statement: Statement, clause: Span): boolean {
  return statement.anchors.some((anchor) => anchor >= clause.start && anchor < clause.end);
}

function distance(statement: Statement, position: number): number {
  const excluded = statement.excluded;
  if (excluded && position >= excluded.start && position < excluded.end) return Infinity;
  return Math.min(...statement.anchors.map((anchor) => Math.abs(anchor - position)));
}
