// Finds actor names, speakers and topic terms of a watch in a sentence. Aliases written in
// capitals ("AS", "US", "NIS") only match capitals, so the English "as" and "us" are not actors.

import { allPhrases, type Watch } from '../../watches/domain/watch.js';
import { caseSensitiveSurface, expandPhrase, PhraseTrie, type CaseSensitive } from './phrase-trie.js';
import { tokenize, type Token } from './tokens.js';

interface MentionValue extends CaseSensitive {
  actorId?: string;
  isSpeaker?: boolean;
  topicGroup?: number;
  isContext?: boolean;
}

export interface Mention {
  start: number;
  /** Exclusive token index. */
  end: number;
  /** null for a topic term that names no actor ("pasukan", "troops"). */
  actorId: string | null;
  /** Named a speaker (Peskov, KCNA) rather than the party itself (Rusia). */
  isSpeaker: boolean;
  topicGroups: number[];
  /** Names the watch's context ("Rusia", "Kursk"). */
  isContext: boolean;
}

export interface CompiledWatch {
  watch: Watch;
  topicGroupCount: number;
  /**
   * The topic group that names the agent (the watch's agent-role group, or one made of the agent
   * actor's names when the watch has none), or null for a watch without an agent.
   */
  agentGroup: number | null;
  /**
   * Per actor, the topic groups that one of its own aliases is a term of ("Freedonia" in a
   * supplier group): the actor speaking names that part of the proposition.
   */
  groupsNamedBy: ReadonlyMap<string, readonly number[]>;
  /** Every group in groupsNamedBy: it names who did it, not what was done. */
  actorGroups: ReadonlySet<number>;
  /** The watch requires context terms in an article. */
  needsContext: boolean;
  findMentions(tokens: readonly Token[]): Mention[];
}

const compiled = new WeakMap<Watch, { clitics: string; result: CompiledWatch }>();

export function compileWatch(watch: Watch, clitics: readonly string[]): CompiledWatch {
  const key = clitics.join('|');
  const cached = compiled.get(watch);
  if (cached?.clitics === key) return cached.result;
  const trie = new PhraseTrie<MentionValue>(clitics);
  // Names match across hyphen and spacing variants: "Abdul-Rahman", "Abdul Rahman", "Abdulrahman".
  const addName = (phrase: string, value: MentionValue) => {
    for (const words of expandPhrase(phrase)) {
      for (const variant of joinedVariants(words)) trie.add(variant, { ...value, exactSurface: caseSensitiveSurface(phrase) });
      for (const word of words) if (word.length >= 2 * SPLIT_NAME_PART && /^\p{L}+$/u.test(word)) trie.allowSplit(word);
    }
  };
  const topicTerms = new PhraseTrie<number>(clitics);
  watch.topic.forEach((group, index) => allPhrases(group.terms).forEach((term) => topicTerms.addPhrase(term, index)));
  const add = (phrase: string, value: MentionValue) =>
    trie.addPhrase(phrase, { ...value, exactSurface: caseSensitiveSurface(phrase) });
  const agentGroup = agentGroupOf(watch);
  const contextActors = new Set(watch.context?.actors ?? []);
  const contextTerms = allPhrases(watch.context?.terms ?? {});
  // A name that contains a topic term ("perwakilan Korea Utara") still names the topic.
  const addActorPhrase = (phrase: string, actorId: string, isSpeaker: boolean) => {
    addName(phrase, { actorId, isSpeaker, isContext: contextActors.has(actorId) });
    for (const match of topicTerms.matchAll(tokenize(phrase))) {
      match.values.forEach((topicGroup) => add(phrase, { topicGroup }));
    }
  };
  const groupsNamedBy = new Map<string, number[]>();
  for (const actor of watch.actors) {
    allPhrases(actor.aliases).forEach((alias) => addActorPhrase(alias, actor.id, false));
    allPhrases(actor.speakers).forEach((speaker) => addActorPhrase(speaker, actor.id, true));
    const groups = allPhrases(actor.aliases).flatMap((alias) => {
      const words = tokenize(alias);
      const whole = topicTerms.matchAt(words, 0);
      return whole?.end === words.length ? whole.values : [];
    });
    if (groups.length > 0) groupsNamedBy.set(actor.id, [...new Set(groups)]);
  }
  // Naming the agent by any of its names names the agent's part of the proposition.
  const agent = watch.actors.find((actor) => actor.id === watch.agent);
  if (agent && agentGroup !== null) allPhrases(agent.aliases).forEach((alias) => add(alias, { topicGroup: agentGroup }));
  watch.topic.forEach((group, index) => allPhrases(group.terms).forEach((term) => add(term, { topicGroup: index })));
  contextTerms.forEach((term) => add(term, { isContext: true }));
  const result: CompiledWatch = {
    watch,
    topicGroupCount: agentGroup === watch.topic.length ? watch.topic.length + 1 : watch.topic.length,
    agentGroup,
    groupsNamedBy,
    actorGroups: new Set([...groupsNamedBy.values()].flat()),
    needsContext: watch.context !== undefined,
    findMentions: (tokens) => {
      // Pushed into a literal, not map(): arrays of one kind keep the code iterating mentions from being deoptimized.
      const mentions: Mention[] = [];
      for (const match of trie.matchAll(tokens)) mentions.push(toMention(match));
      return mentions;
    },
  };
  compiled.set(watch, { clitics: key, result });
  return result;
}

/** The watch's agent-role group, else a group of its own after the listed ones. */
function agentGroupOf(watch: Watch): number | null {
  if (!watch.agent) return null;
  const listed = watch.topic.findIndex((group) => group.role === 'agent');
  return listed >= 0 ? listed : watch.topic.length;
}

type MentionMeaning = Omit<Mention, 'start' | 'end'>;

/** What a trie entry's values mean, worked out once per entry: the same names recur in every sentence. */
const meanings = new WeakMap<readonly MentionValue[], MentionMeaning>();

function toMention(match: { start: number; end: number; values: MentionValue[] }): Mention {
  let meaning = meanings.get(match.values);
  if (!meaning) {
    const actor = match.values.find((value) => value.actorId !== undefined);
    meaning = {
      actorId: actor?.actorId ?? null,
      isSpeaker: match.values.some((value) => value.isSpeaker === true),
      topicGroups: [...new Set(match.values.flatMap((value) => (value.topicGroup === undefined ? [] : [value.topicGroup])))],
      isContext: match.values.some((value) => value.isContext === true),
    };
    meanings.set(match.values, meaning);
  }
  // Spelled out rather than spread: every Mention gets one object shape, which keeps the code reading them monomorphic.
  return { start: match.start, end: match.end, actorId: meaning.actorId, isSpeaker: meaning.isSpeaker, topicGroups: meaning.topicGroups, isContext: meaning.isContext };
}

/** Both parts of a name written apart must be at least this long to be glued: "Abdul Rahman". */
const SPLIT_NAME_PART = 3;
/** Longer names are not glued: their variants would multiply. */
const MAX_GLUED_NAME_WORDS = 4;

/** The name as written, and with each pair of adjacent words written as one ("Abdul Rahman" → "Abdulrahman"). */
function joinedVariants(words: string[]): string[][] {
  const variants: string[][] = [words];
  if (words.length < 2 || words.length > MAX_GLUED_NAME_WORDS) return variants;
  for (let k = 0; k < words.length - 1; k++) {
    if (words[k].length < SPLIT_NAME_PART || words[k + 1].length < SPLIT_NAME_PART) continue;
    if (!/^\p{L}+$/u.test(words[k]) || !/^\p{L}+$/u.test(words[k + 1])) continue;
    for (const variant of [...variants]) {
      const at = variant.indexOf(words[k]);
      if (at >= 0 && variant[at + 1] === words[k + 1]) variants.push([...variant.slice(0, at), words[k] + words[k + 1], ...variant.slice(at + 2)]);
    }
  }
  return variants;
}
