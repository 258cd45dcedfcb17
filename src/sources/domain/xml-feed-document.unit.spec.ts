import { describe, expect, it } from '@jest/globals';
import { repairCharacterReferences } from './xml-feed-document.js';

describe('repairCharacterReferences', () => {
  it.each([
    ['keeps XML entities and valid numeric references', 'a &amp; &lt; &#8217; &#x2019;', 'a &amp; &lt; &#8217; &#x2019;'],
    ['turns HTML entities into numeric references', '&nbsp;&rsquo;&eacute;', '&#160;&#8217;&#233;'],
    ['escapes a bare ampersand', 'AT&T & co; a=1&b=2', 'AT&amp;T &amp; co; a=1&amp;b=2'],
    ['escapes an unknown entity as text', '&lol9; &constructor;', '&amp;lol9; &amp;constructor;'],
    ['replaces references to characters XML forbids', '&#0; &#x1; &#xD800; &#99999999;', '&#xFFFD; &#xFFFD; &#xFFFD; &#xFFFD;'],
    ['leaves CDATA and comments alone', '<![CDATA[AT&T &nbsp;]]><!-- & -->&', '<![CDATA[AT&T &nbsp;]]><!-- & -->&amp;'],
  ])('%s', (_case, input, expected) => {
    expect(repairCharacterReferences(input)).toBe(expected);
  });
});
