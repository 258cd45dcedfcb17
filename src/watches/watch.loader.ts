// Reads watch files from disk (fixtures/watches/*.yaml); parsing and validation are in the
// pure domain module.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWatch, type Watch } from './domain/watch.js';
import { contentRevision } from './domain/revision.js';

/** A watch, the file it was read from and that file's revision (content hash). */
export interface LoadedWatch {
  watch: Watch;
  file: string;
  revision: string;
}

export async function loadWatch(file: string): Promise<LoadedWatch> {
  const text = await readFile(file, 'utf8');
  return { watch: parseWatch(text, file), file, revision: contentRevision(text) };
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
