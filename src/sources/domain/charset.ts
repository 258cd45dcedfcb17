import { c1ControlsAsWindows1252 } from './windows-1252.js';

// Which character encoding a fetched feed is in. A byte order mark is decided first: it is
// unambiguous bytes, whereas Content-Type headers are often left at a server default; RFC 7303
// §3.2 and the WHATWG encoding standard give it the same precedence. Then the header's charset,
// then the XML declaration, then UTF-8. Labels are WHATWG labels, so `iso-8859-1` and `latin1`
// decode as windows-1252, as browsers do: feeds that say Latin-1 and use “curly quotes” read right.

export type CharsetSource = 'byte-order-mark' | 'content-type' | 'xml-declaration' | 'default';

export interface DecodedBody {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1252`, `utf-16le`, ...). */
  charset: string;
  charsetSource: CharsetSource;
}

const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: readonly number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

// The declaration is ASCII in every encoding we can read without a BOM, so the first bytes are
// searched as single-byte text.
const XML_DECLARATION_ENCODING = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const DECLARATION_SEARCH_BYTES = 1024;
const singleByteDecoder = new TextDecoder('windows-1252');

export function decodeFeedBody(bytes: Uint8Array, contentType: string | null | undefined): DecodedBody {
  const { charset, charsetSource } = detectCharset(bytes, contentType);
  const text = new TextDecoder(charset).decode(bytes);
  return { text: charset === 'windows-1252' ? c1ControlsAsWindows1252(text) : text, charset, charsetSource };
}

export function detectCharset(
  bytes: Uint8Array,
  contentType: string | null | undefined,
): { charset: string; charsetSource: CharsetSource } {
  const fromBom = byteOrderMarkCharset(bytes);
  if (fromBom) return { charset: fromBom, charsetSource: 'byte-order-mark' };
  const fromHeader = supportedCharset(contentTypeCharset(contentType));
  if (fromHeader) return { charset: fromHeader, charsetSource: 'content-type' };
  const fromDeclaration = supportedCharset(xmlDeclarationCharset(bytes));
  // Without a BOM, a document we could read as ASCII is not UTF-16, whatever it declares.
  if (fromDeclaration && !fromDeclaration.startsWith('utf-16')) {
    return { charset: fromDeclaration, charsetSource: 'xml-declaration' };
  }
  return { charset: 'utf-8', charsetSource: 'default' };
}

function byteOrderMarkCharset(bytes: Uint8Array): string | null {
  const match = BYTE_ORDER_MARKS.find((mark) => mark.bytes.every((byte, index) => bytes[index] === byte));
  return match?.charset ?? null;
}

export function contentTypeCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match ? match[2] : null;
}

function xmlDeclarationCharset(bytes: Uint8Array): string | null {
  const head = singleByteDecoder.decode(bytes.subarray(0, DECLARATION_SEARCH_BYTES));
  return XML_DECLARATION_ENCODING.exec(head)?.[1] ?? null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
function supportedCharset(label: string | null): string | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
