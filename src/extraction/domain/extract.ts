// The claim extractor: article + watch + language packs in, claims out. Pure and deterministic,
// so re-running a version over stored documents gives the same claims, and a new version's
// differences can be recorded as events.
//
// Per document: drop page furniture, split sentences (quotations stay with their attribution).
// Per sentence: pick the language pack by function words; find actor names and topic terms
// (watch), cue words and grammar words (pack), date phrases; find reported speech and its
// speakers (attribution.ts); turn cues and attributed assertions into statements with their
// actors (statements.ts); date them (said-on.ts); keep one claim per actor and stance
// (claim-drafts.ts). What carries across sentences is in document-memory.ts.

import type { ArticleDocument, ClaimDraft, SaidOn } from '../../domain/vocabulary.js';
import type { Watch } from '../../watches/domain/watch.js';
import { parseDay } from './calendar.js';
import { findDateExpressions } from './dates.js';
import { findFurniture } from './furniture.js';
import type { LanguagePack } from './language-pack.js';
import { compilePack, type CompiledPack } from './lexicon.js';
import { claimDrafts } from './claim-drafts.js';
import { DocumentMemory } from './document-memory.js';
import { SentenceReferences } from './references.js';
import { namesEvent } from './bearing.js';
import { beforeLaterChanges, dateStatements, lastDayNamed, redatedByAnaphor } from './said-on.js';
import { SentenceView } from './sentence-view.js';
import { splitSentences } from './sentences.js';
import { findStatements } from './statements.js';
import { tokenize, type Token } from './tokens.js';
import { compileWatch, type CompiledWatch, type Mention } from './watch-matcher.js';

/** Bump whenever extraction behaviour changes: stored claims record the version that found them. */
export const EXTRACTOR_VERSION = 'rules-14';

export function extractClaims(doc: ArticleDocument, watch: Watch, packs: ReadonlyMap<string, LanguagePack>): ClaimDraft[] {
  const compiledPacks = packsOf(watch, packs);
  const documentPack = compiledPacks.find((pack) => pack.pack.language === baseLanguage(doc.language)) ?? compiledPacks[0];
  const compiledWatch = compileWatch(watch, [...new Set(compiledPacks.flatMap((pack) => pack.pack.clitics))]);
  const published = parseDay(doc.published);
  const furniture = findFurniture(doc.text, compiledPacks);
  const sentences = splitSentences(doc.text, abbreviationsOf(compiledPacks)).filter((span) => !furniture.covers(span.start));
  // The title read as a sentence, so that the rules dropping another deed's terms apply to it too
  // ("Iran Luncurkan Ratusan Rudal Balistik ke Israel" is a launch, not the watched supply).
  const titleTokens = tokenize(doc.title);
  const titleMentions = new SentenceView(doc.title, { start: 0, end: doc.title.length }, titleTokens, packForSentence(titleTokens, compiledPacks, documentPack), compiledWatch).mentions;
  const memory = new DocumentMemory(isOnTopic(titleMentions, compiledWatch));
  let hasContext = !compiledWatch.needsContext || titleMentions.some((mention) => mention.isContext);
  const claims: ClaimDraft[] = [];
  const initially = new Map<SaidOn, string>();
  let previousStart = 0;

  sentences.forEach((span, index) => {
    const tokens = tokenize(doc.text, span.start, span.end);
    const view = new SentenceView(doc.text, span, tokens, packForSentence(tokens, compiledPacks, documentPack), compiledWatch);
    // "Sylvania says Freedonia shipped drones. Freedonia declined to confirm the transfer."
    if (!view.isOnTopic() && memory.topicWithin(index, 1)) view.takeUpDeed();
    // "Trentino called the blast an outrage. “It shows Freedonia's brutality,” he said."
    if (!namesEvent(view) && memory.eventWithin(index, 1)) view.takeUpEvent();
    const dates = findDateExpressions(view.tokens, view.pack);
    const dateTokens = new Set<number>();
    for (const date of dates) for (let i = date.start; i < date.end; i++) dateTokens.add(i);
    const refs = new SentenceReferences(view, dateTokens);
    const onTopic = view.isOnTopic();
    const eventNamed = namesEvent(view);
    hasContext ||= view.mentions.some((mention) => mention.isContext);
    const redated = redatedByAnaphor(view, dates, published, claims.slice(previousStart));
    if (redated) claims.splice(previousStart, redated.length, ...redated);
    previousStart = claims.length;
    const { statements, lastSpeaker } = findStatements(view, refs, dateTokens, {
      lastSpeaker: memory.lastSpeaker,
      topicInContext: onTopic || memory.topicWithin(index),
      eventInContext: eventNamed || memory.eventWithin(index),
    });
    const dated = dateStatements(statements, view, refs, dates, published, (actor) => memory.carriedDate(actor, index), memory.lastEventDay);
    for (const { saidOn, initially: marker } of dated) if (marker !== undefined) initially.set(saidOn, marker);
    // With no statement dated by it, a date phrase still dates the occasion it names ("the same call").
    const eventDay = dated.some(({ basis }) => basis === 'stated') ? null : lastDayNamed(dates, view, published, memory.lastEventDay);
    memory.remember(index, onTopic, lastSpeaker, statements, dated, eventNamed);
    if (eventDay !== null) memory.lastEventDay = eventDay;
    claims.push(...claimDrafts(watch.id, view, statements, dated));
  });
  return hasContext ? beforeLaterChanges(claims, initially) : [];
}

function packsOf(watch: Watch, packs: ReadonlyMap<string, LanguagePack>): CompiledPack[] {
  const missing = watch.languages.filter((language) => !packs.has(language));
  if (missing.length > 0) throw new Error(`watch ${watch.id} needs language packs that are not loaded: ${missing.join(', ')}`);
  return watch.languages.map((language) => compilePack(packs.get(language)!));
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0];
}

/** Per first pack, the abbreviations of the pack lists it begins: every document of a watch asks again. */
const abbreviationsByPacks = new WeakMap<CompiledPack, { packs: readonly CompiledPack[]; abbreviations: ReadonlySet<string> }[]>();

function abbreviationsOf(packs: readonly CompiledPack[]): ReadonlySet<string> {
  if (packs.length === 0) return new Set();
  const known = abbreviationsByPacks.get(packs[0]) ?? [];
  const cached = known.find((entry) => entry.packs.length === packs.length && entry.packs.every((pack, k) => pack === packs[k]));
  if (cached) return cached.abbreviations;
  const abbreviations = new Set(packs.flatMap((pack) => [...pack.abbreviations]));
  known.push({ packs: [...packs], abbreviations });
  abbreviationsByPacks.set(packs[0], known);
  return abbreviations;
}

/** Articles mix languages (an English headline over an Indonesian body): each sentence gets the pack of its function words. */
function packForSentence(tokens: readonly Token[], packs: readonly CompiledPack[], documentPack: CompiledPack): CompiledPack {
  let best = documentPack;
  let bestCount = countMarkers(tokens, documentPack);
  for (const pack of packs) {
    if (pack === documentPack) continue; // counted above
    const count = countMarkers(tokens, pack);
    if (count > bestCount) {
      best = pack;
      bestCount = count;
    }
  }
  return best;
}

function countMarkers(tokens: readonly Token[], pack: CompiledPack): number {
  let count = 0;
  for (const token of tokens) if (pack.markers.has(token.norm)) count++;
  return count;
}

function isOnTopic(mentions: readonly Mention[], watch: CompiledWatch): boolean {
  return new Set(mentions.flatMap((mention) => mention.topicGroups)).size === watch.topicGroupCount;
}
