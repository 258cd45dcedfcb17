import { resolveWebUrl } from './article-url.js';
import { escapeHtml } from './html-text.js';
import { parseLenientDateToIso } from './lenient-date.js';

// Reading the element tree rss-parser's xml2js builds, with the options xml-feed-document.ts
// sets: attributes in `$`, direct text (CDATA included) in `_`, children by name as arrays, and
// all children in document order in `$$` (text runs as `__text__` nodes), which inline XHTML
// needs: without the order, "Hello <b>world</b> again" comes back as "Hello  again<b>world</b>".

export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  $$?: XmlElement[];
  '#name'?: string;
  [child: string]: unknown;
}

const TEXT_NODE = '__text__';
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Markup nested deeper than this is cut off: real articles never nest this deep, and the limit
// keeps a hostile document from exhausting the stack.
const MAX_MARKUP_DEPTH = 100;

export function childElements(parent: XmlElement | undefined, name: string): XmlElement[] {
  const children = parent?.[name];
  if (!Array.isArray(children)) return [];
  return children.map((child: unknown) => (typeof child === 'string' ? { _: child } : (child as XmlElement)));
}

export function firstChild(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(parent, name)[0];
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.$?.[name];
}

/** The element's own text (CDATA included), untrimmed. */
export function textOf(element: XmlElement | undefined): string {
  return element?._ ?? '';
}

/** The trimmed text of the first child with that name; null when absent or blank. */
export function childText(parent: XmlElement | undefined, name: string): string | null {
  const text = textOf(firstChild(parent, name)).trim();
  return text === '' ? null : text;
}

/** The first non-blank text among children with these names, in the order given. */
export function firstChildText(parent: XmlElement | undefined, names: readonly string[]): string | null {
  for (const name of names) {
    const text = childText(parent, name);
    if (text !== null) return text;
  }
  return null;
}

/** The first child among these names whose text is a date, as an ISO instant. */
export function childDate(parent: XmlElement | undefined, names: readonly string[]): string | null {
  for (const name of names) {
    const date = parseLenientDateToIso(childText(parent, name));
    if (date !== null) return date;
  }
  return null;
}

/** The base URL in effect inside the element: its xml:base resolved against the inherited one. */
export function xmlBase(element: XmlElement | undefined, inherited: string): string {
  const declared = attribute(element, 'xml:base');
  return declared === undefined ? inherited : (resolveWebUrl(declared, inherited) ?? inherited);
}

export function hasChildElements(element: XmlElement | undefined): boolean {
  return (element?.$$ ?? []).some((child) => child['#name'] !== TEXT_NODE);
}

/** The element's content as HTML, in document order, namespace prefixes and declarations dropped. */
export function innerHtml(element: XmlElement | undefined, depth = 0): string {
  if (element === undefined) return '';
  if (depth >= MAX_MARKUP_DEPTH || element.$$ === undefined) return escapeHtml(textOf(element));
  return element.$$.map((child) => (child['#name'] === TEXT_NODE ? escapeHtml(textOf(child)) : outerHtml(child, depth + 1))).join('');
}

function outerHtml(element: XmlElement, depth: number): string {
  const name = localName(element['#name'] ?? 'span');
  const attributes = Object.entries(element.$ ?? {})
    .filter(([attributeName]) => attributeName !== 'xmlns' && !attributeName.startsWith('xmlns:'))
    .map(([attributeName, value]) => ` ${localName(attributeName)}="${escapeHtml(value)}"`)
    .join('');
  if (VOID_ELEMENTS.has(name)) return `<${name}${attributes}>`;
  return `<${name}${attributes}>${innerHtml(element, depth)}</${name}>`;
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}
