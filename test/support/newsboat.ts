// Test helper: reads a feed with newsboat (Debian's `newsboat`), headless: `-x reload` into a
// cache of its own, then the cache (SQLite) read with sqlite3. Returns null when newsboat is not
// installed (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NewsboatView {
  /** The feed's website as newsboat shows it. */
  website: string;
  /** Item titles, as newsboat stored them. */
  items: string[];
}

export function readWithNewsboat(url: string): NewsboatView | null {
  if (spawnSync('newsboat', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'newsboat-'));
  try {
    writeFileSync(join(dir, 'urls'), `${url}\n`);
    writeFileSync(join(dir, 'config'), '');
    const cache = join(dir, 'cache.db');
    const run = spawnSync('newsboat', ['-u', join(dir, 'urls'), '-c', cache, '-C', join(dir, 'config'), '-x', 'reload'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, HOME: dir } });
    if (run.status !== 0) throw new Error(`newsboat failed: ${run.stderr}`);
    const query = (sql: string) => spawnSync('sqlite3', [cache, sql], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    return { website: query('select url from rss_feed')[0] ?? '', items: query('select title from rss_item') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
