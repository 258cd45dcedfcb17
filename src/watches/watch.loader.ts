// Reads watch files from disk (fixtures/watches/*.yaml); parsing and validation are in the
// pure domain module.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWatch, watchWarnings, type Watch } from './domain/watch.js';

export interface LoadedWatch {
  watch: Watch;
  /** Things the author should fix that do not stop the watch from working (watchWarnings). */
  warnings: string[];
}

export async function loadWatch(file: string): Promise<LoadedWatch> {
  const watch = parseWatch(await readFile(file, 'utf8'), file);
  return { watch, warnings: watchWarnings(watch, file) };
}

/** Every *.yaml watch in a directory, in file-name order. Watch ids must be unique. */
export async function loadWatches(directory: string): Promise<LoadedWatch[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  const loaded: LoadedWatch[] = [];
  for (const name of files) {
    const entry = await loadWatch(join(directory, name));
    if (loaded.some((other) => other.watch.id === entry.watch.id)) throw new Error(`${join(directory, name)}: id "${entry.watch.id}" is used by another watch`);
    loaded.push(entry);
  }
  return loaded;
}
