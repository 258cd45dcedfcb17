// Test helper: checks an Atom 1.0 document (RFC 4287, with the RFC 5005 feed-history
// extension) the way a strict feed validator would, and returns every violation it finds as a
// human-readable line. It exists so that tests of the service's feeds can assert "this document
// is valid Atom" without trusting the code that wrote it: nothing here imports from src/.
//
// Well-formedness comes first: the `sax` parser in strict mode (the parser behind xml2js and
// xml-js), plus a small lexical pass for the XML 1.0 rules sax lets through (forbidden
// characters, `<` in attribute values, `]]>` in text, case-sensitive entity names, duplicate
// attributes, a second root element). Only a well-formed document gets the Atom checks, since a
// tree recovered from broken XML would produce noise rather than findings.
//
// Where this is stricter than RFC 4287, it is because the service promises more than the RFC
// requires: a rel="self" link on the feed, an alternate link and content on every entry, xml:lang
// on the root, absolute http(s) URLs on navigational links, and no DOCTYPE.
//
// The syntax helpers at the bottom (RFC 3339 dates, BCP 47 tags, URLs) are exported so the JSON
// Feed checker applies exactly the same rules.

import { createRequire } from 'node:module';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function checkAtomFeed(xml: string): string[] {
  const parsed = parseXml(xml);
  if (parsed.errors.length > 0 || parsed.root === null) {
    return parsed.errors.length > 0 ? parsed.errors : ['XML: the document has no root element'];
  }
  return checkFeedElement(parsed.root);
}

// ---------------------------------------------------------------------------------------------
// XML: sax in strict mode, building a small element tree
// ---------------------------------------------------------------------------------------------

// sax ships no type declarations and @types/sax is not installed; these describe only the part
// of its API used here (strict parser, xmlns mode), which is enough for the type checker.
interface SaxAttribute {
  name: string;
  value: string;
  prefix: string;
  local: string;
  uri: string;
}
interface SaxTag {
  name: string;
  local: string;
  uri: string;
  attributes: Record<string, SaxAttribute>;
}
interface SaxParser {
  line: number;
  column: number;
  error: Error | null;
  onerror: (error: Error) => void;
  onopentag: (tag: SaxTag) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  onattribute: (attribute: { name: string; value: string }) => void;
  write(chunk: string): SaxParser;
  close(): SaxParser;
  resume(): SaxParser;
}
interface SaxModule {
  parser(
    strict: boolean,
    options: { xmlns: boolean; position: boolean; strictEntities: boolean },
  ): SaxParser;
}
const sax = createRequire(import.meta.url)('sax') as SaxModule;

export interface XmlAttribute {
  name: string;
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  name: string;
  uri: string;
  local: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (text and CDATA), without that of its descendants. */
  text: string;
}

export interface ParsedXml {
  root: XmlElement | null;
  errors: string[];
}

// One bad byte can make sax report an error per following character; a handful is enough.
const MAX_XML_ERRORS = 10;

export function parseXml(xml: string): ParsedXml {
  const errors = lexicalViolations(xml).slice(0, MAX_XML_ERRORS);
  const parser = sax.parser(true, { xmlns: true, position: true, strictEntities: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let attributeNames = new Set<string>();
  const fail = (message: string) => {
    if (errors.length < MAX_XML_ERRORS) errors.push(`XML: ${message} (line ${parser.line + 1}, column ${parser.column})`);
  };

  parser.onerror = (error) => {
    fail(error.message.split('\n')[0] ?? 'parse error');
    // Keep going so one run reports every independent problem.
    parser.error = null;
    parser.resume();
  };
  parser.onattribute = ({ name }) => {
    if (attributeNames.has(name)) fail(`duplicate attribute "${name}"`);
    attributeNames.add(name);
  };
  parser.onopentag = (tag) => {
    attributeNames = new Set();
    const element = toElement(tag);
    duplicateExpandedAttributes(element).forEach(fail);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root === null) root = element;
    else fail(`second root element <${tag.name}>`);
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = parser.oncdata = (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };

  try {
    parser.write(xml).close();
  } catch (error) {
    fail(error instanceof Error ? error.message.split('\n')[0] ?? 'parse error' : String(error));
  }
  return { root, errors };
}

function toElement(tag: SaxTag): XmlElement {
  const attributes = Object.values(tag.attributes).map((a) => ({
    name: a.name,
    uri: a.uri,
    local: a.local,
    value: a.value,
  }));
  return { name: tag.name, uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
}

// Namespaces in XML 1.0 §6.3: a:x and b:x with a and b bound to one URI are the same attribute.
function duplicateExpandedAttributes(element: XmlElement): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of element.attributes) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    const key = `{${a.uri}}${a.local}`;
    if (seen.has(key)) out.push(`attribute ${key} appears twice on <${element.name}>`);
    seen.add(key);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML: the lexical rules sax does not enforce
// ---------------------------------------------------------------------------------------------

function lexicalViolations(xml: string): string[] {
  return [...forbiddenCharacters(xml), ...markupViolations(xml)];
}

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function forbiddenCharacters(xml: string): string[] {
  const out: string[] = [];
  let index = 0;
  // Iterating by code point: a lone surrogate comes out as itself and is rejected.
  for (const ch of xml) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(code) && out.length < 5) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      out.push(`XML: character U+${hex} is not allowed in XML 1.0 (${location(xml, index)})`);
    }
    index += ch.length;
  }
  return out;
}

const REFERENCE = /^&(?:(?:lt|gt|amp|quot|apos)|#[0-9]+|#x[0-9A-Fa-f]+);/;

// Walks the markup just enough to know what is character data, what is an attribute value and
// what is a comment, CDATA section or processing instruction (where & and ]]> mean nothing).
function markupViolations(xml: string): string[] {
  const out: string[] = [];
  const start = xml.startsWith('\uFEFF') ? 1 : 0;
  let i = start;
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      out.push(...commentViolations(xml, i));
      i = skipPast(xml, '-->', i + 4);
    }
    else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, ']]>', i + 9);
    else if (xml.startsWith('<?', i)) {
      out.push(...declarationViolations(xml, i, start));
      i = skipPast(xml, '?>', i + 2);
    } else if (xml.startsWith('<!DOCTYPE', i)) {
      // Served feeds never need a DTD, and entities declared in one are not portable.
      out.push(`XML: DOCTYPE declarations are not allowed in served feeds (${location(xml, i)})`);
      return out;
    } else if (xml[i] === '<') i = scanTag(xml, i, out);
    else {
      if (xml[i] === '&') out.push(...referenceViolations(xml, i));
      if (xml.startsWith(']]>', i)) out.push(`XML: "]]>" in character data (${location(xml, i)})`);
      i += 1;
    }
  }
  return out;
}

// XML 1.0 §2.5: "--" may not occur inside a comment, so a comment cannot end in "--->" either.
function commentViolations(xml: string, at: number): string[] {
  const end = xml.indexOf('-->', at + 4);
  const body = xml.slice(at + 4, end < 0 ? xml.length : end);
  return body.includes('--') || body.endsWith('-') ? [`XML: "--" inside a comment (${location(xml, at)})`] : [];
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  return end < 0 ? xml.length : end + terminator.length;
}

function scanTag(xml: string, from: number, out: string[]): number {
  let quote: string | null = null;
  for (let i = from + 1; i < xml.length; i += 1) {
    const c = xml[i];
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '&') out.push(...referenceViolations(xml, i));
      else if (c === '<') out.push(`XML: "<" in an attribute value (${location(xml, i)})`);
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return xml.length;
}

function referenceViolations(xml: string, at: number): string[] {
  const match = REFERENCE.exec(xml.slice(at, at + 16));
  if (match === null) {
    return [`XML: "&" does not start a predefined entity or character reference (${location(xml, at)})`];
  }
  const body = match[0].slice(1, -1);
  if (!body.startsWith('#')) return [];
  const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return isXmlChar(code) ? [] : [`XML: character reference ${match[0]} names a forbidden character (${location(xml, at)})`];
}

function declarationViolations(xml: string, at: number, documentStart: number): string[] {
  const target = /^<\?([^\s?]+)/.exec(xml.slice(at, at + 64))?.[1] ?? '';
  if (target.toLowerCase() !== 'xml') return [];
  if (at !== documentStart) return [`XML: the XML declaration must be the very first thing (${location(xml, at)})`];
  const version = /^<\?xml\s+version\s*=\s*(["'])([^"']*)\1/.exec(xml.slice(at, at + 64))?.[2];
  return version === '1.0' ? [] : [`XML: the XML declaration must declare version="1.0"`];
}

function location(xml: string, index: number): string {
  const before = xml.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

// ---------------------------------------------------------------------------------------------
// Atom: the feed (RFC 4287 §4.1.1)
// ---------------------------------------------------------------------------------------------

const FEED_CHILDREN = new Set([
  'author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights',
  'subtitle', 'title', 'updated', 'entry',
]);
const ENTRY_CHILDREN = new Set([
  'author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source',
  'summary', 'title', 'updated',
]);

function checkFeedElement(root: XmlElement): string[] {
  if (root.uri !== ATOM_NS || root.local !== 'feed') {
    return [`feed: the root element is <${root.name}> in namespace "${root.uri}", not atom:feed (${ATOM_NS})`];
  }
  const where = 'feed';
  const entries = atomChildren(root, 'entry');
  return [
    ...unknownAtomChildren(root, where, FEED_CHILDREN),
    ...cardinality(root, where, ['id', 'title', 'updated'], ['generator', 'icon', 'logo', 'rights', 'subtitle']),
    ...atomChildren(root, 'id').flatMap((id) => idViolations(id, where)),
    ...atomChildren(root, 'updated').flatMap((date) => dateViolations(date, where)),
    ...textConstructs(root, where),
    ...personConstructs(root, where),
    ...categories(root, where),
    ...linkViolations(root, where),
    ...selfLinkViolations(root, where),
    ...feedAuthorViolations(root, entries),
    ...languageViolations(root),
    ...historyViolations(root),
    ...entries.flatMap((entry, index) => checkEntry(entry, entryLabel(entry, index), root)),
    ...duplicateEntryIds(entries),
  ];
}

function selfLinkViolations(feed: XmlElement, where: string): string[] {
  const selfLinks = links(feed).filter((link) => relOf(link) === 'self');
  if (selfLinks.length === 1) return [];
  return [`${where}: expected exactly one link rel="self", found ${selfLinks.length}`];
}

function feedAuthorViolations(feed: XmlElement, entries: XmlElement[]): string[] {
  if (atomChildren(feed, 'author').length > 0) return [];
  // The entries' own checks report each entry that lacks an author.
  return entries.length === 0 ? ['feed: no atom:author, and there are no entries to carry one'] : [];
}

function historyViolations(feed: XmlElement): string[] {
  const archive = feed.children.filter((c) => c.uri === FEED_HISTORY_NS && c.local === 'archive');
  const complete = feed.children.filter((c) => c.uri === FEED_HISTORY_NS && c.local === 'complete');
  const out: string[] = [];
  if (archive.length > 0 && complete.length > 0) out.push('feed: fh:archive and fh:complete must not appear together (RFC 5005)');
  if (archive.length > 0 && !links(feed).some((link) => relOf(link) === 'current')) {
    out.push('feed: an archive document (fh:archive) must link to its subscription document with rel="current" (RFC 5005)');
  }
  if (archive.length > 1 || complete.length > 1) out.push('feed: fh:archive and fh:complete may each appear at most once');
  return out;
}

function duplicateEntryIds(entries: XmlElement[]): string[] {
  const firstSeen = new Map<string, number>();
  const out: string[] = [];
  entries.forEach((entry, index) => {
    const id = atomChildren(entry, 'id')[0]?.text;
    if (id === undefined) return;
    const earlier = firstSeen.get(id);
    if (earlier !== undefined) out.push(`entry ${index + 1} (${id}): same atom:id as entry ${earlier + 1}`);
    else firstSeen.set(id, index);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Atom: entries (RFC 4287 §4.1.2, §4.1.3)
// ---------------------------------------------------------------------------------------------

function entryLabel(entry: XmlElement, index: number): string {
  const id = atomChildren(entry, 'id')[0]?.text.trim();
  return `entry ${index + 1} (${id || 'no atom:id'})`;
}

function checkEntry(entry: XmlElement, where: string, feed: XmlElement): string[] {
  return [
    ...unknownAtomChildren(entry, where, ENTRY_CHILDREN),
    ...cardinality(entry, where, ['id', 'title', 'updated'], ['content', 'published', 'rights', 'source', 'summary']),
    ...atomChildren(entry, 'id').flatMap((id) => idViolations(id, where)),
    ...[...atomChildren(entry, 'updated'), ...atomChildren(entry, 'published')].flatMap((d) => dateViolations(d, where)),
    ...textConstructs(entry, where),
    ...personConstructs(entry, where),
    ...categories(entry, where),
    ...linkViolations(entry, where),
    ...entryAuthorViolations(entry, where, feed),
    ...alternateRequired(entry, where),
    ...atomChildren(entry, 'content').flatMap((content) => contentViolations(content, entry, where)),
  ];
}

function entryAuthorViolations(entry: XmlElement, where: string, feed: XmlElement): string[] {
  if (atomChildren(feed, 'author').length > 0 || atomChildren(entry, 'author').length > 0) return [];
  const sourceHasAuthor = atomChildren(entry, 'source').some((s) => atomChildren(s, 'author').length > 0);
  return sourceHasAuthor ? [] : [`${where}: no atom:author, and the feed has none either`];
}

function alternateRequired(entry: XmlElement, where: string): string[] {
  const out: string[] = [];
  if (!links(entry).some((link) => relOf(link) === 'alternate')) out.push(`${where}: missing link rel="alternate"`);
  if (atomChildren(entry, 'content').length === 0) out.push(`${where}: missing atom:content`);
  return out;
}

const TEXT_TYPES = new Set(['text', 'html', 'xhtml']);

function contentViolations(content: XmlElement, entry: XmlElement, where: string): string[] {
  const type = attr(content, 'type');
  const src = attr(content, 'src');
  const hasSummary = atomChildren(entry, 'summary').length > 0;
  if (src !== undefined) {
    const out: string[] = [];
    if (!isIriReference(src)) out.push(`${where}: atom:content src="${src}" is not an IRI reference`);
    if (content.children.length > 0 || content.text.trim() !== '') out.push(`${where}: atom:content with src must be empty`);
    if (type !== undefined && (TEXT_TYPES.has(type) || !isMediaType(type))) {
      out.push(`${where}: atom:content with src needs a MIME media type, not type="${type}"`);
    }
    if (!hasSummary) out.push(`${where}: atom:summary is required when atom:content has src`);
    return out;
  }
  if (type === undefined || TEXT_TYPES.has(type)) return textConstructViolations(content, where);
  if (!isMediaType(type)) return [`${where}: atom:content type="${type}" is neither text, html, xhtml nor a MIME media type`];
  if (/^(multipart|message)\//i.test(type)) return [`${where}: atom:content type="${type}" is a composite type`];
  if (isXmlMediaType(type)) return [];
  const out: string[] = [];
  if (content.children.length > 0) out.push(`${where}: atom:content type="${type}" must not contain elements`);
  if (!/^text\//i.test(type)) {
    // §4.1.3.3: any other type is base64, and then a summary must say what it is.
    if (!/^[A-Za-z0-9+/=\s]*$/.test(content.text)) out.push(`${where}: atom:content type="${type}" is not base64`);
    if (!hasSummary) out.push(`${where}: atom:summary is required when atom:content is base64 (type="${type}")`);
  }
  return out;
}

function isXmlMediaType(type: string): boolean {
  const bare = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return bare.endsWith('+xml') || bare.endsWith('/xml');
}

// ---------------------------------------------------------------------------------------------
// Atom: constructs shared by the feed and its entries
// ---------------------------------------------------------------------------------------------

function atomChildren(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.uri === ATOM_NS && c.local === local);
}

function attr(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

function unknownAtomChildren(element: XmlElement, where: string, allowed: Set<string>): string[] {
  return element.children
    .filter((c) => c.uri === ATOM_NS && !allowed.has(c.local))
    .map((c) => `${where}: atom:${c.local} is not an element of atom:${element.local}`);
}

function cardinality(element: XmlElement, where: string, exactlyOne: string[], atMostOne: string[]): string[] {
  const out: string[] = [];
  for (const local of exactlyOne) {
    const count = atomChildren(element, local).length;
    if (count === 0) out.push(`${where}: missing atom:${local}`);
    if (count > 1) out.push(`${where}: ${count} atom:${local} elements, expected exactly one`);
  }
  for (const local of atMostOne) {
    const count = atomChildren(element, local).length;
    if (count > 1) out.push(`${where}: ${count} atom:${local} elements, expected at most one`);
  }
  return out;
}

// §4.2.6: an id is an absolute IRI, compared character by character, so stray whitespace
// would make it a different id.
function idViolations(id: XmlElement, where: string): string[] {
  const value = id.text;
  if (!isAbsoluteIri(value)) return [`${where}: atom:id "${value}" is not an absolute IRI`];
  if (/^tag:/i.test(value) && !isTagUri(value)) {
    return [`${where}: atom:id "${value}" is not a valid tag: URI (RFC 4151: tag:<domain-or-email>,<YYYY[-MM[-DD]]>:<specific>)`];
  }
  return [];
}

// §3.3: RFC 3339 date-time with an upper-case T and Z.
function dateViolations(date: XmlElement, where: string): string[] {
  if (isRfc3339DateTime(date.text, { upperCaseOnly: true })) return [];
  return [`${where}: atom:${date.local} "${date.text}" is not an RFC 3339 date-time`];
}

const TEXT_CONSTRUCTS = ['title', 'subtitle', 'summary', 'rights'];

function textConstructs(element: XmlElement, where: string): string[] {
  return TEXT_CONSTRUCTS.flatMap((local) => atomChildren(element, local)).flatMap((text) =>
    textConstructViolations(text, where),
  );
}

// §3.1: text and html carry only character data; xhtml carries exactly one xhtml:div.
function textConstructViolations(element: XmlElement, where: string): string[] {
  const type = attr(element, 'type');
  const name = `atom:${element.local}`;
  if (type !== undefined && !TEXT_TYPES.has(type)) return [`${where}: ${name} type="${type}" is not text, html or xhtml`];
  if (type !== 'xhtml') {
    return element.children.length > 0
      ? [`${where}: ${name} (type ${type ?? 'text'}) contains child elements; markup must be escaped`]
      : [];
  }
  const [div, ...others] = element.children;
  if (div === undefined || others.length > 0 || div.uri !== XHTML_NS || div.local !== 'div') {
    return [`${where}: ${name} type="xhtml" must contain exactly one xhtml:div element`];
  }
  return element.text.trim() === '' ? [] : [`${where}: ${name} type="xhtml" has text outside its xhtml:div`];
}

// §3.2: a person has exactly one name and at most one uri and email.
function personConstructs(element: XmlElement, where: string): string[] {
  return [...atomChildren(element, 'author'), ...atomChildren(element, 'contributor')].flatMap((person) => {
    const label = `${where}: atom:${person.local}`;
    const out = cardinality(person, label, ['name'], ['uri', 'email']);
    for (const uri of atomChildren(person, 'uri')) {
      if (!isIriReference(uri.text)) out.push(`${label}: atom:uri "${uri.text}" is not an IRI`);
    }
    for (const email of atomChildren(person, 'email')) {
      if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email.text)) out.push(`${label}: atom:email "${email.text}" is not an e-mail address`);
    }
    return out;
  });
}

function categories(element: XmlElement, where: string): string[] {
  return atomChildren(element, 'category').flatMap((category) => {
    const term = attr(category, 'term');
    const scheme = attr(category, 'scheme');
    const out: string[] = [];
    if (term === undefined) out.push(`${where}: atom:category without a term attribute`);
    if (scheme !== undefined && !isAbsoluteIri(scheme)) out.push(`${where}: atom:category scheme "${scheme}" is not an IRI`);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Atom: links (§4.2.7)
// ---------------------------------------------------------------------------------------------

// IANA "Link Relations" registry names (which absorbed the Atom-specific registry).
const REGISTERED_RELS = new Set([
  'about', 'acl', 'alternate', 'amphtml', 'api-catalog', 'appendix', 'apple-touch-icon',
  'apple-touch-startup-image', 'archives', 'author', 'blocked-by', 'bookmark', 'c2pa-manifest',
  'canonical', 'chapter', 'cite-as', 'collection', 'compression-dictionary', 'contents',
  'convertedfrom', 'copyright', 'create-form', 'current', 'deprecation', 'describedby',
  'describes', 'disclosure', 'dns-prefetch', 'duplicate', 'edit', 'edit-form', 'edit-media',
  'enclosure', 'external', 'first', 'geofeed', 'glossary', 'help', 'hosts', 'hub', 'ice-server',
  'icon', 'index', 'intervalafter', 'intervalbefore', 'intervalcontains', 'intervaldisjoint',
  'intervalduring', 'intervalequals', 'intervalfinishedby', 'intervalfinishes', 'intervalin',
  'intervalmeets', 'intervalmetby', 'intervaloverlappedby', 'intervaloverlaps',
  'intervalstartedby', 'intervalstarts', 'item', 'last', 'latest-version', 'license', 'linkset',
  'lrdd', 'manifest', 'mask-icon', 'me', 'media-feed', 'memento', 'micropub', 'modulepreload',
  'monitor', 'monitor-group', 'next', 'next-archive', 'nofollow', 'noopener', 'noreferrer',
  'opener', 'openid2.local_id', 'openid2.provider', 'original', 'p3pv1', 'payment', 'pingback',
  'preconnect', 'predecessor-version', 'prefetch', 'preload', 'prerender', 'prev', 'prev-archive',
  'preview', 'previous', 'privacy-policy', 'profile', 'publication', 'related', 'replies',
  'restconf', 'ruleinput', 'search', 'section', 'self', 'service', 'service-desc', 'service-doc',
  'service-meta', 'sip-trunking-capability', 'sponsored', 'start', 'status', 'stylesheet',
  'subsection', 'successor-version', 'sunset', 'tag', 'terms-of-service', 'timegate', 'timemap',
  'type', 'ugc', 'up', 'version-history', 'via', 'webmention', 'working-copy', 'working-copy-of',
]);

// Links a reader follows on its own (navigation, paging, archives): a relative href there
// depends on xml:base handling that not every reader gets right, so the service uses absolute
// http(s) URLs.
const NAVIGATIONAL_RELS = new Set([
  'self', 'alternate', 'related', 'next', 'previous', 'prev', 'first', 'last', 'current',
  'prev-archive', 'next-archive', 'hub',
]);

const IANA_REL_PREFIX = 'http://www.iana.org/assignments/relation/';

function links(element: XmlElement): XmlElement[] {
  return atomChildren(element, 'link');
}

// §4.2.7.2: no rel means "alternate", and the IANA URI form is the same relation as the name.
function relOf(link: XmlElement): string {
  const rel = attr(link, 'rel') ?? 'alternate';
  return rel.startsWith(IANA_REL_PREFIX) ? rel.slice(IANA_REL_PREFIX.length) : rel;
}

function linkViolations(element: XmlElement, where: string): string[] {
  const all = links(element);
  return [...all.flatMap((link) => singleLinkViolations(link, where)), ...duplicateAlternates(all, where)];
}

function singleLinkViolations(link: XmlElement, where: string): string[] {
  const rel = relOf(link);
  const href = attr(link, 'href');
  const type = attr(link, 'type');
  const hreflang = attr(link, 'hreflang');
  const length = attr(link, 'length');
  const label = `${where}: link rel="${rel}"`;
  const out: string[] = [];
  if (!REGISTERED_RELS.has(rel) && !isAbsoluteIri(rel)) out.push(`${label}: rel is neither a registered relation name nor an absolute IRI`);
  if (href === undefined) out.push(`${label}: missing href`);
  else if (NAVIGATIONAL_RELS.has(rel) && !isAbsoluteUrl(href, HTTP_SCHEMES)) out.push(`${label}: href "${href}" is not an absolute http(s) URL`);
  else if (!isIriReference(href)) out.push(`${label}: href "${href}" is not an IRI reference`);
  if (type !== undefined && !isMediaType(type)) out.push(`${label}: type "${type}" is not a MIME media type`);
  if (hreflang !== undefined && !isLanguageTag(hreflang)) out.push(`${label}: hreflang "${hreflang}" is not a BCP 47 language tag`);
  if (length !== undefined && !/^[0-9]+$/.test(length)) out.push(`${label}: length "${length}" is not a non-negative integer`);
  return out;
}

function duplicateAlternates(all: XmlElement[], where: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const link of all.filter((l) => relOf(l) === 'alternate')) {
    // MIME types and language tags are both case-insensitive.
    const type = (attr(link, 'type') ?? '').toLowerCase();
    const hreflang = (attr(link, 'hreflang') ?? '').toLowerCase();
    const key = `${type}\u0000${hreflang}`;
    if (seen.has(key)) {
      out.push(`${where}: more than one link rel="alternate" with type="${type}" and hreflang="${hreflang}"`);
    }
    seen.add(key);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Atom: xml:lang
// ---------------------------------------------------------------------------------------------

function languageViolations(root: XmlElement): string[] {
  const rootLang = attr(root, 'lang', XML_NS);
  const out: string[] = [];
  if (rootLang === undefined || rootLang === '') out.push('feed: the root element has no xml:lang');
  walk(root, (element) => {
    const lang = attr(element, 'lang', XML_NS);
    // xml:lang="" is legal below the root: it says the language is unknown.
    if (lang !== undefined && lang !== '' && !isLanguageTag(lang)) {
      out.push(`feed: xml:lang="${lang}" on <${element.name}> is not a BCP 47 language tag`);
    }
  });
  return out;
}

function walk(element: XmlElement, visit: (element: XmlElement) => void): void {
  visit(element);
  element.children.forEach((child) => walk(child, visit));
}

// ---------------------------------------------------------------------------------------------
// Syntax helpers, shared with the JSON Feed checker
// ---------------------------------------------------------------------------------------------

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})([Tt])(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|[+-](\d{2}):(\d{2}))$/;

/**
 * RFC 3339 §5.6 date-time, which always has a time zone. RFC 3339 lets "T" and "Z" be lower
 * case; Atom (RFC 4287 §3.3) does not, hence `upperCaseOnly`.
 */
export function isRfc3339DateTime(value: string, options: { upperCaseOnly: boolean }): boolean {
  const m = RFC3339.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[5], m[6], m[7]].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (options.upperCaseOnly && (m[4] === 't' || m[8] === 'z')) return false;
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  // Second 60 is a leap second, which RFC 3339 allows.
  return isValidDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

// RFC 5646 §2.1 langtag / privateuse / grandfathered, case-insensitive.
const LANGTAG = new RegExp(
  '^(?:' +
    '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})' + // language (with extlangs)
    '(?:-[a-z]{4})?' + // script
    '(?:-(?:[a-z]{2}|[0-9]{3}))?' + // region
    '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*' + // variants
    '(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*' + // extensions
    '(?:-x(?:-[a-z0-9]{1,8})+)?' + // private use
    '|x(?:-[a-z0-9]{1,8})+' +
    '|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de)' +
    ')$',
  'i',
);

/** BCP 47 language tag syntax (RFC 5646), e.g. "en", "en-GB", "zh-Hant-TW"; not "en_GB". */
export function isLanguageTag(value: string): boolean {
  return LANGTAG.test(value);
}

// Characters never allowed in an IRI, even percent-encoding aside (RFC 3987 §2.2).
const NOT_IN_IRI = /[\s<>"{}|\\^`\u0000-\u001f\u007f]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s;

export const HTTP_SCHEMES: readonly string[] = ['http', 'https'];

export function isIriReference(value: string): boolean {
  return !NOT_IN_IRI.test(value);
}

/** An IRI with a scheme (RFC 3987 "IRI", not a relative reference). */
export function isAbsoluteIri(value: string): boolean {
  const m = SCHEME.exec(value);
  return m !== null && (m[2] ?? '') !== '' && isIriReference(value);
}

/**
 * An absolute URL, optionally restricted to some schemes. WHATWG URL parsing alone is too
 * forgiving (it accepts "http:example.com" and trims spaces), hence the extra checks.
 */
export function isAbsoluteUrl(value: string, schemes?: readonly string[]): boolean {
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined || !isAbsoluteIri(value)) return false;
  if (schemes !== undefined && !schemes.includes(scheme)) return false;
  if ((scheme === 'http' || scheme === 'https') && !/^https?:\/\/[^/?#@]+/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

// RFC 4151 §2.1: tag:<DNSname or email>,<date>:<specific>[#<fragment>]
const DNS_COMPONENT = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DNS_NAME = `${DNS_COMPONENT}(?:\\.${DNS_COMPONENT})*`;
const EMAIL = `[A-Za-z0-9._-]+@${DNS_NAME}`;
const TAG_SPECIFIC = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*";
const TAG_URI = new RegExp(
  `^tag:(?:${DNS_NAME}|${EMAIL}),(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?:${TAG_SPECIFIC}(?:#${TAG_SPECIFIC})?$`,
  'i',
);

export function isTagUri(value: string): boolean {
  const m = TAG_URI.exec(value);
  if (m === null) return false;
  const [year, month, day] = [m[1], m[2], m[3]];
  if (month === undefined) return true;
  return isValidDate(Number(year), Number(month), day === undefined ? 1 : Number(day));
}

// RFC 6838 §4.2 type/subtype, with optional parameters (e.g. application/atom+xml;type=entry).
const TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"]*"))*$`);

export function isMediaType(value: string): boolean {
  return MEDIA_TYPE.test(value);
}
