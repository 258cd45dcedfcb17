// The watches and the language packs they use, read and validated once at start: a bad watch
// file stops the service with the file and field named, rather than extracting nothing.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { ConfigRevisions } from '../domain/vocabulary.js';
import type { LanguagePack } from '../extraction/domain/language-pack.js';
import { loadLanguagePacks } from '../extraction/language-pack.loader.js';
import { configRevisions } from './domain/revision.js';
import type { Watch } from './domain/watch.js';
import { watchWarnings } from './domain/watch-warnings.js';
import { loadWatch, loadWatches } from './watch.loader.js';

export interface WatchCatalog {
  watches: Watch[];
  packs: Map<string, LanguagePack>;
  /** Per watch id: the revisions of its file and of the packs it reads, recorded on its claims. */
  revisions: Map<string, ConfigRevisions>;
  /** Validation warnings of the watch files, each naming its file. */
  warnings: string[];
}

/**
 * Loads the watches of a folder (or one watch file) and the language packs they name, from the
 * `languages/` folder beside the watches folder (fixtures/watches -> fixtures/languages), else
 * beside the nearest folder above it that has one: a watch a user keeps with its articles and gold
 * (fixtures/eval/dev/<id>/watch.yaml) reads the project's packs.
 */
export async function loadWatchCatalog(watchesPath: string): Promise<WatchCatalog> {
  const isFile = /\.ya?ml$/.test(watchesPath);
  const loaded = isFile ? [await loadWatch(watchesPath)] : await loadWatches(watchesPath);
  const watches = loaded.map((l) => l.watch);
  const watchesDir = isFile ? dirname(watchesPath) : watchesPath;
  const { packs, revisions: packRevisions } = await loadLanguagePacks(await languagesDirFor(watchesDir), watches.flatMap((w) => w.languages));
  const revisions = new Map(
    loaded.map(({ watch, revision }) => [watch.id, configRevisions(revision, watch.languages, (language) => packRevisions.get(language)!)]),
  );
  const warnings = loaded.flatMap(({ watch, file }) => watchWarnings(watch, packs).map((w) => `${file}: ${w.field}: ${w.message}`));
  return { watches, packs, revisions, warnings };
}

/** The nearest `languages/` folder beside the watches folder or one above it; the one beside it when there is none. */
async function languagesDirFor(watchesDir: string): Promise<string> {
  for (let dir = dirname(watchesDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'languages');
    if (await isDirectory(candidate)) return candidate;
    if (dirname(dir) === dir) return join(watchesDir, '..', 'languages');
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

@Injectable()
export class WatchesService implements OnModuleInit {
  private readonly logger = new Logger(WatchesService.name);
  private catalog: WatchCatalog = { watches: [], packs: new Map(), revisions: new Map(), warnings: [] };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.catalog = await loadWatchCatalog(this.config.watchesDir);
    for (const warning of this.catalog.warnings) this.logger.warn(warning);
  }

  watches(): Watch[] {
    return this.catalog.watches;
  }

  find(watchId: string): Watch | undefined {
    return this.catalog.watches.find((w) => w.id === watchId);
  }

  /** The actor's display name; its id when the watch no longer lists it. */
  actorName(watchId: string, actorId: string): string {
    return this.find(watchId)?.actors.find((a) => a.id === actorId)?.name ?? actorId;
  }

  packs(): ReadonlyMap<string, LanguagePack> {
    return this.catalog.packs;
  }

  /** The revisions of a watch's file and language packs as loaded at start. */
  revisions(watchId: string): ConfigRevisions | undefined {
    return this.catalog.revisions.get(watchId);
  }
}
