import { HTML_NAMED_ENTITIES } from './html-entities.js';
import { c1ControlsAsWindows1252, windows1252Character } from './windows-1252.js';

const CHARACTER_REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
const REPLACEMENT_CHARACTER = '\uFFFD';

// HTML reads references to C1 controls as windows-1252, as old Windows software meant them:
// `&#150;` is an en dash.
function characterFromCodePoint(codePoint: number): string {
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    return REPLACEMENT_CHARACTER;
  }
  if (codePoint >= 0x80 && codePoint <= 0x9f) return windows1252Character(codePoint);
  return String.fromCodePoint(codePoint);
}

/** Decodes HTML character references: named (HTML 4 set), decimal and hexadecimal. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      return Object.hasOwn(HTML_NAMED_ENTITIES, name) ? String.fromCodePoint(HTML_NAMED_ENTITIES[name]) : reference;
    }
    return characterFromCodePoint(decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16));
  });
}

/**
 * Reads C1 controls as windows-1252 characters (a feed's `&#150;` reaches us as U+0096 from the
 * XML parser) and drops the remaining control characters, tab and line breaks apart: they are
 * never text, and they would break the XML and JSON written from this text later.
 */
export function repairControlCharacters(text: string): string {
  return c1ControlsAsWindows1252(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/** A one-line text: runs of white space (line breaks included) become one space. */
export function collapseWhitespace(text: string): string {
  return repairControlCharacters(text).replace(/\s+/g, ' ').trim();
}

const INVISIBLE_ELEMENTS = /<(script|style|noscript|template|head|svg|iframe|object)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const CDATA_MARKERS = /<!\[CDATA\[|\]\]>/g;
const ATTRIBUTES = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*`;
const LINE_BREAK_TAG = /<br\b[^>]*>/gi;
const PARAGRAPH_TAG = new RegExp(String.raw`<\/?(?:p|h[1-6]|blockquote|pre|ul|ol|dl|table|figure|hr)\b${ATTRIBUTES}>`, 'gi');
const BLOCK_TAG = new RegExp(
  String.raw`<\/?(?:address|article|aside|dd|div|dt|figcaption|footer|header|li|main|nav|section|tbody|thead|tfoot|tr)\b${ATTRIBUTES}>`,
  'gi',
);
const CELL_TAG = new RegExp(String.raw`<\/?t[dh]\b${ATTRIBUTES}>`, 'gi');
const ANY_TAG = new RegExp(String.raw`<\/?[A-Za-z][\w:-]*${ATTRIBUTES}\/?>`, 'g');

// Breaks are marked while tags are stripped, then each run of them becomes one line break, or a
// blank line when it holds a paragraph boundary or two explicit <br>s: "<li>a</li><li>b</li>"
// is two lines, "<p>a</p><p>b</p>" two paragraphs.
const LINE = '\n';
const BLOCK_BOUNDARY = '\u2028';
const PARAGRAPH_BOUNDARY = '\u2029';
const BREAK_RUN = / *[\n\u2028\u2029][\n\u2028\u2029 ]*/g;

/**
 * Plain text of an HTML fragment: invisible elements dropped, block elements on their own lines,
 * paragraphs separated by a blank line, tags stripped, entities decoded, white space collapsed
 * as a browser does. A `<` that opens no tag ("x < y") stays, because it is text.
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(COMMENT, '')
    .replace(INVISIBLE_ELEMENTS, '')
    .replace(CDATA_MARKERS, '')
    .replace(/\s+/g, ' ')
    .replace(LINE_BREAK_TAG, LINE)
    .replace(PARAGRAPH_TAG, PARAGRAPH_BOUNDARY)
    .replace(BLOCK_TAG, BLOCK_BOUNDARY)
    .replace(CELL_TAG, ' ')
    .replace(ANY_TAG, '');
  return repairControlCharacters(decodeHtmlEntities(marked))
    .replace(/[^\S\n\u2028\u2029]+/g, ' ')
    .replace(BREAK_RUN, (run) => (run.includes(PARAGRAPH_BOUNDARY) || run.split(LINE).length > 2 ? '\n\n' : '\n'))
    .trim();
}

/** Escapes text so it can stand as HTML content or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An entry's body in both forms the rest of the service wants. */
export interface EntryContent {
  contentHtml: string;
  contentText: string;
}

export function contentFromHtml(html: string): EntryContent {
  return { contentHtml: html.trim(), contentText: htmlToText(html) };
}

export function contentFromText(text: string): EntryContent {
  const contentText = repairControlCharacters(text).trim();
  return { contentHtml: escapeHtml(contentText), contentText };
}
