import { describe, expect, it } from '@jest/globals';
import { collapseWhitespace, contentFromText, decodeHtmlEntities, escapeHtml, htmlToText, repairControlCharacters } from './html-text.js';

describe('decodeHtmlEntities', () => {
  it.each([
    ['named', 'Caf&eacute; &amp; &nbsp;&mdash;&hellip;', 'Café & \u00a0—…'],
    ['decimal and hexadecimal', '&#8220;a&#x201D; &#X2019;', '“a” ’'],
    ['C1 references as windows-1252, as HTML does', '&#150; &#128; &#146;', '– € ’'],
    ['invalid code points as U+FFFD', '&#0; &#xD800; &#x110000;', '\uFFFD \uFFFD \uFFFD'],
    ['unknown names and bare ampersands left alone', '&foo; AT&T &amp', '&foo; AT&T &amp'],
    ['names of Object.prototype are not entities', '&constructor; &__proto__;', '&constructor; &__proto__;'],
  ])('%s', (_case, input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it('puts blocks on their own lines and paragraphs apart', () => {
    expect(htmlToText('<h1>Title</h1><p>One <b>two</b></p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title\n\nOne two\n\nThree\nfour\n\na\nb',
    );
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('<style>p{color:red}</style><p>Kept</p><script>alert("x > y")</script><!-- hidden -->')).toBe('Kept');
  });

  it('decodes entities after stripping tags, so escaped markup stays text', () => {
    expect(htmlToText('<p>Use &lt;b&gt; for bold &amp; more</p>')).toBe('Use <b> for bold & more');
  });

  it('keeps a "<" that opens no tag and handles ">" inside attribute values', () => {
    expect(htmlToText('1 < 2 and <a title="x > y" href="/">link</a>')).toBe('1 < 2 and link');
  });

  it('collapses white space as a browser does: source line breaks are spaces, non-breaking spaces too', () => {
    expect(htmlToText('  a \t\u00a0 b \n\n\n\n c&nbsp;&nbsp;d  ')).toBe('a b c d');
  });

  it('gives a blank line for two <br>s in a row and one line break for adjacent blocks', () => {
    expect(htmlToText('one<br><br>two<br/>three<div>four</div><div>five</div>')).toBe('one\n\ntwo\nthree\nfour\nfive');
  });
});

describe('text cleaning', () => {
  it('reads C1 controls as windows-1252 and drops other control characters', () => {
    expect(repairControlCharacters('a\u0096b\u0001c\u0000d\te\nf\u0081')).toBe('a–bcd\te\nf');
  });

  it('collapses a title onto one line', () => {
    expect(collapseWhitespace('\n  Kremlin\n\t says \u00a0 no  ')).toBe('Kremlin says no');
  });

  it('escapes text for HTML', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(contentFromText(' 1 < 2 ')).toEqual({ contentText: '1 < 2', contentHtml: '1 &lt; 2' });
  });
});
