// Where this package is installed, from src/ (tests) and from dist/src/ (built) alike. A module of
// its own, with no dependencies: worker threads and the configuration need it without loading
// the database's modules.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this package's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('package root not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}
