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

// Dotted acronyms (U.S.) first, then numbers with separators (11.000, 3,5), then words with
// inner apostrophes (Jum'at, didn't, Korea's), then any other single character. The capture
// group that matched tells the kind of token, so no second test runs per token.
const TOKEN_PATTERN = /((?:\p{Lu}\.){2,})|(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)|\S/gu;
const HYPHENS = new Set(['-', '‐', '‑']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARKS = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

export function normalizeWord(text: string): string {
  let norm = text.toLowerCase();
  if (NON_ASCII.test(norm)) norm = norm.replace(/’/g, "'").normalize('NFKD').replace(COMBINING_MARKS, '');
  return norm;
}

/**
 * Tokens of text[start, end). A hyphen joining two words is dropped, so "Jong-un" and "Jong Un",
 * "desas-desus" in a lexicon and in an article, tokenize alike.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(slice); match; match = TOKEN_PATTERN.exec(slice)) {
    const raw = match[0];
    const tokenStart = start + match.index;
    const isNumber = match[2] !== undefined;
    const isWord = match[1] !== undefined || match[3] !== undefined;
    if (!isWord && !isNumber && HYPHENS.has(raw) && joinsWords(text, tokenStart)) continue;
    const first = raw.charAt(0);
    tokens.push({
      text: raw,
      norm: isWord ? normalizeWord(raw) : raw,
      start: tokenStart,
      end: tokenStart + raw.length,
      isWord,
      isNumber,
      isCapitalized: isWord && first !== first.toLowerCase(),
      quoted: false,
    });
  }
  return tokens;
}

function joinsWords(text: string, at: number): boolean {
  return at > 0 && LETTER_OR_DIGIT.test(text.charAt(at - 1)) && LETTER_OR_DIGIT.test(text.charAt(at + 1));
}

const OPENING_QUOTES = new Set(['“', '„', '«', '‘']);
const CLOSING_QUOTES = new Set(['”', '»', '’']);

export function isQuoteMark(token: Token): boolean {
  return OPENING_QUOTES.has(token.text) || CLOSING_QUOTES.has(token.text) || token.text === '"';
}

export interface QuoteSpan {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or the last token when the quote is left open. */
  close: number;
}

/**
 * Marks quoted tokens and returns the quotations. Straight double quotes toggle; a lone
 * closing ’ with no open single quote is an apostrophe ("Koreans’ "), not a quotation.
 */
export function markQuotes(tokens: Token[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let open = -1;
  let single = false;
  for (let i = 0; i < tokens.length; i++) {
    const mark = tokens[i].text;
    if (open < 0) {
      if (mark === '‘') single = true;
      if (OPENING_QUOTES.has(mark) || mark === '"') open = i;
      continue;
    }
    const closes = single ? mark === '’' : mark === '”' || mark === '"' || mark === '»';
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
