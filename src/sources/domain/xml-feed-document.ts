import RssParser from 'rss-parser';
import type { FeedParseFailure } from './feed-entry.js';
import type { XmlRoot } from './feed-body.js';
import { HTML_NAMED_ENTITIES } from './html-entities.js';
import type { XmlElement } from './xml-element.js';

// XML feeds go through rss-parser's parseString: its sax/xml2js parser and its recognition of
// the format (RSS 0.9x by version, RSS 1.0 by rdf:RDF, Atom by <feed>, and <rss> without a version
// read as RSS 2.0). Its builders are bypassed, for what they get wrong:
// - one Atom entry whose <published> or <updated> is not a date throws RangeError, and an Atom
//   <link> written as text (no href) throws TypeError: either fails the whole feed;
// - dates go through `new Date(text)`, which reads a date without zone in local time;
// - xml:base, xml:lang, the Atom text types (html/xhtml) and Atom 0.3's issued/modified/mode
//   are dropped, and inline XHTML loses its text order.
// The readers (rss-reader.ts, atom-reader.ts) take the element tree instead.

export type XmlFeedDialect = 'rss' | 'rdf' | 'atom';

export interface XmlFeedDocument {
  dialect: XmlFeedDialect;
  /** The <rss>, <rdf:RDF> or <feed> element. */
  root: XmlElement;
}

type ParsedXml = Record<string, XmlElement>;

class FeedRecognizer extends RssParser {
  buildAtomFeed(document: ParsedXml): XmlFeedDocument {
    return { dialect: 'atom', root: document.feed };
  }

  buildRSS2(document: ParsedXml): XmlFeedDocument {
    return { dialect: 'rss', root: document.rss };
  }

  buildRSS0_9(document: ParsedXml): XmlFeedDocument {
    return { dialect: 'rss', root: document.rss };
  }

  buildRSS1(document: ParsedXml): XmlFeedDocument {
    return { dialect: 'rdf', root: document['rdf:RDF'] };
  }
}

const XML2JS_OPTIONS = {
  explicitChildren: true,
  preserveChildrenOrder: true,
  charsAsChildren: true,
  includeWhiteChars: true,
};

// A general entity declared in the DOCTYPE is how entity-expansion ("billion laughs") and XXE
// documents work. sax would not expand it, but such a feed is refused outright so the failure
// is named. Parameter entities (`<!ENTITY % HTMLlat1 ...>`, seen in old feeds) are harmless.
const GENERAL_ENTITY_DECLARATION = /<!ENTITY\s+[^%\s]/i;

export async function parseXmlFeedDocument(xml: string, root: XmlRoot): Promise<XmlFeedDocument | FeedParseFailure> {
  if (GENERAL_ENTITY_DECLARATION.test(xml.slice(0, root.index))) {
    return {
      reason: 'entity-declaration',
      message: 'the feed declares XML entities in its DOCTYPE; refused, as entity expansion is an attack vector',
    };
  }
  const repaired = xml.slice(0, root.index) + repairCharacterReferences(xml.slice(root.index));
  try {
    // rss-parser's typings describe its builders' output, which these overrides replace.
    const document = (await new FeedRecognizer({ defaultRSS: 2, xml2js: XML2JS_OPTIONS }).parseString(repaired)) as unknown as XmlFeedDocument;
    if (document.root === undefined || typeof document.root !== 'object') {
      return { reason: 'malformed', message: 'the feed has no root element' };
    }
    return document;
  } catch (error) {
    return { reason: 'malformed', message: `not well-formed XML: ${firstLine(error)}` };
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0];
}

const XML_PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const PROTECTED_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
const AMPERSAND = /&(?:#(\d+);|#[xX]([0-9a-fA-F]+);|([A-Za-z_:][\w.:-]*);)?/g;

/**
 * Makes the `&` of real-world feeds acceptable to a strict XML parser, outside CDATA and
 * comments: HTML named entities (`&nbsp;`, `&rsquo;`: undeclared in XML, common in feeds) become
 * numeric references, unknown names and bare ampersands ("AT&T") become text, and references to
 * characters XML forbids become U+FFFD. Otherwise one stray `&` would reject a whole feed.
 */
export function repairCharacterReferences(xml: string): string {
  let repaired = '';
  let position = 0;
  for (const section of xml.matchAll(PROTECTED_SECTION)) {
    repaired += repairAmpersands(xml.slice(position, section.index)) + section[0];
    position = section.index + section[0].length;
  }
  return repaired + repairAmpersands(xml.slice(position));
}

function repairAmpersands(text: string): string {
  return text.replace(AMPERSAND, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      if (XML_PREDEFINED_ENTITIES.has(name)) return reference;
      return Object.hasOwn(HTML_NAMED_ENTITIES, name) ? `&#${HTML_NAMED_ENTITIES[name]};` : `&amp;${name};`;
    }
    if (decimal !== undefined || hex !== undefined) {
      const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
      return isXmlCharacter(codePoint) ? reference : '&#xFFFD;';
    }
    return '&amp;';
  });
}

function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
