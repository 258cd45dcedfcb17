// `stance-monitor eval`: runs the real pipeline (fixture folder -> DocumentIngested ->
// extraction subscriber -> ClaimRecorded -> stance projection -> its queries) once per ingestion
// order, and scores it with the rules of fixtures/eval/README.md. One application on one migrated
// in-memory database serves every order, emptied between them: starting PGlite was 90 % of a run.
// That database is loaded from an image of a migrated one (migrated-template.ts), which skips
// initdb and the migrations, and it starts while the service's modules load (eval-pipeline.ts,
// imported after): PGlite's reads and WebAssembly compilation run while the module loader works.
// (On a worker thread it started in parallel, but every query then crossed threads: slower.)
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { AppConfig } from '../config/config.js';
import { openDatabase } from '../database/database.js';
import { migratedTemplateImage } from '../database/migrated-template.js';
import { readFixtureFolder } from '../sources/fixture-folder.reader.js';
import { asOfAccuracy, finalAccuracy, scoreExtraction, type GoldFile } from './domain/score.js';
import type { Projection } from './eval-pipeline.js';

export interface EvalOptions {
  articlesDir: string;
  goldFile: string;
  watchesDir: string;
  /** Random ingestion orders tried besides file-name order. */
  orders: number;
  /** Seed of the order shuffles, so a run can be repeated. */
  seed: number;
}

export class EvalInputError extends Error {}

export async function runEval(config: AppConfig, options: EvalOptions) {
  const gold = await readGold(options.goldFile);
  const folder = await readFixtureFolder(options.articlesDir).catch((error: Error) => {
    throw new EvalInputError(`cannot read articles from ${options.articlesDir}: ${error.message}`);
  });
  if (folder.articles.length === 0) throw new EvalInputError(`no readable articles in ${options.articlesDir}`);
  const fixtures = folder.articles.map((article) => ({ id: basename(article.path).replace(/\.md$/, ''), article }));

  const random = seededRandom(options.seed);
  const orders = [fixtures, ...Array.from({ length: options.orders }, () => shuffle(fixtures, random))];
  const inMemory = { databaseUrl: null, dataDir: 'memory://' };
  const opening = openDatabase({ ...inMemory, pgliteImage: await migratedTemplateImage() });
  const pipeline = import('./eval-pipeline.js');
  pipeline.catch(() => undefined); // its failure is reported below, once there is a database to close
  const database = await opening;
  const appConfig = { ...config, ...inMemory, fixturesDir: null, watchesDir: options.watchesDir, feedUrls: [] };
  const runs = await pipeline.then(
    ({ runOrders }) => runOrders(appConfig, database, orders, gold),
    async (error: unknown) => {
      await database.close();
      throw error;
    },
  );

  const first = runs[0]!;
  const extraction = scoreExtraction(gold, first.claimsByFixture);
  const final = finalAccuracy(gold, (actor) => first.projection.final[actor] ?? null);
  const asOf = asOfAccuracy(gold, (actor, on) => first.projection.asOf.find((r) => r.actor === actor && r.on === on)?.stance ?? null);
  const signature = (p: Projection) => JSON.stringify(p);
  const orderIndependent = runs.every((run) => signature(run.projection) === signature(first.projection));

  return {
    watch: gold.watch,
    precision: extraction.precision,
    recall: extraction.recall,
    f1: extraction.f1,
    dateAccuracy: extraction.dateAccuracy,
    finalAccuracy: final.accuracy,
    asOfAccuracy: asOf.accuracy,
    orderIndependent,
    ordersTried: orders.length,
    counts: {
      truePositives: extraction.truePositives,
      falsePositives: extraction.falsePositives,
      falseNegatives: extraction.falseNegatives,
      datesScored: extraction.datesScored,
      datesHit: extraction.datesHit,
    },
    documents: extraction.documents,
    finalMisses: final.misses,
    asOfMisses: asOf.misses,
    stanceChanges: first.projection.changes,
    skippedArticles: folder.skipped,
  };
}

async function readGold(file: string): Promise<GoldFile> {
  let gold: GoldFile;
  try {
    gold = JSON.parse(await readFile(file, 'utf8')) as GoldFile;
  } catch (error) {
    throw new EvalInputError(`cannot read gold file ${file}: ${(error as Error).message}`);
  }
  if (typeof gold.watch !== 'string' || !Array.isArray(gold.documents) || typeof gold.final !== 'object' || !Array.isArray(gold.as_of)) {
    throw new EvalInputError(`${file} is not a gold file: it needs watch, documents, final and as_of`);
  }
  return gold;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export type EvalResult = Awaited<ReturnType<typeof runEval>>;

/** The human-readable report. */
export function formatEval(result: EvalResult): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `watch ${result.watch}`,
    `precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}  (TP ${result.counts.truePositives}, FP ${result.counts.falsePositives}, FN ${result.counts.falseNegatives})`,
    `date accuracy ${pct(result.dateAccuracy)} (${result.counts.datesHit}/${result.counts.datesScored})`,
    `final accuracy ${pct(result.finalAccuracy)}  as-of accuracy ${pct(result.asOfAccuracy)}`,
    `order independent: ${result.orderIndependent} (${result.ordersTried} ingestion orders)`,
    '',
    'per document:',
    ...result.documents.map((d) => {
      const pairs = (ps: { actor: string; stance: string }[]) => ps.map((p) => `${p.actor}/${p.stance}`).join(', ') || '-';
      const dates = d.dateMisses.map((m) => `${m.actor}/${m.stance} gold ${JSON.stringify(m.gold)} got ${m.extracted.map((s) => `${s.from ?? '…'}..${s.to}`).join(' ')}`);
      return `  ${d.documentId}: missed ${pairs(d.missed)}; spurious ${pairs(d.spurious)}${dates.length ? `; dates off: ${dates.join('; ')}` : ''}`;
    }),
    ...(result.finalMisses.length ? ['', `final misses: ${JSON.stringify(result.finalMisses)}`] : []),
    ...(result.asOfMisses.length ? [`as-of misses: ${JSON.stringify(result.asOfMisses)}`] : []),
    '',
    'stance changes:',
    ...result.stanceChanges.map((c) => `  ${c}`),
    ...result.skippedArticles.map((s) => `skipped ${s.path}: ${s.error}`),
  ];
  return lines.join('\n');
}
