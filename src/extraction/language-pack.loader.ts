// Reads language packs from disk (fixtures/languages/<code>.yaml); parsing and validation are
// in the pure domain module.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLanguagePack, type LanguagePack } from './domain/language-pack.js';

/** The packs for the given language codes, keyed by code. Fails on a missing or invalid file. */
export async function loadLanguagePacks(directory: string, languages: readonly string[]): Promise<Map<string, LanguagePack>> {
  const packs = new Map<string, LanguagePack>();
  for (const language of new Set(languages)) {
    const file = join(directory, `${language}.yaml`);
    const pack = parseLanguagePack(await readFile(file, 'utf8'), file);
    if (pack.language !== language) throw new Error(`${file}: language is "${pack.language}", expected "${language}"`);
    packs.set(language, pack);
  }
  return packs;
}
