// The development sets for propositions the seeds do not cover (fixtures/eval/dev/, README
// there): each watch was written from the documented watch format alone, the articles and gold by
// hand. Each set is scored as `stance-monitor eval` scores it, in process (the whole pipeline on
// an in-memory database, once per ingestion order), so a rule tuned to the seeds that breaks
// another proposition fails here.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/config.js';
import { runEval } from '../src/eval/eval.runner.js';
import { loadWatchCatalog } from '../src/watches/watches.service.js';

interface Floors {
  f1: number;
  dateAccuracy: number;
  asOfAccuracy: number;
  finalAccuracy: number;
}

/** The extraction targets. */
const TARGETS: Floors = { f1: 0.9, dateAccuracy: 0.9, asOfAccuracy: 0.9, finalAccuracy: 1 };

const sets: { id: string; floors: Floors; orders: number; watch?: { file: string; id: string } }[] = [
  { id: 'israel-device-blasts', floors: TARGETS, orders: 3 },
  // Below the targets (fixtures/eval/dev/README.md: what it still misses); held where it stands
  // so that it cannot drop.
  { id: 'iran-missiles-russia', floors: { f1: 0.94, dateAccuracy: 0.96, asOfAccuracy: 0.81, finalAccuracy: 1 }, orders: 2 },
  { id: 'prigozhin-plane-downing', floors: { f1: 0.94, dateAccuracy: 1, asOfAccuracy: 0.9, finalAccuracy: 1 }, orders: 2 },
  { id: 'shifa-command-centre', floors: { f1: 0.74, dateAccuracy: 0.77, asOfAccuracy: 0.75, finalAccuracy: 0.66 }, orders: 2 },
  // At the targets since rules-12, held where it stands.
  { id: 'al-ahli-hospital-blast', floors: { f1: 0.96, dateAccuracy: 1, asOfAccuracy: 1, finalAccuracy: 1 }, orders: 2 },
  { id: 'kakhovka-dam-breach', floors: { f1: 0.98, dateAccuracy: 0.96, asOfAccuracy: 1, finalAccuracy: 1 }, orders: 2 },
  // At the targets since rules-14 (fixtures/eval/dev/README.md), held where it stands.
  { id: 'pakistan-downs-indian-jets', floors: { f1: 0.93, dateAccuracy: 0.9, asOfAccuracy: 1, finalAccuracy: 1 }, orders: 2 },
  // Below the targets after rules-14 (fixtures/eval/dev/README.md: what it still misses); held
  // where it stands so that it cannot drop.
  { id: 'nord-stream-sabotage', floors: { f1: 0.91, dateAccuracy: 0.76, asOfAccuracy: 0.9, finalAccuracy: 1 }, orders: 2 },
  // Below the F1 and as-of targets after rules-14 (fixtures/eval/dev/README.md: what it still
  // misses); held where it stands.
  { id: 'azal-8243-downing', floors: { f1: 0.81, dateAccuracy: 0.95, asOfAccuracy: 0.87, finalAccuracy: 1 }, orders: 2 },
  // Built as a stand-in for the held-out sets (a proposition no rule was written for, the watch from
  // the format comments alone, the gold annotated before any run): below the targets on purpose,
  // held where it stands (fixtures/eval/dev/README.md: what it misses).
  { id: 'damascus-consulate-strike', floors: { f1: 0.73, dateAccuracy: 0.84, asOfAccuracy: 0.8, finalAccuracy: 0.85 }, orders: 2 },
  // Real-news phrasing of the seeds' own proposition, scored with the project's own watch (no
  // copy: a better alias there is what a user of that watch gets).
  {
    id: 'dprk-troops-real',
    floors: { f1: 0.97, dateAccuracy: 1, asOfAccuracy: 0.92, finalAccuracy: 1 },
    orders: 2,
    watch: { file: '../fixtures/watches/dprk-troops-russia.yaml', id: 'dprk-troops-russia' },
  },
];

for (const { id, floors, orders, watch } of sets) {
  const devSet = (path: string) => fileURLToPath(new URL(`../fixtures/eval/dev/${id}/${path}`, import.meta.url));
  const watchFile = watch ? fileURLToPath(new URL(watch.file, import.meta.url)) : devSet('watch.yaml');

  describe(`the ${id} development set`, () => {
    it('loads its watch with the project’s language packs, though the watch sits in its own folder', async () => {
      const catalog = await loadWatchCatalog(watchFile);
      expect(catalog.watches.map((loaded) => loaded.id)).toEqual([watch?.id ?? id]);
      expect([...catalog.packs.keys()].sort()).toEqual(['en', 'id']);
    });

    it('meets its extraction floors and is independent of the ingestion order', async () => {
      const result = await runEval(loadConfig({}), {
        articlesDir: devSet('articles'),
        goldFile: devSet('gold.json'),
        watchesDir: watchFile,
        orders,
        seed: 1,
      });
      const misses = result.documents.filter((document) => document.missed.length + document.spurious.length + document.dateMisses.length > 0);
      const summary = { f1: result.f1, dateAccuracy: result.dateAccuracy, finalAccuracy: result.finalAccuracy, asOfAccuracy: result.asOfAccuracy, misses };
      expect(result.skippedArticles).toEqual([]);
      const met = result.f1 >= floors.f1 && result.dateAccuracy >= floors.dateAccuracy && result.asOfAccuracy >= floors.asOfAccuracy && result.finalAccuracy >= floors.finalAccuracy;
      expect(met ? 'floors met' : summary).toBe('floors met');
      expect(result.orderIndependent).toBe(true);
      expect(result.ordersTried).toBe(orders + 1);
    }, 60_000);
  });
}
