import { resolveWebUrl } from './article-url.js';
import type { FeedEntry, ParsedFeed } from './feed-entry.js';
import { collapseWhitespace, contentFromHtml, contentFromText, htmlToText, type EntryContent } from './html-text.js';
import { normalizeLanguageTag } from './language-tag.js';
import {
  attribute,
  childDate,
  childElements,
  childText,
  firstChild,
  hasChildElements,
  innerHtml,
  textOf,
  xmlBase,
  type XmlElement,
} from './xml-element.js';

// Atom 1.0 (RFC 4287) and its predecessor Atom 0.3, which says issued/modified/created for
// published/updated and marks escaped or base64 content with a `mode` attribute.

const ATOM_03_NAMESPACE = 'http://purl.org/atom/ns#';
const PUBLISHED_ELEMENTS = ['published', 'issued', 'created', 'dc:date'];
const UPDATED_ELEMENTS = ['updated', 'modified'];

interface FeedContext {
  base: string;
  language: string | null;
  atom03: boolean;
  author: string | null;
}

/** A text construct's value and whether it is markup. */
interface TextConstruct {
  kind: 'text' | 'html';
  value: string;
}

export function readAtomFeed(feed: XmlElement, feedUrl: string): ParsedFeed {
  const atom03 = attribute(feed, 'version')?.trim() === '0.3' || attribute(feed, 'xmlns') === ATOM_03_NAMESPACE;
  const context: FeedContext = {
    base: xmlBase(feed, feedUrl),
    language: languageOf(feed, null),
    atom03,
    author: authorName(feed),
  };
  return {
    format: atom03 ? 'atom-0.3' : 'atom-1.0',
    title: plainText(readTextConstruct(firstChild(feed, 'title'), atom03)),
    siteUrl: alternateLink(feed, context.base),
    language: context.language,
    ttlMinutes: null,
    entries: childElements(feed, 'entry').map((entry) => readAtomEntry(entry, context)),
  };
}

function readAtomEntry(entry: XmlElement, feed: FeedContext): FeedEntry {
  return {
    guid: childText(entry, 'id'),
    link: alternateLink(entry, xmlBase(entry, feed.base)),
    title: plainText(readTextConstruct(firstChild(entry, 'title'), feed.atom03)),
    published: childDate(entry, PUBLISHED_ELEMENTS),
    updated: childDate(entry, UPDATED_ELEMENTS),
    ...entryContent(entry, feed.atom03),
    language: languageOf(entry, feed.language),
    author: authorName(entry) ?? feed.author,
  };
}

// A <link> without rel is rel="alternate" (RFC 4287 §4.2.7.2). A link written as element text
// instead of href is a common mistake and still says where the article is.
function alternateLink(element: XmlElement, base: string): string | null {
  for (const link of childElements(element, 'link')) {
    if ((attribute(link, 'rel')?.trim() ?? 'alternate') !== 'alternate') continue;
    const href = attribute(link, 'href') ?? textOf(link);
    const resolved = resolveWebUrl(href, xmlBase(link, base));
    if (resolved !== null) return resolved;
  }
  return null;
}

// <content> unless it only points elsewhere (src) or holds no text (images, PDFs); then <summary>.
function entryContent(entry: XmlElement, atom03: boolean): EntryContent {
  const content = firstChild(entry, 'content');
  const body =
    (attribute(content, 'src') === undefined ? readTextConstruct(content, atom03) : null) ??
    readTextConstruct(firstChild(entry, 'summary'), atom03);
  if (body === null) return contentFromText('');
  return body.kind === 'html' ? contentFromHtml(body.value) : contentFromText(body.value);
}

// Atom 1.0 types: text (default), html, xhtml (one <div> holding the markup), or a media type.
// Atom 0.3: a media type (default text/plain) and a mode: xml (default, inline), escaped, base64.
function readTextConstruct(element: XmlElement | undefined, atom03: boolean): TextConstruct | null {
  if (element === undefined) return null;
  const type = (attribute(element, 'type') ?? (atom03 ? 'text/plain' : 'text')).trim().toLowerCase();
  const mode = atom03 ? (attribute(element, 'mode') ?? 'xml').trim().toLowerCase() : 'xml';
  if (type === 'xhtml' || type === 'application/xhtml+xml' || (mode === 'xml' && hasChildElements(element))) {
    return { kind: 'html', value: innerHtml(xhtmlContainer(element)) };
  }
  const value = mode === 'base64' ? Buffer.from(textOf(element), 'base64').toString('utf8') : textOf(element);
  if (type === 'html' || type === 'text/html') return { kind: 'html', value };
  if (type === 'text' || type.startsWith('text/')) return { kind: 'text', value };
  return null;
}

// Inline XHTML sits inside one <div> that is not part of the content (RFC 4287 §3.1.1.3).
function xhtmlContainer(element: XmlElement): XmlElement {
  const children = (element.$$ ?? []).filter((child) => child['#name'] !== '__text__');
  const only = children.length === 1 ? children[0] : undefined;
  return only !== undefined && /(?:^|:)div$/.test(only['#name'] ?? '') ? only : element;
}

function plainText(construct: TextConstruct | null): string | null {
  if (construct === null) return null;
  return collapseWhitespace(construct.kind === 'html' ? htmlToText(construct.value) : construct.value) || null;
}

function authorName(element: XmlElement): string | null {
  const name = childText(firstChild(element, 'author'), 'name');
  return name === null ? null : collapseWhitespace(name) || null;
}

function languageOf(element: XmlElement, inherited: string | null): string | null {
  const tag = attribute(element, 'xml:lang');
  return tag === undefined ? inherited : (normalizeLanguageTag(tag) ?? inherited);
}
