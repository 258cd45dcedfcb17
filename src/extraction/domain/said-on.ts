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
// statement ("mengatakan pada 18 Oktober bahwa pada awal Oktober ...").

import type { SaidOn } from '../../domain/vocabulary.js';
import { formatDay, parseDay } from './calendar.js';
import { relativeClauses } from './attribution.js';
import { resolveDate, type DateExpression } from './dates.js';
import type { SentenceView } from './sentence-view.js';
import type { ResolvedActor } from './references.js';
import type { Statement } from './statements.js';

export const SAID_ON_STRENGTH = { stated: 3, past: 2, carried: 1, published: 0 } as const;
export type SaidOnBasis = keyof typeof SAID_ON_STRENGTH;

export interface DatedStatement {
  saidOn: SaidOn;
  basis: SaidOnBasis;
}

export function dateStatements(
  statements: readonly Statement[],
  view: SentenceView,
  dates: readonly DateExpression[],
  published: number,
  carriedDate: (actor: ResolvedActor) => SaidOn | null,
  lastEventDay: number | null = null,
): DatedStatement[] {
  const clauses = relativeClauses(view);
  const dateOf = nearestOwners(statements, dates.map((date) => date.start), clauses, (statement, index) => !dates[index].quoted || quotedWith(view, statement, dates[index].start));
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
  return datedByAnother(view, statements, dated);

  function dateOne(statement: Statement, index: number): DatedStatement {
    const own = stated[index];
    if (own) return { saidOn: own, basis: 'stated' };
    // A claim the sentence names came before the statement that answers it (that one is dated first).
    if (statement.answeredBy !== undefined) return beforeAnswer(statement.answeredBy ? dated[statements.indexOf(statement.answeredBy)] : null, published);
    const past = pastOf[index];
    if (past !== null) {
      const marker = pastMarkers[past];
      return { saidOn: beforeLaterStatement(statement, statements, stated, published, view.textOf(marker.start, marker.end)), basis: 'past' };
    }
    const carried = carriedDate(statement.actors[0]);
    if (carried) return { saidOn: carried, basis: 'carried' };
    publicationDay ??= formatDay(published);
    return { saidOn: { from: publicationDay, to: publicationDay, precision: 'day', basis: 'publication date' }, basis: 'published' };
  }
}

/** Words between "after"/"before" and the statement it introduces: "after the Kremlin spokesman denied". */
const SEQUENCE_REACH = 6;
/** Words before "after" that say how long after: "a few days", "two hours". */
const LAPSE_WORDS = 3;

/**
 * "Pyongyang confirmed it on Monday, a few days after Moscow rejected the reports": a statement
 * introduced by "after" came before the other statement of the sentence, one introduced by
 * "before" ("Moscow denied it, days before Pyongyang confirmed it on Monday") came after it, so
 * the other one bounds it. Only a statement with no date or past marker of its own is re-dated: "a day after"
 * gives the day before, "hours after" that day or the one before, any other lapse (or none)
 * only an upper bound.
 */
function datedByAnother(view: SentenceView, statements: readonly Statement[], dated: DatedStatement[]): DatedStatement[] {
  if (statements.length < 2) return dated;
  const sequence = sequenceWords(view);
  if (sequence.length === 0) return dated;
  return dated.map((own, index) => {
    // A date or a past marker of its own ("had earlier denied ..., before admitting") says more.
    if (own.basis === 'stated' || own.basis === 'past') return own;
    const statement = statements[index];
    for (const word of sequence) {
      if (word.kind === 'after') {
        if (!introduces(view, word.end, statement)) continue;
        // "…, hours after Moscow rejected them", else "After Moscow rejected them, Pyongyang …".
        const other =
          nearestOther(statements, dated, statement, (anchor) => anchor < word.start) ??
          nearestOther(statements, dated, statement, (anchor) => anchor > statement.anchors[0] && breakBetween(view, statement.anchors[0], anchor));
        if (other) return beforeStatement(other, word, view);
      } else {
        const other = statements.findIndex((later) => later !== statement && dated[statements.indexOf(later)].basis === 'stated' && introduces(view, word.end, later));
        if (other >= 0 && statement.anchors[0] < word.start) return beforeStatement(dated[other], word, view);
      }
    }
    return own;
  });
}

interface SequenceWord {
  kind: 'after' | 'before';
  start: number;
  end: number;
  /** How long after: "a day", "a few days" (or weeks), "hours", or not said. */
  lapse: 'day' | 'days' | 'hours' | 'unknown';
  /** Where the phrase starts, the lapse included: "a few days after". */
  phraseStart: number;
}

function sequenceWords(view: SentenceView): SequenceWord[] {
  const words: SequenceWord[] = [];
  for (let i = 0; i < view.length; i++) {
    if (view.tokens[i].quoted) continue;
    const match = view.pack.dateWords.matchAt(view.tokens, i);
    const kind = match?.values.some((value) => value.type === 'after') ? 'after' : match?.values.some((value) => value.type === 'before') ? 'before' : null;
    if (!match || !kind) continue;
    words.push({ kind, start: i, end: match.end, ...lapseBefore(view, i) });
    i = match.end - 1;
  }
  return words;
}

/** "hours after", "a day after", "a few days after": how long, read from the words before. */
function lapseBefore(view: SentenceView, at: number): Pick<SequenceWord, 'lapse' | 'phraseStart'> {
  let count: number | null = null;
  let phraseStart = at;
  for (let i = Math.max(0, at - LAPSE_WORDS); i < at; i++) {
    const match = view.pack.dateWords.matchAt(view.tokens, i);
    if (!match) {
      if (view.tokens[i].isNumber && !view.isBreak(i)) [count, phraseStart] = [Number(view.tokens[i].text), i];
      continue;
    }
    // "sehari" is a number and a unit at once.
    for (const value of match.values) if (value.type === 'number') [count, phraseStart] = [value.value, i];
    for (const value of match.values) {
      if (match.end !== at) continue;
      if (value.type === 'hours') return { lapse: 'hours', phraseStart: count === null ? i : phraseStart };
      if (value.type === 'unit' && value.value !== 'weekend') {
        const lapse = value.value === 'day' && count === 1 ? 'day' : 'days';
        return { lapse, phraseStart: count === null ? i : phraseStart };
      }
    }
    i = match.end - 1;
  }
  return { lapse: 'unknown', phraseStart: at };
}

/** The statement's first anchor comes soon after `from`, with no break between. */
function introduces(view: SentenceView, from: number, statement: Statement): boolean {
  const anchor = statement.anchors[0];
  if (anchor < from || anchor - from > SEQUENCE_REACH) return false;
  for (let i = from; i < anchor; i++) if (view.isBreak(i)) return false;
  return true;
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
  if (day !== null && word.lapse === 'day') {
    const before = formatDay(day - 1);
    return { saidOn: { from: before, to: before, precision: 'day', basis }, basis: 'stated' };
  }
  if (day !== null && word.lapse === 'hours') return { saidOn: { from: formatDay(day - 1), to: formatDay(day), precision: 'range', basis }, basis: 'stated' };
  // Days or more before: at the latest the day before; a lapse not said: at the latest that day.
  const to = word.lapse === 'days' ? formatDay(parseDay(other.saidOn.from ?? other.saidOn.to) - 1) : other.saidOn.to;
  return { saidOn: { from: null, to, precision: 'before', basis }, basis: 'past' };
}

/** Only an upper bound: the answering statement's, or publication. */
function beforeAnswer(answer: DatedStatement | null, published: number): DatedStatement {
  const to = answer?.saidOn.to ?? formatDay(published);
  const basis = `before the statement answering it (${answer ? answer.saidOn.basis : 'publication date'})`;
  return { saidOn: { from: null, to, precision: 'before', basis }, basis: 'past' };
}

/**
 * Each date phrase of the sentence resolved; "the previous day", "pada hari yang sama" count from
 * the last day-precise date before them: earlier in this sentence, else in the text before.
 */
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
