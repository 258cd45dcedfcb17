import { after, type XmlRoot } from './feed-body.js';

// A large XML feed read in parts, so that the first entries can be stored while the rest are still
// being parsed: rss-parser reads a whole document before it gives anything back (0.4 s for a 5 MB
// feed of 10,000 items, all of it before the first INSERT). A part is the feed's own text with only
// some of its entries left in: everything before the first entry (the prolog, the root and channel
// start tags, the channel's elements), a run of consecutive entries, and everything after the last.
// Each part is then an XML document of the same feed, read by the same parser and readers.
//
// The scan below only finds where the entries are; it does not judge the XML. Anything it does not
// expect (a tag it cannot read, an end tag that closes the wrong element, something other than
// white space between two entries) gives null, and the feed is read whole as before, so a broken
// feed fails with the parser's own message.

/** Where one entry element is: `text.slice(start, end)` is `<item …>…</item>`. */
interface Span {
  start: number;
  end: number;
}

/** The element path (from the root) whose children are the feed's entries, by root element. */
const ENTRY_PATHS: Record<string, { parents: string[]; entry: string }> = {
  rss: { parents: ['rss', 'channel'], entry: 'item' },
  'rdf:RDF': { parents: ['rdf:RDF'], entry: 'item' },
  feed: { parents: ['feed'], entry: 'entry' },
};

const START_TAG = /<([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const WHITE_SPACE_ONLY = /^\s*$/;

/**
 * The feed's text as parts of at most `entriesPerPart` entries each, or null when it has no more
 * entries than that or when its entries cannot be told apart without a parser (then read it whole).
 */
export function xmlFeedParts(text: string, root: XmlRoot, entriesPerPart: number): string[] | null {
  const spans = entrySpans(text, root);
  if (spans === null || spans.length <= entriesPerPart) return null;
  for (let i = 1; i < spans.length; i++) {
    if (!WHITE_SPACE_ONLY.test(text.slice(spans[i - 1]!.end, spans[i]!.start))) return null;
  }
  const head = text.slice(0, spans[0]!.start);
  const tail = text.slice(spans.at(-1)!.end);
  const parts: string[] = [];
  for (let i = 0; i < spans.length; i += entriesPerPart) {
    const last = spans[Math.min(i + entriesPerPart, spans.length) - 1]!;
    parts.push(head + text.slice(spans[i]!.start, last.end) + tail);
  }
  return parts;
}

/** The spans of the entry elements, in document order; null when the text is not what we expect. */
export function entrySpans(text: string, root: XmlRoot): Span[] | null {
  const path = ENTRY_PATHS[root.name];
  if (path === undefined) return null;
  const open: string[] = [];
  const spans: Span[] = [];
  let entryStart = -1;
  let position = root.index;
  for (;;) {
    position = text.indexOf('<', position);
    if (position === -1) break;
    if (text.startsWith('<!--', position)) position = after(text, '-->', position);
    else if (text.startsWith('<![CDATA[', position)) position = after(text, ']]>', position);
    else if (text.startsWith('<?', position)) position = after(text, '?>', position);
    else if (text[position + 1] === '/') {
      END_TAG.lastIndex = position;
      const tag = END_TAG.exec(text);
      if (tag === null || open.pop() !== tag[1]) return null;
      position = END_TAG.lastIndex;
      if (entryStart !== -1 && open.length === path.parents.length) {
        spans.push({ start: entryStart, end: position });
        entryStart = -1;
      }
    } else {
      START_TAG.lastIndex = position;
      const tag = START_TAG.exec(text);
      if (tag === null) return null;
      const name = tag[1]!;
      if (entryStart === -1 && name === path.entry && isAt(open, path.parents)) {
        if (tag[2] === '/') spans.push({ start: position, end: START_TAG.lastIndex });
        else entryStart = position;
      }
      if (tag[2] !== '/') open.push(name);
      position = START_TAG.lastIndex;
    }
    if (position === -1) return null;
  }
  return open.length === 0 ? spans : null;
}

function isAt(open: string[], parents: string[]): boolean {
  return open.length === parents.length && parents.every((name, depth) => open[depth] === name);
}
