// Sentence splitting with offsets into the original text.
//
// Why not split on every full stop: news quotes run over several sentences and the speaker comes
// after the quote ("“Ada Pasal 4. ... urusan kami,” kata Putin"), so a quotation stays in one
// sentence with its attribution. Line breaks end a sentence (headlines, footers, one-line
// paragraphs) unless the next line starts in lower case, which is a hard-wrapped sentence.

export interface TextSpan {
  start: number;
  end: number;
}

const TERMINALS = '.!?…';
const CLOSERS = '”"’)]»';
const DOUBLE_CLOSERS = '”"»';
/** Beyond this a sentence is cut at a space: runaway text must not make matching quadratic. */
const MAX_SENTENCE_CHARS = 3000;

export function splitSentences(text: string, abbreviations: ReadonlySet<string>): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = -1;
  let inQuote = false;
  const close = (end: number) => {
    pushTrimmed(text, start, end, spans);
    start = -1;
    inQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (start < 0) {
      if (isSpace(ch)) continue;
      start = i;
    }
    switch (ch) {
      case '\n':
        if (lineBreakEndsSentence(text, i)) close(i);
        break;
      case '“':
      case '„':
      case '«':
        inQuote = true;
        break;
      case '”':
      case '»':
        inQuote = false;
        break;
      case '"':
        inQuote = !inQuote;
        break;
      case '.':
      case '!':
      case '?':
      case '…': {
        const terminalAt = i;
        let j = i + 1;
        while (j < text.length && TERMINALS.includes(text[j])) j++;
        while (j < text.length && CLOSERS.includes(text[j])) {
          if (DOUBLE_CLOSERS.includes(text[j])) inQuote = false;
          j++;
        }
        i = j - 1;
        if (!inQuote && endsSentence(text, terminalAt, j, abbreviations)) close(j);
        break;
      }
      case ' ':
        if (i - start > MAX_SENTENCE_CHARS) close(i);
        break;
    }
  }
  if (start >= 0) close(text.length);
  return spans;
}

function endsSentence(text: string, terminalAt: number, after: number, abbreviations: ReadonlySet<string>): boolean {
  if (after >= text.length) return true;
  if (!isSpace(text[after])) return false; // "TRIBUNNEWS.COM", "3.5"
  const next = firstNonSpace(text, after);
  if (next < 0) return true;
  if (isLowerCaseLetter(text[next])) return false; // ".” kata Putin", "... dan"
  const singleFullStop = text[terminalAt] === '.' && text[terminalAt + 1] !== '.';
  const word = wordBefore(text, terminalAt);
  return !(singleFullStop && isAbbreviation(word, abbreviations) && !endsModelName(text, terminalAt - word.length));
}

/**
 * "dari jet J-10C. Islamabad ...", "the F-16C. It ...": a single capital right after a digit is
 * the end of a model name, not an initial, so its full stop ends the sentence.
 */
function endsModelName(text: string, wordStart: number): boolean {
  return wordStart > 0 && /\p{Nd}/u.test(text[wordStart - 1]);
}

function lineBreakEndsSentence(text: string, newline: number): boolean {
  let i = newline + 1;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
  if (i >= text.length || text[i] === '\n') return true;
  if (!isLowerCaseLetter(text[i])) return true;
  const lineEnd = lastNonSpace(text, newline);
  return lineEnd >= 0 && TERMINALS.includes(text[lineEnd]);
}

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dot);
}

function isAbbreviation(word: string, abbreviations: ReadonlySet<string>): boolean {
  if (word.length === 1) return /\p{Lu}/u.test(word); // an initial: "Valery V. Gerasimov"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S, A.S
  return abbreviations.has(word.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, spans: TextSpan[]): void {
  const last = lastNonSpace(text, end);
  if (last < start) return;
  const span = { start, end: last + 1 };
  if (/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) spans.push(span);
}

function lastNonSpace(text: string, before: number): number {
  let i = before - 1;
  while (i >= 0 && isSpace(text[i])) i--;
  return i;
}

function firstNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (!isSpace(text[i])) return i;
  return -1;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u2009';
}

function isLowerCaseLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
