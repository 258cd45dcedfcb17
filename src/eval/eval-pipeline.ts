// The part of `eval` that runs the service (eval.runner.ts scores what it returns): one Nest
// application on one database, emptied between the ingestion orders. Loaded by the runner once
// PGlite has begun to start, so that the two overlap.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../config/config.js';
import type { Database } from '../database/database.js';
import { DATABASE } from '../database/database.tokens.js';
import type { ClaimRecorded, Stance } from '../domain/vocabulary.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { SubscriptionRunner } from '../event-store/subscription-runner.js';
import { documentFromFixture } from '../sources/domain/article-document.js';
import { DocumentIngestion } from '../sources/document-ingestion.service.js';
import { StanceQueries } from '../stance/stance-queries.service.js';
import { EvalDatabaseRepository } from './eval-database.repository.js';
import type { GoldFile, ScoredClaim } from './domain/score.js';

export interface Projection {
  final: Record<string, Stance | null>;
  asOf: { actor: string; on: string; stance: Stance | null }[];
  /** The stance changes as a reader sees them: who moved from what to what, effective when. */
  changes: string[];
}

type Fixture = { id: string; article: Parameters<typeof documentFromFixture>[2] };

/** Every order through one application on `database` (which it closes), emptied before each. */
export async function runOrders(config: AppConfig, database: Database, orders: Fixture[][], gold: GoldFile) {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { database }), { logger: ['error'] }).catch(
    async (error: unknown) => {
      await database.close();
      throw error;
    },
  );
  const runs = [];
  try {
    const tables = new EvalDatabaseRepository(app.get<Database>(DATABASE));
    for (const order of orders) {
      await tables.emptyAllTables();
      runs.push(await runPipeline(app, order, gold));
    }
  } finally {
    await app.close();
  }
  return runs;
}

/** One ingestion order through the pipeline of `app`, whose database is empty. */
async function runPipeline(app: INestApplicationContext, order: Fixture[], gold: GoldFile) {
  const ingestion = app.get(DocumentIngestion);
  const fixtureOf = new Map<string, string>();
  for (const { id, article } of order) {
    const doc = documentFromFixture('eval', id, article);
    fixtureOf.set(doc.documentId, id);
    await ingestion.ingest([doc]); // one at a time: the order is the point
  }
  await app.get(SubscriptionRunner).catchUp();

  const events = await readEverything(app.get(EventStoreRepository));
  const claimsByFixture = new Map<string, ScoredClaim[]>();
  for (const event of events) {
    if (event.type !== 'ClaimRecorded') continue;
    const claim = (event as unknown as ClaimRecorded).data;
    if (claim.watchId !== gold.watch) continue;
    const fixture = fixtureOf.get(claim.documentId ?? '');
    if (fixture) claimsByFixture.set(fixture, [...(claimsByFixture.get(fixture) ?? []), claim]);
  }
  const queries = app.get(StanceQueries);
  const stanceOf = (answer: Awaited<ReturnType<StanceQueries['stances']>>, actor: string) =>
    answer.stances.find((s) => s.actor === actor)?.stance ?? null;
  const now = await queries.stances(gold.watch);
  const asOf = [];
  for (const { actor, on } of gold.as_of) asOf.push({ actor, on, stance: stanceOf(await queries.stances(gold.watch, { asOf: on }), actor) });
  const changes = [];
  for (const { actor } of [...now.stances].sort((a, b) => a.actor.localeCompare(b.actor))) {
    for (const c of (await queries.history(gold.watch, actor)).changes) {
      changes.push(`${actor}: ${c.from ?? '(none)'} -> ${c.to} on ${c.effectiveOn.from ?? '…'}..${c.effectiveOn.to} (${c.effectiveOn.precision})`);
    }
  }
  const projection: Projection = {
    final: Object.fromEntries(Object.keys(gold.final).map((actor) => [actor, stanceOf(now, actor)])),
    asOf,
    changes,
  };
  return { claimsByFixture, projection };
}

async function readEverything(repository: EventStoreRepository) {
  const all = [];
  for (let after = 0; ; ) {
    const page = await repository.readAll(after, { limit: 5000 });
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1]!.position;
  }
}
