// Revisions of the configuration that produces claims: a content hash of the watch file and one
// of the language packs it reads. Each ClaimRecorded carries both, so the history and the why
// chain show which version of the watch an analyst is looking at the work of (a watch edited to
// fix a missed speaker yields claims with another revision). Pure.
import { createHash } from 'node:crypto';
import type { ConfigRevisions } from '../../domain/vocabulary.js';

/** The revision of one file: its sha256, 16 hex digits (enough to tell edits apart, short to read). */
export function contentRevision(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/**
 * The revision of the language packs a watch reads: one hash over each pack's language code and
 * revision, in code order, so it changes when any of them does and not with the order listed.
 */
export function packsRevision(languages: readonly string[], revisionOfPack: (language: string) => string): string {
  const parts = [...new Set(languages)].sort().map((language) => `${language}:${revisionOfPack(language)}`);
  return contentRevision(parts.join('\n'));
}

export function configRevisions(
  watchFileRevision: string,
  languages: readonly string[],
  revisionOfPack: (language: string) => string,
): ConfigRevisions {
  return { watchRevision: watchFileRevision, packsRevision: packsRevision(languages, revisionOfPack) };
}
