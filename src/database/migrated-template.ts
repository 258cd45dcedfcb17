// An image of a freshly migrated embedded database, kept on disk between runs. Creating a PGlite
// database runs initdb in WebAssembly (4 to 10 s of CPU here), and migrating it costs more; loading
// an image of one already migrated takes a fraction of that. `eval` starts from it.
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { packageRoot } from '../common/package-root.js';
import { defaultMigrationsDir, migrateToLatest } from './migrations.js';

/** Where images are kept: the conventional cache folder of the installed packages. */
export function defaultTemplateCacheDir(): string {
  return join(packageRoot(), 'node_modules', '.cache', 'stance-monitor');
}

/**
 * The image (an uncompressed tar of the data folder, for PGlite's `loadDataDir`) of a database
 * migrated with the migrations in `migrationsDir`. Its name holds a digest of PGlite's version and
 * of every migration, so an upgrade or a new migration makes a new image rather than reuse a stale
 * one. A cache folder that cannot be written costs only the speed-up: the image is made each time.
 */
export async function migratedTemplateImage(
  cacheDir = defaultTemplateCacheDir(),
  migrationsDir = defaultMigrationsDir(),
): Promise<Blob> {
  const digest = await templateDigest(migrationsDir);
  const file = digest && join(cacheDir, `pglite-migrated-${digest}.tar`);
  const cached = file && (await openImage(file));
  if (cached) return cached;

  const pglite = await PGlite.create('memory://');
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db, migrationsDir);
    await dropTemplateDatabases(pglite);
    const image = await pglite.dumpDataDir('none');
    if (!file) return image;
    // Written aside and linked into place, so that a concurrent run never reads half an image, and
    // never replaced once there: a run reading it (lazily, above) would find it changed.
    const partial = `${file}.${process.pid}.partial`;
    await mkdir(cacheDir, { recursive: true })
      .then(async () => writeFile(partial, new Uint8Array(await image.arrayBuffer())))
      .then(() => link(partial, file))
      .catch(() => undefined)
      .finally(() => rm(partial, { force: true }));
    return image;
  } finally {
    await db.destroy();
  }
}

/**
 * An image's database is only ever used as it is (nobody creates a database from it): without
 * initdb's template0 and template1 it is 26 MB instead of 41, and loads 0.1 to 0.2 s sooner.
 */
async function dropTemplateDatabases(pglite: PGlite): Promise<void> {
  await pglite.query(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`);
  await pglite.query('drop database template0');
  await pglite.query('drop database template1');
  await pglite.query('checkpoint');
}

/**
 * The image on disk, read when it is used (by PGlite, or off the main thread for a worker), not
 * here; null when there is none yet (openAsBlob throws rather than rejects).
 */
async function openImage(file: string): Promise<Blob | null> {
  try {
    return await openAsBlob(file);
  } catch {
    return null;
  }
}

/** Null when PGlite's version cannot be read: an image made by another version may not load. */
async function templateDigest(migrationsDir: string): Promise<string | null> {
  const version = await pgliteVersion().catch(() => null);
  if (!version) return null;
  const hash = createHash('sha256').update(`pglite ${version}\nwithout template databases\n`);
  for (const name of (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(`${name}\n`).update(await readFile(join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The installed PGlite's version: its package.json is not exported, so it is read from disk. */
async function pgliteVersion(): Promise<string> {
  const manifest = join(packageRoot(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  return version;
}
