// Text that goes into feeds and pages. Article text is untrusted: it may hold characters XML 1.0 forbids
// (a stray U+0001 from a bad encoding makes the whole Atom document unreadable to a strict
// parser) and markup that must be shown, never interpreted. Pure.

// C0 controls other than tab, LF and CR; DEL and the C1 block (legal in XML, but invisible noise
// from mis-decoded text); the non-characters U+FFFE/U+FFFF; unpaired surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters an XML document may not carry. */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Cleaned and escaped for HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
