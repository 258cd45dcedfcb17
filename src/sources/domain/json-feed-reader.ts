import { resolveWebUrl } from './article-url.js';
import type { FeedEntry, FeedFormat, FeedParseFailure, ParsedFeed } from './feed-entry.js';
import { collapseWhitespace, contentFromHtml, contentFromText, type EntryContent } from './html-text.js';
import { normalizeLanguageTag } from './language-tag.js';
import { parseLenientDateToIso } from './lenient-date.js';

// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), parsed directly: rss-parser reads XML only.

type JsonObject = Record<string, unknown>;

const VERSIONS: Readonly<Record<string, FeedFormat>> = {
  'https://jsonfeed.org/version/1': 'json-feed-1.0',
  'https://jsonfeed.org/version/1.1': 'json-feed-1.1',
};

export function readJsonFeed(text: string, feedUrl: string): ParsedFeed | FeedParseFailure {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { reason: 'malformed', message: `not valid JSON: ${(error as Error).message}` };
  }
  const format = isObject(document) ? jsonFeedFormat(stringField(document, 'version')) : null;
  if (!isObject(document) || format === null) {
    return { reason: 'not-a-feed', message: 'a JSON document without a JSON Feed version (https://jsonfeed.org/version/1.1)' };
  }
  if (!Array.isArray(document.items)) return { reason: 'malformed', message: 'the JSON Feed has no "items" array' };
  const language = languageField(document);
  const homePage = stringField(document, 'home_page_url');
  return {
    format,
    title: oneLine(stringField(document, 'title')),
    siteUrl: homePage === null ? null : resolveWebUrl(homePage, feedUrl),
    language,
    ttlMinutes: null,
    entries: document.items.filter(isObject).map((item) => readJsonFeedItem(item, feedUrl, language)),
  };
}

// Tolerates http: and a trailing slash, which some generators write.
function jsonFeedFormat(version: string | null): FeedFormat | null {
  const normalized = version?.replace(/^http:/, 'https:').replace(/\/$/, '') ?? '';
  return Object.hasOwn(VERSIONS, normalized) ? VERSIONS[normalized] : null;
}

function readJsonFeedItem(item: JsonObject, feedUrl: string, feedLanguage: string | null): FeedEntry {
  const link = stringField(item, 'url') ?? stringField(item, 'external_url');
  return {
    guid: typeof item.id === 'number' ? String(item.id) : stringField(item, 'id'),
    link: link === null ? null : resolveWebUrl(link, feedUrl),
    title: oneLine(stringField(item, 'title')),
    published: parseLenientDateToIso(stringField(item, 'date_published')),
    updated: parseLenientDateToIso(stringField(item, 'date_modified')),
    ...itemContent(item),
    language: languageField(item) ?? feedLanguage,
    author: authorName(item),
  };
}

function itemContent(item: JsonObject): EntryContent {
  const html = stringField(item, 'content_html');
  if (html !== null) return contentFromHtml(html);
  return contentFromText(stringField(item, 'content_text') ?? stringField(item, 'summary') ?? '');
}

// 1.1 has an `authors` array; 1.0 had a single `author`, which 1.1 feeds keep for old readers.
function authorName(item: JsonObject): string | null {
  const authors = Array.isArray(item.authors) ? item.authors : [item.author];
  const named = authors.find((author): author is JsonObject => isObject(author) && stringField(author, 'name') !== null);
  return named === undefined ? null : oneLine(stringField(named, 'name'));
}

function languageField(object: JsonObject): string | null {
  const tag = stringField(object, 'language');
  return tag === null ? null : normalizeLanguageTag(tag);
}

function oneLine(text: string | null): string | null {
  return text === null ? null : collapseWhitespace(text) || null;
}

/** The field's value when it is a non-blank string, trimmed. */
function stringField(object: JsonObject, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
