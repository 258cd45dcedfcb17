// Date expressions ("pada hari Senin", "pekan lalu", "Kamis (24/10)", "pada 28 April",
// "akhir 2024", "last week", "Oct. 24, 2024") found in a sentence and resolved against the
// publication date into a said-on interval. Said-on can never be later than publication.

import type { SaidOn } from '../../domain/vocabulary.js';
import {
  dayOf, dayOfMonthOf, formatDay, lastDayOfMonth, mondayOf, monthOf, weekdayOf, yearOf,
} from './calendar.js';
import type { DatePart, DateUnit } from './language-pack.js';
import type { CompiledPack, DateWord } from './lexicon.js';
import type { PhraseMatch } from './phrase-trie.js';
import type { Token } from './tokens.js';

export type DateReference =
  | { kind: 'date'; year: number | null; month: number; day: number }
  /** weeksBack: "Thursday last week" is in the week before publication's (1), else the latest such day (0). */
  | { kind: 'weekday'; weekday: number; strictlyBefore: boolean; weeksBack?: number }
  /** "on the 24th": the latest 24th on or before publication. */
  | { kind: 'dayOfMonth'; day: number }
  /** "the previous day", "pada hari yang sama": days from the last dated event the text reports. */
  | { kind: 'eventDay'; offset: number }
  | { kind: 'relativeDay'; offset: number }
  /** offset 0: this week/month/year; -1: the previous one; -n: n units ago. earlier: up to the day before publication. */
  | { kind: 'relativeUnit'; unit: DateUnit; offset: number; part: DatePart | null; earlier?: boolean }
  | { kind: 'month'; year: number | null; month: number; part: DatePart | null; strictlyBefore: boolean }
  | { kind: 'year'; year: number; part: DatePart | null };

export interface DateExpression {
  /** Token indices, end exclusive. */
  start: number;
  end: number;
  reference: DateReference;
  /** "sebelum hari Sabtu", "before Saturday": only an upper bound. */
  before: boolean;
  /** Inside a quotation: it dates what the quoted words report ("'X confirmed Sunday that ...,' he said"). */
  quoted: boolean;
}

type Parsed = { reference: DateReference; end: number } | null;

/**
 * Date expressions, each wholly inside or outside a quotation. Inside one, "today" and
 * "yesterday" are the speaker's days, which the text does not give: those are left out.
 */
export function findDateExpressions(tokens: readonly Token[], compiled: CompiledPack): DateExpression[] {
  const parser = new DateParser(tokens, compiled);
  const found: DateExpression[] = [];
  for (let i = 0; i < tokens.length; ) {
    const parsed = parser.expressionAt(i);
    const expression = parsed?.quoted && parsed.reference.kind === 'relativeDay' ? null : parsed;
    if (expression) {
      found.push(expression);
      i = expression.end;
    } else {
      i++;
    }
  }
  return found;
}

class DateParser {
  /** The date words at each token, looked up once: a phrase is tried from several starts. */
  private readonly wordsAt: (PhraseMatch<DateWord> | null | undefined)[];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly compiled: CompiledPack,
  ) {
    this.wordsAt = new Array(tokens.length);
  }

  /** Whether the expression being read is inside a quotation: all its words must be. */
  private quoted = false;

  expressionAt(start: number): DateExpression | null {
    this.quoted = this.tokens[start].quoted;
    let k = start;
    let before = false;
    const first = this.words(k);
    // Every expression starts with a date word or a number: most tokens are neither.
    if (!first && !this.tokens[start].isNumber) return null;
    if (has(first, 'before')) {
      before = true;
      k = first!.end;
    }
    const leads: number[] = [];
    for (let lead = this.words(k); lead && has(lead, 'lead') && leads.length < 3; lead = this.words(k)) {
      leads.push(k);
      k = lead.end;
    }
    // A lead word may also be the start of the date ("tahun" in "tahun lalu"): back off.
    for (const at of [k, ...leads.reverse()]) {
      const parsed = this.core(at, leads.length > 0 && at === k);
      if (parsed) return { start, end: parsed.end, reference: parsed.reference, before, quoted: this.quoted };
    }
    return null;
  }

  private core(k: number, afterLead: boolean): Parsed {
    const token = this.tokens[k];
    if (!token || token.quoted !== this.quoted) return null;
    if (token.isNumber) return this.fromNumber(k, Number(token.text), afterLead);
    const match = this.words(k);
    if (!match) return null;
    const next = match.end;
    const value = <T extends DateWord['type']>(type: T) => find(match, type);

    const unit = value('unit');
    if (unit) {
      const relative = this.relativeAfter(next);
      if (relative) return { reference: { kind: 'relativeUnit', unit: unit.value, offset: relative.offset, part: null }, end: relative.end };
      if (unit.value === 'weekend') return { reference: { kind: 'relativeUnit', unit: 'weekend', offset: 0, part: null }, end: next };
    }
    const weekday = value('weekday');
    if (weekday && token.isCapitalized) return this.fromWeekday(weekday.value, next);
    const month = value('month');
    if (month && token.isCapitalized) return this.fromMonth(month.value, month.abbreviation, next, null);
    const day = value('day');
    if (day) return { reference: { kind: 'relativeDay', offset: day.value }, end: next };
    const eventDay = value('eventDay');
    if (eventDay) return { reference: { kind: 'eventDay', offset: eventDay.value }, end: next };
    if (has(match, 'earlier')) {
      const current = this.afterCurrent(next);
      if (current?.reference.kind === 'relativeUnit') return { reference: { ...current.reference, earlier: true }, end: current.end };
    }
    const number = value('number');
    if (number) return this.numberOfUnitsAgo(number.value, next);
    const part = value('part');
    if (part) return this.fromPart(part.value, next);
    if (has(match, 'previous') && this.compiled.pack.dates.previous.position === 'before') return this.afterPrevious(next);
    if (has(match, 'current') && this.compiled.pack.dates.current.position === 'before') return this.afterCurrent(next);
    return null;
  }

  private fromNumber(k: number, number: number, afterLead: boolean): Parsed {
    const next = this.words(k + 1);
    const month = find(next, 'month');
    if (month && number >= 1 && number <= 31 && this.tokens[k + 1].isCapitalized) {
      const year = this.yearAt(this.skipDot(next!.end, month.abbreviation));
      return {
        reference: { kind: 'date', year: year?.year ?? null, month: month.value, day: number },
        end: year?.end ?? this.skipDot(next!.end, month.abbreviation),
      };
    }
    if (isYear(number) && afterLead) return { reference: { kind: 'year', year: number, part: null }, end: k + 1 };
    const suffix = this.tokens[k + 1];
    if (suffix && suffix.start === this.tokens[k].end && has(next, 'ordinal') && number >= 1 && number <= 31) {
      return { reference: { kind: 'dayOfMonth', day: number }, end: next!.end };
    }
    return this.numberOfUnitsAgo(number, k + 1);
  }

  private numberOfUnitsAgo(count: number, k: number): Parsed {
    const unit = find(this.words(k), 'unit');
    if (!unit) return null;
    const ago = this.words(this.words(k)!.end);
    if (!has(ago, 'ago')) return null;
    return { reference: { kind: 'relativeUnit', unit: unit.value, offset: -count, part: null }, end: ago!.end };
  }

  private fromWeekday(weekday: number, k: number): Parsed {
    const explicit = this.explicitDateAfterWeekday(k);
    if (explicit) return explicit;
    const previous = this.words(k);
    const lastWeek = this.lastWeekAt(k);
    if (lastWeek !== null) return { reference: { kind: 'weekday', weekday, strictlyBefore: true, weeksBack: 1 }, end: lastWeek };
    if (has(previous, 'previous') && this.compiled.pack.dates.previous.position === 'after') {
      return { reference: { kind: 'weekday', weekday, strictlyBefore: true }, end: previous!.end };
    }
    return { reference: { kind: 'weekday', weekday, strictlyBefore: false }, end: k };
  }

  /** After a weekday, "last week" / "pekan lalu": the end of the phrase, or null. */
  private lastWeekAt(k: number): number | null {
    const first = this.words(k);
    if (!first) return null;
    const second = this.words(first.end);
    const unitFirst = this.compiled.pack.dates.previous.position === 'after';
    const [unit, previous] = unitFirst ? [first, second] : [second, first];
    return find(unit, 'unit')?.value === 'week' && has(previous, 'previous') ? second!.end : null;
  }

  /** "Kamis (24/10)", "Rabu (23 Oktober 2024)", "Monday, Oct. 24". */
  private explicitDateAfterWeekday(k: number): Parsed {
    const opener = this.tokens[k]?.text;
    if (opener !== '(' && opener !== ',') return null;
    const dayToken = this.tokens[k + 1];
    if (opener === '(' && dayToken?.isNumber && this.tokens[k + 2]?.text === '/' && this.tokens[k + 3]?.isNumber) {
      const day = Number(dayToken.text);
      const month = Number(this.tokens[k + 3].text);
      let end = k + 4;
      let year: number | null = null;
      if (this.tokens[end]?.text === '/' && this.tokens[end + 1]?.isNumber && isYear(Number(this.tokens[end + 1].text))) {
        year = Number(this.tokens[end + 1].text);
        end += 2;
      }
      if (!validDayMonth(day, month)) return null;
      if (this.tokens[end]?.text === ')') end++;
      return { reference: { kind: 'date', year, month, day }, end };
    }
    const inner = dayToken?.isNumber ? this.fromNumber(k + 1, Number(dayToken.text), false) : this.monthWithDay(k + 1);
    if (!inner || inner.reference.kind !== 'date') return null;
    const end = opener === '(' && this.tokens[inner.end]?.text === ')' ? inner.end + 1 : inner.end;
    return { reference: inner.reference, end };
  }

  private monthWithDay(k: number): Parsed {
    const match = this.words(k);
    const month = find(match, 'month');
    if (!month || !this.tokens[k].isCapitalized) return null;
    const parsed = this.fromMonth(month.value, month.abbreviation, match!.end, null);
    return parsed?.reference.kind === 'date' ? parsed : null;
  }

  private fromMonth(month: number, abbreviation: boolean, k: number, part: DatePart | null): Parsed {
    const afterDot = this.skipDot(k, abbreviation);
    const dayToken = this.tokens[afterDot];
    if (!part && dayToken?.isNumber && validDayMonth(Number(dayToken.text), month)) {
      let end = afterDot + 1;
      if (this.tokens[end]?.text === ',') end++;
      const year = this.yearAt(end);
      return {
        reference: { kind: 'date', year: year?.year ?? null, month, day: Number(dayToken.text) },
        end: year?.end ?? afterDot + 1,
      };
    }
    const year = this.yearAt(afterDot);
    if (year) return { reference: { kind: 'month', year: year.year, month, part, strictlyBefore: false }, end: year.end };
    const previous = this.words(afterDot);
    if (has(previous, 'previous') && this.compiled.pack.dates.previous.position === 'after') {
      return { reference: { kind: 'month', year: null, month, part, strictlyBefore: true }, end: previous!.end };
    }
    if (abbreviation) return null;
    return { reference: { kind: 'month', year: null, month, part, strictlyBefore: false }, end: k };
  }

  private fromPart(part: DatePart, k: number): Parsed {
    const token = this.tokens[k];
    if (!token) return null;
    if (token.isNumber && isYear(Number(token.text))) return { reference: { kind: 'year', year: Number(token.text), part }, end: k + 1 };
    const match = this.words(k);
    const month = find(match, 'month');
    if (month && token.isCapitalized) return this.fromMonth(month.value, month.abbreviation, match!.end, part);
    const unit = find(match, 'unit');
    if (unit && unit.value !== 'day') {
      const relative = this.relativeAfter(match!.end);
      if (relative) return { reference: { kind: 'relativeUnit', unit: unit.value, offset: relative.offset, part }, end: relative.end };
    }
    // "late last month", "early this year": the modifier before the unit.
    const dates = this.compiled.pack.dates;
    const modified =
      has(match, 'previous') && dates.previous.position === 'before' ? this.afterPrevious(match!.end)
      : has(match, 'current') && dates.current.position === 'before' ? this.afterCurrent(match!.end)
      : null;
    const reference = modified?.reference;
    if (reference?.kind === 'relativeUnit' && reference.unit !== 'day') return { reference: { ...reference, part }, end: modified!.end };
    if (reference?.kind === 'month') return { reference: { ...reference, part }, end: modified!.end };
    return null;
  }

  /** "last week", "last Monday", "last December". */
  private afterPrevious(k: number): Parsed {
    const match = this.words(k);
    const unit = find(match, 'unit');
    if (unit) return { reference: { kind: 'relativeUnit', unit: unit.value, offset: -1, part: null }, end: match!.end };
    const weekday = find(match, 'weekday');
    if (weekday) return { reference: { kind: 'weekday', weekday: weekday.value, strictlyBefore: true }, end: match!.end };
    const month = find(match, 'month');
    if (month) return { reference: { kind: 'month', year: null, month: month.value, part: null, strictlyBefore: true }, end: match!.end };
    return null;
  }

  private afterCurrent(k: number): Parsed {
    const match = this.words(k);
    const unit = find(match, 'unit');
    return unit ? { reference: { kind: 'relativeUnit', unit: unit.value, offset: 0, part: null }, end: match!.end } : null;
  }

  /** "pekan lalu" / "pekan ini" when the language puts the modifier after the unit. */
  private relativeAfter(k: number): { offset: number; end: number } | null {
    const match = this.words(k);
    const dates = this.compiled.pack.dates;
    if (has(match, 'previous') && dates.previous.position === 'after') return { offset: -1, end: match!.end };
    if (has(match, 'current') && dates.current.position === 'after') return { offset: 0, end: match!.end };
    return null;
  }

  private yearAt(k: number): { year: number; end: number } | null {
    const token = this.tokens[k];
    return token?.isNumber && isYear(Number(token.text)) ? { year: Number(token.text), end: k + 1 } : null;
  }

  private skipDot(k: number, abbreviation: boolean): number {
    return abbreviation && this.tokens[k]?.text === '.' ? k + 1 : k;
  }

  private words(k: number): PhraseMatch<DateWord> | null {
    if (k >= this.tokens.length) return null;
    let match = this.wordsAt[k];
    if (match === undefined) {
      match = this.compiled.dateWords.matchAt(this.tokens, k);
      this.wordsAt[k] = match;
    }
    return match;
  }
}

function find<T extends DateWord['type']>(match: PhraseMatch<DateWord> | null, type: T): Extract<DateWord, { type: T }> | undefined {
  return match?.values.find((value): value is Extract<DateWord, { type: T }> => value.type === type);
}

function has(match: PhraseMatch<DateWord> | null, type: DateWord['type']): boolean {
  return find(match, type) !== undefined;
}

function isYear(number: number): boolean {
  return Number.isInteger(number) && number >= 1900 && number <= 2100;
}

function validDayMonth(day: number, month: number): boolean {
  return Number.isInteger(day) && Number.isInteger(month) && day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/**
 * The said-on interval of a date expression, given the publication day. Dates without a year
 * take the latest year that does not put them after publication.
 */
export function resolveDate(expression: DateExpression, published: number, basis: string, lastEventDay: number | null = null): SaidOn {
  const reference = expression.reference;
  const { from, to, precision } =
    reference.kind === 'eventDay'
      ? { from: (lastEventDay ?? published) + reference.offset, to: (lastEventDay ?? published) + reference.offset, precision: 'day' as const }
      : interval(reference, published);
  // "earlier this month", "awal bulan ini": the reporter speaks of a day before today.
  const endsBefore = reference.kind === 'relativeUnit' && reference.offset === 0 && (reference.earlier || reference.part === 'early');
  const clippedTo = Math.min(to, endsBefore && from < published ? published - 1 : published);
  const clippedFrom = Math.min(from, clippedTo);
  if (expression.before) return { from: null, to: formatDay(clippedFrom - 1), precision: 'before', basis };
  return { from: formatDay(clippedFrom), to: formatDay(clippedTo), precision, basis };
}

type Interval = { from: number; to: number; precision: SaidOn['precision'] };

function interval(reference: DateReference, published: number): Interval {
  const year = yearOf(published);
  switch (reference.kind) {
    case 'date': {
      let day = dayOf(reference.year ?? year, reference.month, reference.day);
      if (reference.year === null && day > published) day = dayOf(year - 1, reference.month, reference.day);
      return { from: day, to: day, precision: 'day' };
    }
    case 'dayOfMonth': {
      // Month 0 is December of the year before (Date.UTC rolls over).
      const month = reference.day <= dayOfMonthOf(published) ? monthOf(published) : monthOf(published) - 1;
      const day = dayOf(year, month, reference.day);
      return { from: day, to: day, precision: 'day' };
    }
    case 'eventDay':
      return { from: published, to: published, precision: 'day' };
    case 'weekday': {
      if (reference.weeksBack) {
        const day = mondayOf(published) - 7 * reference.weeksBack + reference.weekday - 1;
        return { from: day, to: day, precision: 'day' };
      }
      let back = (weekdayOf(published) - reference.weekday + 7) % 7;
      if (back === 0 && reference.strictlyBefore) back = 7;
      return { from: published - back, to: published - back, precision: 'day' };
    }
    case 'relativeDay':
      return { from: published + reference.offset, to: published + reference.offset, precision: 'day' };
    case 'relativeUnit':
      return relativeUnit(reference.unit, reference.offset, reference.part, published);
    case 'month': {
      let monthYear = reference.year ?? year;
      const currentMonth = monthOf(published);
      if (reference.year === null && (reference.month > currentMonth || (reference.strictlyBefore && reference.month === currentMonth))) {
        monthYear--;
      }
      return monthInterval(monthYear, reference.month, reference.part);
    }
    case 'year':
      return yearInterval(reference.year, reference.part);
  }
}

function relativeUnit(unit: DateUnit, offset: number, part: DatePart | null, published: number): Interval {
  switch (unit) {
    case 'day':
      return { from: published + offset, to: published + offset, precision: 'day' };
    case 'week': {
      const monday = mondayOf(published) + 7 * offset;
      return narrowed({ from: monday, to: monday + 6, precision: 'range' }, part);
    }
    case 'weekend': {
      // "the weekend": the latest Saturday on or before publication; "last weekend": the one
      // before the publication week.
      const saturday =
        offset === 0 ? published - ((weekdayOf(published) + 1) % 7) : mondayOf(published) - 2 + 7 * (offset + 1);
      return { from: saturday, to: saturday + 1, precision: 'range' };
    }
    case 'month': {
      const index = yearOf(published) * 12 + monthOf(published) - 1 + offset;
      return monthInterval(Math.floor(index / 12), (index % 12) + 1, part);
    }
    case 'year':
      return yearInterval(yearOf(published) + offset, part);
  }
}

function monthInterval(year: number, month: number, part: DatePart | null): Interval {
  return narrowed({ from: dayOf(year, month, 1), to: lastDayOfMonth(year, month), precision: 'month' }, part);
}

function yearInterval(year: number, part: DatePart | null): Interval {
  return narrowed({ from: dayOf(year, 1, 1), to: dayOf(year, 12, 31), precision: 'year' }, part);
}

/** "awal"/"early" is the first third of the span, "akhir"/"late" the last third. */
function narrowed(span: Interval, part: DatePart | null): Interval {
  if (!part) return span;
  const length = span.to - span.from + 1;
  const third = Math.floor(length / 3);
  if (part === 'early') return { ...span, to: span.from + third - 1 };
  if (part === 'mid') return { ...span, from: span.from + third, to: span.to - third };
  return { ...span, from: span.to - third + 1 };
}
