// Reads watch files from disk (fixtures/watches/*.yaml); parsing and validation are in the
// pure domain module.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWatch, type Watch } from './domain/watch.js';
import { contentRevision } from './domain/revision.js';
import { watchWarnings } from './domain/watch-warnings.js';

/** A watch, the revision (content hash) of the file it was read from, and what its author should fix. */
export interface LoadedWatch {
  watch: Watch;
  revision: string;
  /** What does not stop the watch from working but does nothing (watchWarnings), each naming file and field. */
  warnings: string[];
}

export async function loadWatch(file: string): Promise<LoadedWatch> {
  const text = await readFile(file, 'utf8');
  const watch = parseWatch(text, file);
  return { watch, revision: contentRevision(text), warnings: watchWarnings(watch).map((w) => `${file}: ${w.field}: ${w.message}`) };
}

/** Every *.yaml watch in a directory, in file-name order. Watch ids must be unique. */
export async function loadWatches(directory: string): Promise<LoadedWatch[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  const watches: LoadedWatch[] = [];
  for (const name of files) {
    const loaded = await loadWatch(join(directory, name));
    if (watches.some((other) => other.watch.id === loaded.watch.id)) throw new Error(`${join(directory, name)}: id "${loaded.watch.id}" is used by another watch`);
    watches.push(loaded);
  }
  return watches;
}
