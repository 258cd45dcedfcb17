// Word-level view of a stretch of document text. Every token keeps its offsets into the
// original text, because claim evidence must point at the stored characters.

export interface Token {
  /** As written. */
  text: string;
  /** Lower case, typographic apostrophe folded, diacritics stripped: the form lexicons match on. */
  norm: string;
  start: number;
  end: number;
  isWord: boolean;
  isNumber: boolean;
  /** First letter upper case: weekday and month names must be, "May" the month is not "may". */
  isCapitalized: boolean;
  /** Inside quotation marks: reported words, not the narrator's. */
  quoted: boolean;
}

// The token grammar, in the order it is tried at each non-space character (the regular
// expression tokens.unit.spec.ts checks the scanner against):
//   ((?:\p{Lu}\.){2,})                          dotted acronyms: U.S., A.S.
//   (\p{N}+(?:[.,]\p{N}+)*)                      numbers with separators: 11.000, 3,5
//   ([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)   words with inner apostrophes: Jum'at, didn't, Korea's
//   \S                                         any other single character
// Scanned by hand rather than by that expression: Unicode property classes made the regular
// expression the largest single cost of extraction. Characters are classified once each.
const HYPHENS = new Set(['-', '‐', '‑']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARKS = /\p{M}/gu;

const UPPER = 1;
const LETTER = 2;
const MARK = 4;
const DIGIT = 8;
const SPACE = 16;
const CLASSIFIED = 32;
const basicClasses = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return (
    CLASSIFIED |
    (/\p{Lu}/u.test(char) ? UPPER : 0) |
    (/\p{L}/u.test(char) ? LETTER : 0) |
    (/\p{M}/u.test(char) ? MARK : 0) |
    (/\p{N}/u.test(char) ? DIGIT : 0) |
    (/\s/u.test(char) ? SPACE : 0)
  );
}

function classOf(codePoint: number): number {
  if (codePoint >= 0x10000) return classify(codePoint);
  let classes = basicClasses[codePoint];
  if (classes === 0) {
    classes = classify(codePoint);
    basicClasses[codePoint] = classes;
  }
  return classes;
}

export function normalizeWord(text: string): string {
  const norm = text.toLowerCase();
  return isAscii(norm) ? norm : norm.replace(/’/g, "'").normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** A loop rather than a regular expression: it runs for every word of every article, most of them short. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const enum Kind {
  Acronym,
  Number,
  Word,
  Other,
}

/** Scans text[from, to) for the next token: its kind and end, or null when only spaces are left. */
class TokenScanner {
  start = 0;
  end = 0;
  kind = Kind.Other;

  constructor(
    private readonly text: string,
    private position: number,
    private readonly limit: number,
  ) {}

  next(): boolean {
    let i = this.position;
    let classes = 0;
    // Each character's code point is read once: this loop and runEnd see every character of the article.
    while (i < this.limit) {
      const codePoint = this.codePointAt(i);
      classes = classOf(codePoint);
      if (!(classes & SPACE)) break;
      i += widthOf(codePoint);
    }
    if (i >= this.limit) return false;
    this.start = i;
    if (classes & UPPER) {
      const end = this.acronymEnd(i);
      if (end > i) return this.found(Kind.Acronym, end);
    }
    if (classes & DIGIT) return this.found(Kind.Number, this.numberEnd(i));
    if (classes & (LETTER | MARK)) return this.found(Kind.Word, this.wordEnd(i));
    return this.found(Kind.Other, i + this.widthAt(i));
  }

  private found(kind: Kind, end: number): true {
    this.kind = kind;
    this.end = end;
    this.position = end;
    return true;
  }

  /** Two or more upper-case letters each followed by a full stop, else `from`. */
  private acronymEnd(from: number): number {
    let i = from;
    let letters = 0;
    while (i < this.limit && this.isAt(i, UPPER)) {
      const dot = i + this.widthAt(i);
      if (dot >= this.limit || this.text.charCodeAt(dot) !== FULL_STOP) break;
      i = dot + 1;
      letters++;
    }
    return letters >= 2 ? i : from;
  }

  private numberEnd(from: number): number {
    let i = this.runEnd(from, DIGIT);
    while (i + 1 < this.limit && (this.text.charCodeAt(i) === FULL_STOP || this.text.charCodeAt(i) === COMMA) && this.isAt(i + 1, DIGIT)) {
      i = this.runEnd(i + 1, DIGIT);
    }
    return i;
  }

  private wordEnd(from: number): number {
    let i = this.runEnd(from, LETTER | MARK | DIGIT);
    while (i + 1 < this.limit && isApostrophe(this.text.charCodeAt(i)) && this.isAt(i + 1, LETTER | MARK)) {
      i = this.runEnd(i + 1, LETTER | MARK);
    }
    return i;
  }

  private runEnd(from: number, classes: number): number {
    let i = from;
    while (i < this.limit) {
      const codePoint = this.codePointAt(i);
      if ((classOf(codePoint) & classes) === 0) break;
      i += widthOf(codePoint);
    }
    return i;
  }

  private isAt(i: number, classes: number): boolean {
    return (classOf(this.codePointAt(i)) & classes) !== 0;
  }

  /** The character at i; half a surrogate pair when the stretch scanned ends inside the pair. */
  private codePointAt(i: number): number {
    const code = this.text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) return code; // not the first half of a pair: the common case
    const codePoint = this.text.codePointAt(i)!;
    return codePoint >= 0x10000 && i + 1 >= this.limit ? this.text.charCodeAt(i) : codePoint;
  }

  private widthAt(i: number): number {
    return widthOf(this.codePointAt(i));
  }
}

/** UTF-16 code units of a code point. */
function widthOf(codePoint: number): number {
  return codePoint >= 0x10000 ? 2 : 1;
}

const FULL_STOP = 0x2e;
const COMMA = 0x2c;

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/**
 * Tokens of text[start, end), at most `maxTokens` of them. A hyphen joining two words is
 * dropped, so "Jong-un" and "Jong Un", "desas-desus" in a lexicon and in an article, tokenize alike.
 */
export function tokenize(text: string, start = 0, end = text.length, maxTokens = Infinity): Token[] {
  const tokens: Token[] = [];
  const scanner = new TokenScanner(text, start, end);
  while (tokens.length < maxTokens && scanner.next()) {
    const tokenStart = scanner.start;
    const raw = text.slice(tokenStart, scanner.end);
    const isNumber = scanner.kind === Kind.Number;
    const isWord = scanner.kind === Kind.Acronym || scanner.kind === Kind.Word;
    if (!isWord && !isNumber && HYPHENS.has(raw) && joinsWords(text, tokenStart)) continue;
    tokens.push({
      text: raw,
      norm: isWord ? normalizeWord(raw) : raw,
      start: tokenStart,
      end: scanner.end,
      isWord,
      isNumber,
      isCapitalized: isWord && isCapitalizedWord(raw),
      quoted: false,
    });
  }
  return tokens;
}

function isCapitalizedWord(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function joinsWords(text: string, at: number): boolean {
  return at > 0 && LETTER_OR_DIGIT.test(text.charAt(at - 1)) && LETTER_OR_DIGIT.test(text.charAt(at + 1));
}

const OPENING_QUOTES = new Set(['“', '„', '«', '‘']);
const CLOSING_QUOTES = new Set(['”', '»', '’']);

export function isQuoteMark(token: Token): boolean {
  return OPENING_QUOTES.has(token.text) || CLOSING_QUOTES.has(token.text) || token.text === '"' || token.text === "'";
}

export interface QuoteSpan {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or the last token when the quote is left open. */
  close: number;
}

/**
 * Marks quoted tokens and returns the quotations. Straight double quotes toggle; a lone
 * closing ’ with no open single quote is an apostrophe ("Koreans’ "), not a quotation. A
 * straight single quote opens before a word it touches after a space ("'The drones ...") and
 * closes after the word or mark it touches before a space ("... supplied,' the envoy said");
 * elsewhere it is an apostrophe ("Koreans' troops", "the '90s").
 */
export function markQuotes(tokens: Token[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let open = -1;
  let single = false;
  for (let i = 0; i < tokens.length; i++) {
    const mark = tokens[i].text;
    if (open < 0) {
      if (mark === '‘' || (mark === "'" && opensStraightSingle(tokens, i))) {
        single = true;
        open = i;
      } else if (OPENING_QUOTES.has(mark) || mark === '"') open = i;
      continue;
    }
    const closes = single ? mark === '’' || (mark === "'" && closesStraightSingle(tokens, i)) : mark === '”' || mark === '"' || mark === '»';
    if (closes) {
      quotes.push({ open, close: i });
      open = -1;
      single = false;
    } else {
      tokens[i].quoted = true;
    }
  }
  if (open >= 0 && open < tokens.length - 1) quotes.push({ open, close: tokens.length - 1 });
  return quotes;
}

function opensStraightSingle(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return (i === 0 || tokens[i - 1].end < tokens[i].start) && next !== undefined && next.start === tokens[i].end && next.isWord;
}

function closesStraightSingle(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i - 1].end === tokens[i].start && (next === undefined || next.start > tokens[i].end || !(next.isWord || next.isNumber));
}
