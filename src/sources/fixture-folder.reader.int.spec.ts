import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtureFolder } from './fixture-folder.reader.js';

const FRONT_MATTER = '---\ntitle: Judul\nurl: https://fixtures.stance-monitor.invalid/a\noutlet: Contoh\npublished: 2025-04-28\nlanguage: id\n---\n';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fixture-folder-'));
  await writeFile(join(folder, 'b-good.md'), `${FRONT_MATTER}Teks kedua.`);
  await writeFile(join(folder, 'a-good.md'), `\uFEFF${FRONT_MATTER}Teks pertama.\n`);
  await writeFile(join(folder, 'c-bad-date.md'), FRONT_MATTER.replace('2025-04-28', '28/04/2025') + 'Teks.');
  await writeFile(join(folder, 'd-no-front-matter.md'), 'Hanya teks.');
  await writeFile(join(folder, 'e-not-utf8.md'), Buffer.concat([Buffer.from(FRONT_MATTER), Buffer.from([0xff, 0xfe])]));
  await writeFile(join(folder, 'notes.txt'), 'not an article');
  await mkdir(join(folder, 'subfolder.md'));
});

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('readFixtureFolder', () => {
  it('loads the good files in name order and reports each bad one with its path', async () => {
    const { articles, skipped } = await readFixtureFolder(folder);
    expect(articles.map((article) => [article.path, article.text])).toEqual([
      [join(folder, 'a-good.md'), 'Teks pertama.\n'],
      [join(folder, 'b-good.md'), 'Teks kedua.'],
    ]);
    expect(skipped).toEqual([
      { path: join(folder, 'c-bad-date.md'), error: expect.stringContaining(`${join(folder, 'c-bad-date.md')}: published:`) },
      { path: join(folder, 'd-no-front-matter.md'), error: expect.stringContaining(': front matter:') },
      { path: join(folder, 'e-not-utf8.md'), error: expect.stringContaining('not valid UTF-8') },
    ]);
  });

  it('throws for a folder that does not exist', async () => {
    await expect(readFixtureFolder(join(folder, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
