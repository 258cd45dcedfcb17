import { describe, expect, it } from '@jest/globals';
import { contentTypeCharset, decodeFeedBody } from './charset.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('decodeFeedBody', () => {
  it('reads the charset from the Content-Type header', () => {
    const decoded = decodeFeedBody(bytes('<t>', [0x93], 'x', [0x94], '</t>'), 'application/rss+xml; charset="Windows-1252"');
    expect(decoded).toEqual({ text: '<t>“x”</t>', charset: 'windows-1252', charsetSource: 'content-type' });
  });

  it('falls back to the XML declaration', () => {
    const decoded = decodeFeedBody(bytes('<?xml version="1.0" encoding=\'ISO-8859-1\'?><t>S', [0xe3], 'o</t>'), 'text/xml');
    expect(decoded).toMatchObject({ text: "<?xml version=\"1.0\" encoding='ISO-8859-1'?><t>São</t>", charsetSource: 'xml-declaration' });
  });

  it('reads ISO-8859-1 as windows-1252, so 0x80-0x9F are the characters writers meant', () => {
    const decoded = decodeFeedBody(bytes([0x80, 0x85, 0x92, 0x96, 0x97, 0x99]), 'text/xml; charset=iso-8859-1');
    expect(decoded.text).toBe('€…’–—™');
  });

  it('lets a byte order mark win over a contradicting header and strips it', () => {
    const decoded = decodeFeedBody(bytes([0xef, 0xbb, 0xbf], '<t>', [0xc3, 0xa9], '</t>'), 'text/xml; charset=iso-8859-1');
    expect(decoded).toEqual({ text: '<t>é</t>', charset: 'utf-8', charsetSource: 'byte-order-mark' });
  });

  it('reads UTF-16 by its byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>북한</t>', 'utf16le')]);
    expect(decodeFeedBody(utf16, null)).toMatchObject({ text: '<t>북한</t>', charset: 'utf-16le' });
  });

  it('ignores a UTF-16 declaration on a document readable as ASCII', () => {
    expect(decodeFeedBody(bytes('<?xml version="1.0" encoding="UTF-16"?><t/>'), null)).toMatchObject({ charset: 'utf-8', charsetSource: 'default' });
  });

  it('skips an unknown label and falls through to the next source', () => {
    const decoded = decodeFeedBody(bytes('<?xml version="1.0" encoding="koi8-r"?><t>', [0xf0], '</t>'), 'text/xml; charset=x-klingon');
    expect(decoded).toMatchObject({ text: '<?xml version="1.0" encoding="koi8-r"?><t>П</t>', charset: 'koi8-r' });
  });

  it('defaults to UTF-8 and replaces invalid bytes instead of failing', () => {
    expect(decodeFeedBody(bytes('<t>', [0xff], '</t>'), null)).toEqual({ text: '<t>\uFFFD</t>', charset: 'utf-8', charsetSource: 'default' });
  });
});

describe('contentTypeCharset', () => {
  it.each([
    ['text/xml; charset=utf-8', 'utf-8'],
    ['text/xml;charset="ISO-8859-1"', 'ISO-8859-1'],
    ['text/xml; boundary=x; CHARSET=koi8-r', 'koi8-r'],
    ['text/xml', null],
    [null, null],
  ])('%s', (header, expected) => {
    expect(contentTypeCharset(header)).toBe(expected);
  });
});
