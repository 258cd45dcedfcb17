// Longest-match lookup of multi-word phrases over tokens. Lexicons are compiled into a trie
// once per language pack or watch, so matching a sentence costs one walk per token and no
// regular expression is built while extracting.

import { normalizeWord, tokenize, type Token } from './tokens.js';

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  /** children.get(ACTOR_SLOT), kept apart: the walk asks for it at every step with slots. */
  actorSlot: TrieNode<T> | undefined;
  values: T[];
  /** Some value matches only an exact upper-case surface, so the values are filtered per match. */
  surfaceBound: boolean;
}

/**
 * In a phrase, stands for any actor the watch names ("held <actor> responsible", "rejected
 * <actor> claims"): the sentence supplies where such a name starts and ends (`ActorSlots`).
 */
export const ACTOR_SLOT = '<actor>';

/** Where a name that fills an actor slot, starting at token i, ends; or undefined. */
export type ActorSlots = (i: number) => number | undefined;

export interface PhraseMatch<T> {
  start: number;
  /** Exclusive token index. */
  end: number;
  values: T[];
}

/** A value that only matches when the text has exactly these upper-case surfaces ("AS", "US"). */
export interface CaseSensitive {
  exactSurface?: string[];
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), actorSlot: undefined, values: [], surfaceBound: false };
  /** Whether a word can begin a phrase, worked out once per word (forgotten when a phrase is added). */
  private readonly starters = new Map<string, boolean>();
  /** Each word's forms without a clitic, computed once per word: most words have none. */
  private readonly stripped = new Map<string, readonly string[]>();
  /**
   * The longest match of the walk under way (matchAt is synchronous, so these fields serve): its
   * end and values, made into a PhraseMatch only once the walk is over, as most walks find nothing
   * or lengthen their match several times.
   */
  private bestEnd = -1;
  private bestValues: T[] | null = null;
  /** The actor slots of the walk under way, likewise. */
  private slots: ActorSlots | undefined;

  /**
   * @param clitics endings that may be glued to a word ("membantahnya", "Korea's"): a token
   *        that matches nothing as written is tried again without them.
   */
  constructor(private readonly clitics: readonly string[] = []) {}

  /**
   * First parts of solid words that an article may split ("Abdul-Rahman", "Abdul Rahman" for
   * "Abdulrahman"): at such a word the walk also tries it glued to the next word.
   */
  private readonly gluePrefixes = new Set<string>();

  /** Lets `word` also match when written as two adjacent words. */
  allowSplit(word: string): void {
    for (let k = MIN_SPLIT_PART; k <= word.length - MIN_SPLIT_PART; k++) this.gluePrefixes.add(word.slice(0, k));
    this.starters.clear();
  }

  /** The most tokens a match can span: a phrase's words, each possibly written as two. */
  get maxMatchTokens(): number {
    return this.longestPhrase * (this.gluePrefixes.size > 0 ? 2 : 1);
  }

  private longestPhrase = 0;

  add(words: readonly string[], value: T): void {
    this.longestPhrase = Math.max(this.longestPhrase, words.length);
    this.starters.clear();
    let node = this.root;
    for (const word of words) {
      let child = node.children.get(word);
      if (!child) {
        child = { children: new Map(), actorSlot: undefined, values: [], surfaceBound: false };
        node.children.set(word, child);
        if (word === ACTOR_SLOT) node.actorSlot = child;
      }
      node = child;
    }
    node.values.push(value);
    node.surfaceBound ||= (value as CaseSensitive).exactSurface !== undefined;
  }

  /** Adds every expansion of a phrase written in lexicon syntax (see expandPhrase). */
  addPhrase(phrase: string, value: T): void {
    for (const words of expandPhrase(phrase)) this.add(words, value);
  }

  /** The longest phrase starting at token `start`, or null; without `slots`, phrases with an actor slot never match. */
  matchAt(tokens: readonly Token[], start: number, slots?: ActorSlots): PhraseMatch<T> | null {
    // Most tokens start no phrase: answer them without entering the walk.
    if (start >= tokens.length) return null;
    const norm = tokens[start].norm;
    if (!this.mayStartPhrase(norm)) return null;
    this.bestEnd = -1;
    this.bestValues = null;
    this.slots = slots;
    this.walk(this.root, tokens, start, start);
    const values = this.bestValues;
    this.bestValues = null;
    this.slots = undefined;
    return values ? { start, end: this.bestEnd, values } : null;
  }

  /**
   * Both the written word and its clitic-stripped form may continue a phrase ("Korea's" in
   * "North Korea's UN mission" and in "North Korea's troops"), so both paths are walked.
   */
  private walk(node: TrieNode<T>, tokens: readonly Token[], start: number, i: number): void {
    if (i > start && node.values.length > 0 && i > this.bestEnd) {
      const values = node.surfaceBound ? node.values.filter((value) => surfaceMatches(value, tokens, start)) : node.values;
      if (values.length > 0) {
        this.bestEnd = i;
        this.bestValues = values;
      }
    }
    if (i >= tokens.length || node.children.size === 0) return;
    const norm = tokens[i].norm;
    const exact = node.children.get(norm);
    if (exact) this.walk(exact, tokens, start, i + 1);
    const slot = this.slots && node.actorSlot;
    if (slot) {
      const nameEnd = this.slots!(i);
      if (nameEnd !== undefined) this.walk(slot, tokens, start, nameEnd);
    }
    if (this.gluePrefixes.size > 0 && this.gluePrefixes.has(norm)) {
      const next = tokens[i + 1];
      const glued = next?.isWord && next.start - tokens[i].end <= 1 ? node.children.get(norm + next.norm) : undefined;
      if (glued) this.walk(glued, tokens, start, i + 2);
    }
    for (const form of this.strippedForms(norm)) {
      const stripped = node.children.get(form);
      if (stripped && stripped !== exact) this.walk(stripped, tokens, start, i + 1);
    }
  }

  /** The word begins a phrase as written, glued to the next word or without a clitic; remembered per word. */
  private mayStartPhrase(norm: string): boolean {
    let starts = this.starters.get(norm);
    if (starts === undefined) {
      starts = this.root.children.has(norm) || this.gluePrefixes.has(norm) || this.strippedForms(norm).some((form) => this.root.children.has(form));
      if (this.starters.size >= MAX_REMEMBERED_WORDS) this.starters.clear();
      this.starters.set(norm, starts);
    }
    return starts;
  }

  private hasCliticEnding(norm: string): boolean {
    for (const clitic of this.clitics) if (norm.endsWith(clitic)) return true;
    return false;
  }

  private strippedForms(norm: string): readonly string[] {
    if (!this.hasCliticEnding(norm)) return NO_FORMS;
    let forms = this.stripped.get(norm);
    if (!forms) {
      const found: string[] = [];
      for (const clitic of this.clitics) if (norm.length > clitic.length + 2 && norm.endsWith(clitic)) found.push(norm.slice(0, -clitic.length));
      forms = found.length === 0 ? NO_FORMS : found;
      // A long-running service sees an open vocabulary: start over rather than grow without end.
      if (this.stripped.size >= MAX_REMEMBERED_WORDS) this.stripped.clear();
      this.stripped.set(norm, forms);
    }
    return forms;
  }

  /** Non-overlapping longest matches, left to right. */
  matchAll(tokens: readonly Token[], slots?: ActorSlots): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = this.matchAt(tokens, i, slots);
      if (match) {
        matches.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return matches;
  }

}

function surfaceMatches(value: unknown, tokens: readonly Token[], start: number): boolean {
  const surface = (value as CaseSensitive).exactSurface;
  return !surface || surface.every((word, k) => tokens[start + k]?.text.startsWith(word));
}

const MAX_EXPANSIONS = 512;
const MAX_REMEMBERED_WORDS = 50_000;
const NO_FORMS: readonly string[] = [];
/** Shortest part of a split name: "Al Sayed" yes, "A Sayed" no. */
const MIN_SPLIT_PART = 3;

/**
 * Lexicon phrase syntax: words separated by spaces; `a|b` is either word; a slot ending in `?`
 * is optional ("rejected the? claims|reports"); `<actor>` is any actor's name, after the first
 * word ("held <actor> responsible"). Words are tokenized like article text, so "desas-desus"
 * and "Jum'at" need no escaping.
 */
export function expandPhrase(phrase: string): string[][] {
  let expansions: string[][] = [[]];
  const written = phrase.trim().split(/\s+/);
  // The walk starts only at a word that can begin a phrase.
  if (written[0] === ACTOR_SLOT) throw new Error(`phrase "${phrase}" must not start with ${ACTOR_SLOT}`);
  for (const slot of written) {
    const optional = slot.length > 1 && slot.endsWith('?');
    const alternatives = (optional ? slot.slice(0, -1) : slot).split('|').map((word) => (word === ACTOR_SLOT ? [ACTOR_SLOT] : wordsOf(word)));
    if (optional) alternatives.push([]);
    expansions = expansions.flatMap((prefix) => alternatives.map((words) => [...prefix, ...words]));
    if (expansions.length > MAX_EXPANSIONS) throw new Error(`phrase "${phrase}" expands to too many variants`);
  }
  return expansions.filter((words) => words.length > 0);
}

function wordsOf(text: string): string[] {
  return tokenize(text).map((token) => (token.isWord ? token.norm : normalizeWord(token.text)));
}

/** Upper-case surfaces for an all-capitals alias ("AS", "NIS", "U.S."), else undefined. */
export function caseSensitiveSurface(phrase: string): string[] | undefined {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase()) return undefined;
  return tokenize(phrase).map((token) => token.text);
}
