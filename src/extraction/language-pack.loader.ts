// Reads language packs from disk (fixtures/languages/<code>.yaml); parsing and validation are
// in the pure domain module.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentRevision } from '../watches/domain/revision.js';
import { parseLanguagePack, type LanguagePack } from './domain/language-pack.js';

/** Language packs keyed by code, with each file's revision (content hash). */
export interface LoadedPacks {
  packs: Map<string, LanguagePack>;
  revisions: Map<string, string>;
}

/** The packs for the given language codes. Fails on a missing or invalid file. */
export async function loadLanguagePacks(directory: string, languages: readonly string[]): Promise<LoadedPacks> {
  const loaded: LoadedPacks = { packs: new Map(), revisions: new Map() };
  for (const language of new Set(languages)) {
    const file = join(directory, `${language}.yaml`);
    const text = await readFile(file, 'utf8');
    const pack = parseLanguagePack(text, file);
    if (pack.language !== language) throw new Error(`${file}: language is "${pack.language}", expected "${language}"`);
    loaded.packs.set(language, pack);
    loaded.revisions.set(language, contentRevision(text));
  }
  return loaded;
}
