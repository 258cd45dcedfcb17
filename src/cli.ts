#!/usr/bin/env node
// stance-monitor: the one command-line entry. `serve` runs the service; the other commands do
// one job against the same database and exit (for cron users, audits and tests).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { openDatabase } from './database/database.js';
import { migrateToLatest } from './database/migrations.js';
import { LogVerifier, type ExpectedHead } from './event-store/log-verifier.service.js';
import { EvalInputError, formatEval, runEval } from './eval/eval.runner.js';
import { createServer } from './server.js';
import { SourcesService } from './sources/sources.service.js';

const USAGE = `usage: stance-monitor <command> [options]

commands:
  serve                         run the service (HTTP API, feeds, polling, projections)
  migrate                       bring the database schema up to date (idempotent)
  ingest                        poll every source once (fixture folder, feeds), then exit;
                                exits 1 when a source failed
  eval --articles DIR --gold FILE [--watch FILE] [--orders N] [--json]
                                ingest the articles into a fresh in-memory database, extract,
                                project, and score against a gold file (shared/eval/README.md);
                                exits non-zero on unreadable input, not on low scores
  verify [--expect-head P:HASH] check the event log's hash chain; exits 1 naming the first bad
                                position. --expect-head checks against a head recorded earlier
                                (from /health), which also catches events removed at the end.

configuration comes from the environment: DATABASE_URL, DATA_DIR, PORT, PUBLIC_BASE_URL,
ADMIN_TOKEN, LOG_LEVEL, FIXTURES_DIR, FEED_URLS, ALLOW_PRIVATE_SOURCES, POLL_CONCURRENCY
(see README.md).`;

type Command = (config: AppConfig, args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve(config) {
    const app = await createServer(config);
    await app.listen(config.port);
    console.log(`stance-monitor listening on ${config.publicBaseUrl} (database: ${config.databaseUrl ? 'postgres' : `pglite in ${config.dataDir}`})`);
    return new Promise<number>(() => undefined); // runs until a signal; Nest's shutdown hooks close cleanly
  },

  async migrate(config) {
    const database = await openDatabase(config);
    try {
      const { applied } = await migrateToLatest(database.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      return 0;
    } finally {
      await database.close();
    }
  },

  async ingest(config) {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
    try {
      const sources = app.get(SourcesService);
      await sources.registerConfiguredSources();
      const reports = await sources.pollEverySource();
      for (const r of reports) {
        const counts = r.count
          ? `${r.count.ingested} new, ${r.count.revisions} revised, ${r.count.alreadyStored} already stored`
          : '';
        console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.sourceId} (${r.location}): ${r.status}${counts ? `; ${counts}` : ''}`);
      }
      return reports.every((r) => r.ok) ? 0 : 1;
    } finally {
      await app.close();
    }
  },

  async eval(config, args) {
    const { values } = parseArgs({
      args,
      options: {
        articles: { type: 'string' },
        gold: { type: 'string' },
        watch: { type: 'string' },
        orders: { type: 'string', default: '10' },
        seed: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.articles || !values.gold) throw new UsageError('eval needs --articles DIR and --gold FILE');
    const orders = Number(values.orders);
    if (!Number.isInteger(orders) || orders < 0) throw new UsageError(`--orders must be a whole number, got "${values.orders}"`);
    try {
      const result = await runEval(config, {
        articlesDir: resolve(values.articles),
        goldFile: resolve(values.gold),
        watchesDir: values.watch ? resolve(values.watch) : config.watchesDir,
        orders,
        seed: Number(values.seed) || 1,
      });
      console.log(values.json ? JSON.stringify(result) : formatEval(result));
      return 0;
    } catch (error) {
      if (error instanceof EvalInputError) {
        console.error(error.message);
        return 2;
      }
      throw error;
    }
  },

  async verify(config, args) {
    const { values } = parseArgs({ args, options: { 'expect-head': { type: 'string' } } });
    const expectedHead = values['expect-head'] ? parseHead(values['expect-head']) : undefined;
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
    try {
      const result = await app.get(LogVerifier).verify({ expectedHead });
      if (result.ok) {
        console.log(`log verified: ${result.eventsChecked} events, head ${result.headPosition}:${result.headHash}`);
        return 0;
      }
      const problem = result.problem!;
      console.error(`log verification FAILED at position ${problem.position} (${problem.kind}): ${problem.detail}`);
      console.error(`${result.eventsChecked} events before it are intact.`);
      return 1;
    } finally {
      await app.close();
    }
  },
};

function parseHead(value: string): ExpectedHead {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new UsageError(`--expect-head must be POSITION:SHA256HEX, got "${value}"`);
  return { position: Number(match[1]), hash: match[2]! };
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  try {
    return await command(config, args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`stance-monitor: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
