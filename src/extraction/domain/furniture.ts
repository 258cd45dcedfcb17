// Page furniture: lines the page template adds around the article ("Baca juga: ...", "Weiterlesen",
// "Artikel ini disediakan oleh ..."). They mention actors, sometimes in headlines of other
// articles, and claim nothing. A `tail` marker cuts everything after it; a `line` marker only its line.

import type { CompiledPack } from './lexicon.js';
import { tokenize } from './tokens.js';

export interface Furniture {
  covers(offset: number): boolean;
}

/** Only the start of a line is read: a marker further in is article text. */
const LINE_PREFIX_CHARS = 200;

export function findFurniture(text: string, packs: readonly CompiledPack[]): Furniture {
  const lines: [number, number][] = [];
  let tailStart = Infinity;
  // Only as many words as a marker can have are read from each line.
  const markerTokens = Math.max(0, ...packs.map((pack) => pack.furniture.maxMatchTokens));
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const tokens = tokenize(text, lineStart, Math.min(lineEnd, lineStart + LINE_PREFIX_CHARS), markerTokens);
    const match = tokens.length === 0 ? null : packs.map((pack) => pack.furniture.matchAt(tokens, 0)).find((found) => found !== null);
    if (match?.values.some((value) => value.tail)) {
      tailStart = lineStart;
      break;
    }
    if (match) lines.push([lineStart, lineEnd]);
    lineStart = lineEnd + 1;
  }
  return {
    covers: (offset) => offset >= tailStart || lines.some(([start, end]) => offset >= start && offset < end),
  };
}
