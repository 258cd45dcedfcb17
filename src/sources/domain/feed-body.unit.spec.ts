import { describe, expect, it } from '@jest/globals';
import { sniffFeedSyntax } from './feed-body.js';

describe('sniffFeedSyntax', () => {
  it.each([
    ['<rss version="2.0"/>', 'rss'],
    ['\uFEFF  <?xml version="1.0"?>\n<!-- <rss> --><?pi x?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'feed'],
    ['<!DOCTYPE rss [<!ELEMENT x (#PCDATA)> <!ATTLIST x y CDATA "]>">]><rss/>', 'rss'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'rdf:RDF'],
  ])('finds the root element of %j', (text, name) => {
    const index = text.lastIndexOf(`<${name}`);
    expect(sniffFeedSyntax(text)).toEqual({ syntax: 'xml', root: { name, index } });
  });

  it('recognises JSON', () => {
    expect(sniffFeedSyntax('\n {"version": "https://jsonfeed.org/version/1.1"}')).toEqual({ syntax: 'json' });
  });

  it.each([
    ['', 'empty'],
    ['\uFEFF \r\n', 'empty'],
    ['<!doctype html><p>hi', 'html'],
    ['<html><body/></html>', 'html'],
    ['<?xml version="1.0"?><HTML/>', 'html'],
    ['<urlset/>', 'not-a-feed'],
    ['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', 'not-a-feed'],
    ['[1, 2]', 'not-a-feed'],
    ['Bad Gateway', 'not-a-feed'],
    ['<?xml version="1.0"?>', 'malformed'],
    ['<!-- unterminated', 'malformed'],
  ])('classifies %j as %s', (text, reason) => {
    expect(sniffFeedSyntax(text)).toMatchObject({ reason, message: expect.any(String) });
  });
});
