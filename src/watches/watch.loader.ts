// Reads watch files from disk (fixtures/watches/*.yaml); parsing and validation are in the
// pure domain module.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWatch, type Watch } from './domain/watch.js';

export async function loadWatch(file: string): Promise<Watch> {
  return parseWatch(await readFile(file, 'utf8'), file);
}

/** Every *.yaml watch in a directory, in file-name order. Watch ids must be unique. */
export async function loadWatches(directory: string): Promise<Watch[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  const watches: Watch[] = [];
  for (const name of files) {
    const watch = await loadWatch(join(directory, name));
    if (watches.some((other) => other.id === watch.id)) throw new Error(`${join(directory, name)}: id "${watch.id}" is used by another watch`);
    watches.push(watch);
  }
  return watches;
}
