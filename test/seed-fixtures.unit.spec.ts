import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FixtureArticle } from '../src/sources/domain/fixture-article.js';
import { readFixtureFolder } from '../src/sources/fixture-folder.reader.js';

// The seed fixtures must carry the seed texts byte for byte (claims point into them by offset),
// and the metadata the editors gave them.

const FIXTURES = new URL('../fixtures/articles/', import.meta.url);
const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const CLOSING_LINE = Buffer.from('\n---\n');

interface SeedMetadata {
  title: string;
  outlet: string;
  published: string;
  language: string;
}

function bodyBytes(fixture: Buffer): Buffer {
  expect(fixture.subarray(0, 4).toString()).toBe('---\n');
  const closing = fixture.indexOf(CLOSING_LINE, 3);
  expect(closing).toBeGreaterThan(0);
  return fixture.subarray(closing + CLOSING_LINE.length);
}

let loaded: Awaited<ReturnType<typeof readFixtureFolder>>;

beforeAll(async () => {
  loaded = await readFixtureFolder(fileURLToPath(FIXTURES));
});

describe('fixtures/articles', () => {
  it('loads all five seed articles without skipping any', () => {
    expect(loaded.skipped).toEqual([]);
    expect(loaded.articles).toHaveLength(5);
  });
});

(existsSync(SEEDS) ? describe : describe.skip)('fixtures/articles against ../shared/seeds', () => {
  const metadata = existsSync(SEEDS)
    ? (JSON.parse(readFileSync(new URL('metadata.json', SEEDS), 'utf8')) as { articles: Record<string, SeedMetadata> }).articles
    : {};

  it.each(Object.keys(metadata))('%s keeps the seed text byte for byte', (id) => {
    const fixture = readFileSync(new URL(`${id}.md`, FIXTURES));
    const seed = readFileSync(new URL(`${id}.txt`, SEEDS));
    expect(bodyBytes(fixture).equals(seed)).toBe(true);
  });

  it.each(Object.keys(metadata))('%s carries the seed metadata and a placeholder URL', (id) => {
    const article = loaded.articles.find((candidate: FixtureArticle) => candidate.path.endsWith(`/${id}.md`));
    const { title, outlet, published, language } = metadata[id];
    expect(article).toEqual({
      path: expect.any(String),
      title,
      outlet,
      published,
      language,
      url: `https://fixtures.stance-monitor.invalid/articles/${id}`,
      text: readFileSync(new URL(`${id}.txt`, SEEDS), 'utf8'),
    });
  });
});
