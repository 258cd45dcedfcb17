// Test helper: checks a parsed JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/)
// and returns every violation as a human-readable line (empty = valid). Like the Atom checker it
// is independent of the code that writes the service's feeds, so a test built on it cannot
// agree with a bug in that code by construction.
//
// Stricter than the spec where the service promises more: feed_url is required, the deprecated
// `author` may only accompany `authors`, URLs are absolute, and any key that is neither defined
// by the spec nor an extension ("_" + letter) is reported, because a misspelt key
// ("date_publish") is silently ignored by every reader.

import { HTTP_SCHEMES, isAbsoluteUrl, isLanguageTag, isMediaType, isRfc3339DateTime } from './atom-checker.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

type JsonObject = Record<string, unknown>;
type FieldRule = (value: unknown, where: string) => string[];

export function checkJsonFeed(doc: unknown): string[] {
  if (!isObject(doc)) return ['feed: the document is not a JSON object'];
  const items = doc.items;
  return [
    ...versionViolations(doc),
    ...required(doc, 'feed', ['title', 'feed_url', 'items']),
    ...fields(doc, 'feed', FEED_FIELDS),
    ...deprecatedAuthor(doc, 'feed'),
    ...(Array.isArray(items) ? itemsViolations(items) : []),
  ];
}

function versionViolations(doc: JsonObject): string[] {
  if (doc.version === JSON_FEED_VERSION) return [];
  return [`feed: version must be "${JSON_FEED_VERSION}", got ${describe(doc.version)}`];
}

function itemsViolations(items: unknown[]): string[] {
  const out: string[] = [];
  const firstSeen = new Map<string, number>();
  items.forEach((item, index) => {
    const where = itemLabel(item, index);
    if (!isObject(item)) {
      out.push(`${where}: not an object`);
      return;
    }
    out.push(...required(item, where, ['id']), ...fields(item, where, ITEM_FIELDS), ...deprecatedAuthor(item, where));
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') {
      out.push(`${where}: needs content_html or content_text`);
    }
    if (typeof item.id === 'string') {
      const earlier = firstSeen.get(item.id);
      if (earlier !== undefined) out.push(`${where}: same id as item ${earlier + 1}`);
      else firstSeen.set(item.id, index);
    }
  });
  return out;
}

function itemLabel(item: unknown, index: number): string {
  const id = isObject(item) ? item.id : undefined;
  if (typeof id === 'string' && id !== '') return `item ${index + 1} (${id})`;
  return `item ${index + 1} (${id === undefined || id === '' ? 'no id' : `id ${describe(id)}`})`;
}

// ---------------------------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------------------------

const stringField: FieldRule = (value, where) => (typeof value === 'string' ? [] : [`${where} must be a string, got ${describe(value)}`]);

const nonEmptyString: FieldRule = (value, where) =>
  typeof value === 'string' && value !== '' ? [] : [`${where} must be a non-empty string, got ${describe(value)}`];

const booleanField: FieldRule = (value, where) => (typeof value === 'boolean' ? [] : [`${where} must be a boolean, got ${describe(value)}`]);

const mediaType: FieldRule = (value, where) =>
  typeof value === 'string' && isMediaType(value) ? [] : [`${where} must be a MIME type such as "audio/mpeg", got ${describe(value)}`];

const nonNegativeNumber: FieldRule = (value, where) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? [] : [`${where} must be a non-negative number, got ${describe(value)}`];

function url(schemes?: readonly string[]): FieldRule {
  const kind = schemes === undefined ? 'an absolute URL' : 'an absolute http(s) URL';
  return (value, where) => (typeof value === 'string' && isAbsoluteUrl(value, schemes) ? [] : [`${where} must be ${kind}, got ${describe(value)}`]);
}
const webUrl = url(HTTP_SCHEMES);
const anyUrl = url();

const date: FieldRule = (value, where) =>
  typeof value === 'string' && isRfc3339DateTime(value, { upperCaseOnly: false })
    ? []
    : [`${where} must be an RFC 3339 date-time, got ${describe(value)}`];

const language: FieldRule = (value, where) =>
  typeof value === 'string' && isLanguageTag(value) ? [] : [`${where} must be a BCP 47 language tag, got ${describe(value)}`];

function arrayOf(rule: FieldRule, options: { nonEmpty: boolean }): FieldRule {
  return (value, where) => {
    if (!Array.isArray(value)) return [`${where} must be an array, got ${describe(value)}`];
    if (options.nonEmpty && value.length === 0) return [`${where} must not be empty`];
    return value.flatMap((element, index) => rule(element, `${where}[${index}]`));
  };
}

function object(fieldRules: Record<string, FieldRule>, requiredKeys: string[], check?: (o: JsonObject, where: string) => string[]): FieldRule {
  return (value, where) => {
    if (!isObject(value)) return [`${where} must be an object, got ${describe(value)}`];
    return [...required(value, where, requiredKeys), ...fields(value, where, fieldRules), ...(check?.(value, where) ?? [])];
  };
}

// An author object may omit any one member, but not all of them.
const author = object({ name: stringField, url: anyUrl, avatar: anyUrl }, [], (o, where) =>
  o.name === undefined && o.url === undefined && o.avatar === undefined ? [`${where} needs at least one of name, url, avatar`] : [],
);
const authors = arrayOf(author, { nonEmpty: true });

const attachment = object(
  { url: anyUrl, mime_type: mediaType, title: stringField, size_in_bytes: nonNegativeNumber, duration_in_seconds: nonNegativeNumber },
  ['url', 'mime_type'],
);

const hub = object({ type: nonEmptyString, url: anyUrl }, ['type', 'url']);

// `items` is checked item by item elsewhere, so its rule here only insists on the array.
const FEED_FIELDS: Record<string, FieldRule> = {
  version: () => [],
  title: stringField,
  home_page_url: webUrl,
  feed_url: webUrl,
  description: stringField,
  user_comment: stringField,
  next_url: webUrl,
  icon: webUrl,
  favicon: webUrl,
  author,
  authors,
  language,
  expired: booleanField,
  hubs: arrayOf(hub, { nonEmpty: false }),
  items: (value, where) => (Array.isArray(value) ? [] : [`${where} must be an array, got ${describe(value)}`]),
};

const ITEM_FIELDS: Record<string, FieldRule> = {
  id: nonEmptyString,
  url: webUrl,
  external_url: webUrl,
  title: stringField,
  content_html: stringField,
  content_text: stringField,
  summary: stringField,
  image: webUrl,
  banner_image: webUrl,
  date_published: date,
  date_modified: date,
  author,
  authors,
  tags: arrayOf(stringField, { nonEmpty: false }),
  language,
  attachments: arrayOf(attachment, { nonEmpty: false }),
};

// ---------------------------------------------------------------------------------------------
// Object-level rules
// ---------------------------------------------------------------------------------------------

function required(o: JsonObject, where: string, keys: string[]): string[] {
  return keys.filter((key) => o[key] === undefined).map((key) => `${where}: missing ${key}`);
}

// "Names must start with an _ character followed by a letter"; the value is a custom object.
const EXTENSION_KEY = /^_[A-Za-z]/;

function fields(o: JsonObject, where: string, rules: Record<string, FieldRule>): string[] {
  return Object.entries(o).flatMap(([key, value]) => {
    if (EXTENSION_KEY.test(key)) return isObject(value) ? [] : [`${where}: extension ${key} must be an object, got ${describe(value)}`];
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (rule === undefined) return [`${where}: unknown key "${key}"`];
    // null is not a JSON Feed value for any field: an absent field is simply left out.
    return rule(value, `${where}: ${key}`);
  });
}

// 1.1 deprecates `author`; it may stay for 1.0 readers, but only next to `authors`.
function deprecatedAuthor(o: JsonObject, where: string): string[] {
  return o.author !== undefined && o.authors === undefined ? [`${where}: has the deprecated author without authors`] : [];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
