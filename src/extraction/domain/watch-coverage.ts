// What a watch author needs to see after running a watch over real articles
// (`stance-monitor watch check --articles DIR`): on-topic sentences with a stance cue that gave
// no claim, grouped by the name that probably spoke (a speaker the watch does not list yet);
// actor names and speakers never seen in any article; topic groups that never matched. Pure:
// documents in, report out. It reads sentences the way the extractor does (same splitter,
// tokens, packs, watch matcher, cue finder) so what it reports is what extraction missed.
import type { ArticleDocument } from '../../domain/vocabulary.js';
import { allPhrases, type Watch } from '../../watches/domain/watch.js';
import { extractClaims } from './extract.js';
import { findFurniture } from './furniture.js';
import type { LanguagePack } from './language-pack.js';
import { compilePack } from './lexicon.js';
import { PhraseTrie } from './phrase-trie.js';
import { SentenceView } from './sentence-view.js';
import { splitSentences } from './sentences.js';
import { findStanceCues } from './stance-cues.js';
import { tokenize, type Token } from './tokens.js';
import { compileWatch } from './watch-matcher.js';

export interface UnattributedGroup {
  /** The capitalised name nearest the cue, not an actor of the watch: a speaker to list, or "(no name)". */
  candidate: string;
  count: number;
  example: { documentId: string; sentence: string; cues: string[] };
}

export interface WatchCoverage {
  documents: number;
  /** On-topic sentences with a stance cue and no claim, by candidate speaker, most frequent first. */
  unattributed: UnattributedGroup[];
  /** Actor names and speakers that no document contains, per actor. */
  unseen: { actorId: string; aliases: string[]; speakers: string[] }[];
  /** Topic groups none of whose terms any document contains. */
  unmatchedTopicGroups: string[];
}

const NO_NAME = '(no name)';

export function watchCoverage(
  documents: readonly ArticleDocument[],
  watch: Watch,
  packs: ReadonlyMap<string, LanguagePack>,
): WatchCoverage {
  const compiledPacks = watch.languages.map((language) => {
    const pack = packs.get(language);
    if (!pack) throw new Error(`watch ${watch.id} needs language pack "${language}", which is not loaded`);
    return compilePack(pack);
  });
  const clitics = [...new Set(compiledPacks.flatMap((pack) => pack.pack.clitics))];
  const compiledWatch = compileWatch(watch, clitics);
  const abbreviations = new Set(compiledPacks.flatMap((pack) => pack.pack.abbreviations.map((word) => word.toLowerCase().replace(/\.$/, ''))));

  // Each phrase of the watch on its own, to tell which ones ever occur (the watch matcher merges them).
  const phrases = new PhraseTrie<string>(clitics);
  const phraseKeys: { key: string; actorId: string; kind: 'aliases' | 'speakers'; phrase: string }[] = [];
  for (const actor of watch.actors) {
    for (const kind of ['aliases', 'speakers'] as const) {
      for (const phrase of new Set(allPhrases(actor[kind]))) {
        const key = `${actor.id}\u0000${kind}\u0000${phrase}`;
        phraseKeys.push({ key, actorId: actor.id, kind, phrase });
        phrases.addPhrase(phrase, key);
      }
    }
  }
  watch.topic.forEach((group) => allPhrases(group.terms).forEach((term) => phrases.addPhrase(term, `topic\u0000${group.name}`)));
  const seen = new Set<string>();
  const groups = new Map<string, UnattributedGroup>();

  for (const doc of documents) {
    const pack = compiledPacks.find((p) => p.pack.language === doc.language.toLowerCase().split(/[-_]/)[0]) ?? compiledPacks[0]!;
    const claimed = extractClaims(doc, watch, packs).map((claim) => claim.evidence);
    markSeen(phrases, tokenize(doc.title), seen);
    const furniture = findFurniture(doc.text, compiledPacks);
    for (const span of splitSentences(doc.text, abbreviations)) {
      if (furniture.covers(span.start)) continue;
      const tokens = tokenize(doc.text, span.start, span.end);
      markSeen(phrases, tokens, seen);
      const view = new SentenceView(doc.text, span, tokens, pack, compiledWatch);
      if (!view.isOnTopic()) continue;
      const cues = findStanceCues(view).filter((cue) => !cue.hedged);
      if (cues.length === 0) continue;
      if (claimed.some((evidence) => evidence.start < span.end && evidence.end > span.start)) continue;
      const candidate = candidateSpeaker(view, cues[0]!.start);
      const group = groups.get(candidate);
      if (group) group.count++;
      else {
        groups.set(candidate, {
          candidate,
          count: 1,
          example: {
            documentId: doc.documentId,
            sentence: doc.text.slice(span.start, span.end).trim(),
            cues: cues.map((cue) => tokens.slice(cue.start, cue.end).map((t) => t.text).join(' ')),
          },
        });
      }
    }
  }

  return {
    documents: documents.length,
    unattributed: [...groups.values()].sort((a, b) => b.count - a.count || a.candidate.localeCompare(b.candidate)),
    unseen: watch.actors
      .map((actor) => {
        const missing = (kind: 'aliases' | 'speakers') =>
          phraseKeys.filter((p) => p.actorId === actor.id && p.kind === kind && !seen.has(p.key)).map((p) => p.phrase);
        return { actorId: actor.id, aliases: missing('aliases'), speakers: missing('speakers') };
      })
      .filter((actor) => actor.aliases.length + actor.speakers.length > 0),
    unmatchedTopicGroups: watch.topic.filter((group) => !seen.has(`topic\u0000${group.name}`)).map((group) => group.name),
  };
}

/**
 * Every phrase that starts at any token, not only the longest non-overlapping ones the extractor
 * keeps: "Peskov" is seen in "Kremlin spokesman Dmitry Peskov" even where a longer speaker phrase
 * covers it.
 */
function markSeen(phrases: PhraseTrie<string>, tokens: readonly Token[], seen: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) phrases.matchAt(tokens, i)?.values.forEach((key) => seen.add(key));
}

/**
 * The run of capitalised words (a name: "Foreign Minister Ana Lopes", "Kementerian Luar Negeri")
 * nearest the cue, preferring one before it, outside the watch's own mentions and not at the
 * sentence start alone (a capital there is only the start of the sentence).
 */
function candidateSpeaker(view: SentenceView, cueStart: number): string {
  const mentioned = new Set<number>();
  for (const mention of view.mentions) for (let i = mention.start; i < mention.end; i++) mentioned.add(i);
  const runs: { start: number; end: number }[] = [];
  const tokens = view.tokens;
  for (let i = 0; i < tokens.length; ) {
    if (!isNameWord(tokens[i]!) || mentioned.has(i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && isNameWord(tokens[end]!) && !mentioned.has(end)) end++;
    if (!(i === 0 && end === 1)) runs.push({ start: i, end });
    i = end;
  }
  if (runs.length === 0) return NO_NAME;
  const before = runs.filter((run) => run.end <= cueStart);
  const run = before.at(-1) ?? runs.find((r) => r.start >= cueStart) ?? runs[0]!;
  return tokens.slice(run.start, run.end).map((t) => t.text).join(' ');
}

function isNameWord(token: Token): boolean {
  return token.isWord && token.isCapitalized;
}
