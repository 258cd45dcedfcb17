import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFixtureArticle, type FixtureArticle } from './domain/fixture-article.js';

// Reads a fixture source: every `*.md` file of one folder. A bad file is reported with its path
// and skipped; the others still load. A missing folder is a configuration error and throws.

export interface SkippedFixture {
  path: string;
  error: string;
}

export interface FixtureFolderContents {
  /** In file-name order, so loading is deterministic. */
  articles: FixtureArticle[];
  skipped: SkippedFixture[];
}

// Evidence offsets point into the text, so a file that is not valid UTF-8 is refused rather than
// silently given replacement characters.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function readFixtureFolder(folder: string): Promise<FixtureFolderContents> {
  const entries = await readdir(folder, { withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(folder, entry.name))
    .sort();
  const contents: FixtureFolderContents = { articles: [], skipped: [] };
  for (const path of paths) {
    try {
      contents.articles.push(parseFixtureArticle(path, decodeUtf8(path, await readFile(path))));
    } catch (error) {
      contents.skipped.push({ path, error: (error as Error).message });
    }
  }
  return contents;
}

function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new Error(`${path}: not valid UTF-8`);
  }
}
