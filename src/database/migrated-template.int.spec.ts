// The image of a migrated database that eval starts from: made once, kept, and as migrated as
// a database migrated the long way.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { migratedTemplateImage } from './migrated-template.js';
import { defaultMigrationsDir, pendingMigrations } from './migrations.js';

describe('the migrated template image', () => {
  let cacheDir: string;
  let migrationsDir: string;

  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'template-cache-'));
    migrationsDir = await mkdtemp(join(tmpdir(), 'template-migrations-'));
    await cp(defaultMigrationsDir(), migrationsDir, { recursive: true });
  });
  afterAll(async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await rm(migrationsDir, { recursive: true, force: true });
  });

  it('starts a database with every migration applied, and keeps the image for the next run', async () => {
    const image = await migratedTemplateImage(cacheDir, migrationsDir);
    const [file] = await readdir(cacheDir);
    expect(file).toMatch(/^pglite-migrated-[0-9a-f]{16}\.tar$/);
    expect((await stat(join(cacheDir, file!))).size).toBe(image.size);

    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://', pgliteImage: await migratedTemplateImage(cacheDir, migrationsDir) });
    try {
      expect(await pendingMigrations(database.db, migrationsDir)).toEqual([]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(database.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('makes a new image when a migration is added, rather than reuse the old one', async () => {
    await writeFile(join(migrationsDir, '9999_probe.sql'), 'create table template_probe (n int);\n');
    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://', pgliteImage: await migratedTemplateImage(cacheDir, migrationsDir) });
    try {
      await sql`select n from template_probe`.execute(database.db);
    } finally {
      await database.close();
    }
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tar'))).toHaveLength(2);
  }, 120_000);
});
