import type { FeedParseFailure } from './feed-entry.js';

// What a fetched body is, decided before any parser sees it, so that a web page, an empty 200 or
// an API error in JSON is reported as what it is rather than as an XML syntax error at line 1.

export type FeedSyntax =
  | { syntax: 'xml'; root: XmlRoot }
  | { syntax: 'json' };

export interface XmlRoot {
  /** The root element's name as written (`rss`, `rdf:RDF`, `feed`). */
  name: string;
  /** Where its start tag begins: everything before is the prolog. */
  index: number;
}

const FEED_ROOTS = new Set(['rss', 'rdf:RDF', 'feed']);

export function sniffFeedSyntax(text: string): FeedSyntax | FeedParseFailure {
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) return { reason: 'empty', message: 'the response body is empty' };
  if (text[start] === '{') return { syntax: 'json' };
  if (/^<!DOCTYPE\s+html\b/i.test(text.slice(start))) return htmlPage();
  if (text[start] !== '<') {
    return { reason: 'not-a-feed', message: `the body is neither XML nor a JSON object (it starts with ${JSON.stringify(text.slice(start, start + 20))})` };
  }
  const root = locateRootElement(text, start);
  if (root === null) return { reason: 'malformed', message: 'no root element found after the XML prolog' };
  if (root.name.toLowerCase() === 'html') return htmlPage();
  if (!FEED_ROOTS.has(root.name)) {
    return { reason: 'not-a-feed', message: `the root element is <${root.name}>, not <rss>, <rdf:RDF> or <feed>` };
  }
  return { syntax: 'xml', root };
}

function htmlPage(): FeedParseFailure {
  return { reason: 'html', message: 'the URL returned an HTML page, not a feed (look for the feed link on that page)' };
}

const NAME = /[A-Za-z_][\w.:-]*/y;

/** Skips the XML declaration, processing instructions, comments and the DOCTYPE. */
function locateRootElement(text: string, from: number): XmlRoot | null {
  let position = from;
  for (;;) {
    position = skipWhitespace(text, position);
    if (text.startsWith('<?', position)) position = after(text, '?>', position);
    else if (text.startsWith('<!--', position)) position = after(text, '-->', position);
    else if (/^<!DOCTYPE/i.test(text.slice(position, position + 9))) position = afterDoctype(text, position);
    else break;
    if (position === -1) return null;
  }
  if (text[position] !== '<') return null;
  NAME.lastIndex = position + 1;
  const name = NAME.exec(text)?.[0];
  return name === undefined ? null : { name, index: position };
}

function skipWhitespace(text: string, position: number): number {
  const next = text.slice(position).search(/[^\s\uFEFF]/);
  return next === -1 ? text.length : position + next;
}

/** Where `terminator` ends after `position`, or -1 when it never comes. */
export function after(text: string, terminator: string, position: number): number {
  const end = text.indexOf(terminator, position);
  return end === -1 ? -1 : end + terminator.length;
}

// A DOCTYPE may carry an internal subset in brackets, whose declarations contain `>`.
function afterDoctype(text: string, position: number): number {
  let quote: string | null = null;
  let depth = 0;
  for (let index = position + 9; index < text.length; index++) {
    const character = text[index];
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '[') depth++;
    else if (character === ']') depth--;
    else if (character === '>' && depth <= 0) return index + 1;
  }
  return -1;
}
