import { resolveWebUrl } from './article-url.js';
import type { FeedEntry, FeedFormat, FeedParseFailure, ParsedFeed } from './feed-entry.js';
import { collapseWhitespace, contentFromHtml, decodeHtmlEntities } from './html-text.js';
import { normalizeLanguageTag } from './language-tag.js';
import {
  attribute,
  childDate,
  childElements,
  childText,
  firstChild,
  firstChildText,
  hasChildElements,
  innerHtml,
  textOf,
  xmlBase,
  type XmlElement,
} from './xml-element.js';
import type { XmlFeedDocument } from './xml-feed-document.js';

// RSS 0.90 and 1.0 (RDF: items beside the channel) and RSS 0.91-2.0 (items inside it), with the
// Dublin Core, content and Atom elements feeds add.

const RSS_090_NAMESPACE = 'http://my.netscape.com/rdf/simple/0.9/';
const PUBLISHED_ELEMENTS = ['pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created'];
const UPDATED_ELEMENTS = ['atom:updated', 'dc:modified', 'dcterms:modified'];
const AUTHOR_ELEMENTS = ['dc:creator', 'author', 'itunes:author'];

interface ChannelContext {
  base: string;
  language: string | null;
}

export function readRssFeed(document: XmlFeedDocument, feedUrl: string): ParsedFeed | FeedParseFailure {
  const { root, dialect } = document;
  const channel = firstChild(root, 'channel');
  if (channel === undefined) return { reason: 'malformed', message: 'the RSS document has no <channel>' };
  const base = xmlBase(channel, xmlBase(root, feedUrl));
  const language = languageOf(channel, ['language', 'dc:language']);
  const items = childElements(dialect === 'rdf' ? root : channel, 'item');
  const ttl = Number.parseInt(childText(channel, 'ttl') ?? '', 10);
  const siteLink = childText(channel, 'link');
  return {
    format: rssFormat(document),
    title: rssText(firstChildText(channel, ['title', 'dc:title'])),
    siteUrl: siteLink === null ? null : resolveWebUrl(siteLink, base),
    language,
    ttlMinutes: ttl > 0 ? ttl : null,
    entries: items.map((item) => readRssItem(item, { base, language })),
  };
}

function rssFormat({ root, dialect }: XmlFeedDocument): FeedFormat {
  if (dialect === 'rdf') return attribute(root, 'xmlns') === RSS_090_NAMESPACE ? 'rss-0.9x' : 'rss-1.0';
  return attribute(root, 'version')?.trim().startsWith('0.9') ? 'rss-0.9x' : 'rss-2.0';
}

function readRssItem(item: XmlElement, channel: ChannelContext): FeedEntry {
  const base = xmlBase(item, channel.base);
  const guid = childText(item, 'guid') ?? attribute(item, 'rdf:about')?.trim() ?? null;
  return {
    guid: guid || null,
    link: itemLink(item, base),
    title: rssText(firstChildText(item, ['title', 'dc:title'])),
    published: childDate(item, PUBLISHED_ELEMENTS),
    updated: childDate(item, UPDATED_ELEMENTS),
    ...contentFromHtml(bodyHtml(item)),
    language: languageOf(item, ['dc:language']) ?? channel.language,
    author: rssText(firstChildText(item, AUTHOR_ELEMENTS)),
  };
}

// <link>, else a guid that is a permalink (RSS 2.0: isPermaLink defaults to true), else RSS 1.0's
// rdf:about, else an <atom:link rel="alternate">; the first that is an http(s) URL. Identifiers
// are never resolved against the base: a guid "12345" is not the page "https://site/12345".
function itemLink(item: XmlElement, base: string): string | null {
  const guid = firstChild(item, 'guid');
  const guidIsPermalink = guid !== undefined && attribute(guid, 'isPermaLink')?.trim().toLowerCase() !== 'false';
  const alternate = childElements(item, 'atom:link').find((link) => (attribute(link, 'rel') ?? 'alternate') === 'alternate');
  const candidates = [
    () => resolveWebUrl(childText(item, 'link') ?? '', base),
    () => (guidIsPermalink ? resolveWebUrl(textOf(guid)) : null),
    () => resolveWebUrl(attribute(item, 'rdf:about') ?? ''),
    () => resolveWebUrl(attribute(alternate, 'href') ?? '', xmlBase(alternate, base)),
  ];
  for (const candidate of candidates) {
    const link = candidate();
    if (link !== null) return link;
  }
  return null;
}

// content:encoded carries the full article where a feed has both; <description> is HTML in
// practice (entity-escaped or CDATA), occasionally unescaped markup, read in document order.
function bodyHtml(item: XmlElement): string {
  const body = [firstChild(item, 'content:encoded'), firstChild(item, 'description')].find(
    (element) => element !== undefined && (textOf(element).trim() !== '' || hasChildElements(element)),
  );
  return hasChildElements(body) ? innerHtml(body) : textOf(body);
}

// RSS titles are text in theory and entity-escaped HTML in practice ("AT&amp;amp;T", "&rsquo;").
function rssText(text: string | null): string | null {
  return text === null ? null : collapseWhitespace(decodeHtmlEntities(text)) || null;
}

function languageOf(element: XmlElement, names: readonly string[]): string | null {
  const tag = firstChildText(element, names);
  return tag === null ? null : normalizeLanguageTag(tag);
}
