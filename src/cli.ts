#!/usr/bin/env node
// stance-monitor: the one command-line entry. `serve` runs the service; the other commands do
// one job against the same database and exit (for cron users, audits and tests).
import 'reflect-metadata';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { INestApplicationContext } from '@nestjs/common';
import { createProgress } from './common/progress.js';
import { ConfigError, heapGrowthFlag, loadConfig, type AppConfig } from './config/config.js';
import { DataFolderLockedError, lockDataFolder } from './database/data-folder-lock.js';
import { parseUntil, type Until } from './event-store/domain/until.js';
import type { EventStoreRepository } from './event-store/event-store.repository.js';
import type { ExpectedHead } from './event-store/log-verifier.service.js';
import type { StanceQueries } from './stance/stance-queries.service.js';
import { redactLocation, redactLocationsIn } from './sources/domain/redact-location.js';

// Each command imports what it uses when it runs: loading the whole service takes about a second,
// which `eval` spends starting its database instead, and `migrate` or `watch check` never need.
const USAGE = `usage: stance-monitor <command> [options]

commands:
  serve                         run the service (HTTP API, feeds, polling, projections)
  migrate                       bring the database schema up to date (idempotent)
  ingest                        poll every source once (fixture folder, feeds), then exit;
                                exits 1 when a source failed
  eval --articles DIR --gold FILE [--watch FILE] [--orders N] [--json]
                                ingest the articles into a fresh in-memory database, extract,
                                project, and score against a gold file (fixtures/eval/README.md);
                                exits non-zero on unreadable input, not on low scores
  watch check FILE [--articles DIR] [--json]
                                validate a watch file (errors name the field; exit 2), print
                                warnings, and run it over a folder of articles (or the stored
                                documents): cue sentences with no claim by candidate speaker,
                                names never seen, topic groups never matched
  verify [--expect-head P:HASH] check the event log's hash chain and that positions are unique,
                                gapless and in commit order; exits 1 naming the first bad
                                position. --expect-head checks against a head recorded earlier
                                (from /health), which also catches events removed at the end.
  rebuild                       rebuild the stance projection from position 0 in one transaction
                                (readers see the old rows until it commits)
  replay --until P|TIME [--json]
                                rebuild the projection as it stood at a log position or time into
                                a scratch schema (rolled back afterwards) and print every watch's
                                stances as the service knew them then
  reextract                     run this build's extractor over every stored document and record
                                the difference (claims superseded, new claims) as events
  export [--until P|TIME] [--output FILE]
                                write the event log as NDJSON, one event per line with its hash
                                chain, to stdout or FILE; --until stops at a log position or an
                                ISO 8601 time (a bare date is that whole day, UTC). Progress goes
                                to stderr when it is a terminal.

configuration comes from the environment: DATABASE_URL, DATA_DIR, PORT, HOST, PUBLIC_BASE_URL,
ADMIN_TOKEN, LOG_LEVEL, FIXTURES_DIR, WATCHES_DIR, FEED_URLS, ALLOW_PRIVATE_SOURCES,
POLL_CONCURRENCY, FEED_ID_AUTHORITY, FEED_PAGE_SIZE, WEBHOOK_TIMEOUT_MS, WEBHOOK_RETRY_BASE_MS,
WEBHOOK_MAX_ATTEMPTS, ALLOW_PRIVATE_WEBHOOKS, INSTANCE_ID, ADMIN_RATE_LIMIT, SHUTDOWN_TIMEOUT_MS,
STREAM_MAX_PER_CLIENT, STREAM_MAX_TOTAL, STREAM_STALL_TIMEOUT_MS,
READ_REFRESH_MS, HEAP_GROWTH_PERCENT (see README.md).`;

type Command = (config: AppConfig, args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve(config) {
    const heapGrowth = heapGrowthFlag(config);
    if (heapGrowth) setFlagsFromString(heapGrowth); // V8 reads it at each full collection: set at start, it holds from then on
    const [{ Logger }, { createServer }] = await Promise.all([import('@nestjs/common'), import('./server.js')]);
    const app = await createServer(config);
    await (config.host === null ? app.listen(config.port) : app.listen(config.port, config.host));
    // The service's stdout is JSON lines: this one too goes through its logger.
    new Logger('Serve').log(`stance-monitor listening on ${config.publicBaseUrl} (database: ${config.databaseUrl ? 'postgres' : `pglite in ${config.dataDir}`})`);
    return new Promise<number>(() => undefined); // runs until a signal; Nest's shutdown hooks close cleanly
  },

  async migrate(config) {
    const [{ openDatabase }, { migrateToLatest }] = await Promise.all([import('./database/database.js'), import('./database/migrations.js')]);
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
    const { SourcesService } = await import('./sources/sources.service.js');
    return withApp(config, async (app) => {
      const sources = app.get(SourcesService);
      await sources.registerConfiguredSources();
      const reports = await sources.pollEverySource();
      for (const r of reports) {
        const counts = r.count
          ? `${r.count.ingested} new, ${r.count.revisions} revised, ${r.count.alreadyStored} already stored`
          : '';
        console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.sourceId} (${redactLocation(r.location)}): ${redactLocationsIn(r.status)}${counts ? `; ${counts}` : ''}`);
      }
      return reports.every((r) => r.ok) ? 0 : 1;
    });
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
    const { EvalInputError, formatEval, runEval } = await import('./eval/eval.runner.js');
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

  async watch(config, args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { articles: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals[0] !== 'check' || positionals.length !== 2) throw new UsageError('watch check needs one watch FILE');
    const { checkWatch, formatWatchCheck, WatchCheckInputError } = await import('./watches/watch-check.js');
    const result = await checkWatch(config, positionals[1]!, values.articles).catch((error: unknown) => {
      if (!(error instanceof WatchCheckInputError)) throw error;
      console.error(error.message);
      return null;
    });
    if (result === null) return 2;
    if (values.json) console.log(JSON.stringify(result));
    else if (result.error) console.error(formatWatchCheck(result));
    else console.log(formatWatchCheck(result));
    return result.error ? 2 : 0;
  },

  async verify(config, args) {
    const { values } = parseArgs({ args, options: { 'expect-head': { type: 'string' } } });
    const expectedHead = values['expect-head'] ? parseHead(values['expect-head']) : undefined;
    const { LogVerifier } = await import('./event-store/log-verifier.service.js');
    return withApp(config, async (app) => {
      const result = await app.get(LogVerifier).verify({ expectedHead });
      if (result.ok) {
        console.log(`log verified: ${result.eventsChecked} events, head ${result.headPosition}:${result.headHash}`);
        return 0;
      }
      const problem = result.problem!;
      console.error(`log verification FAILED at position ${problem.position} (${problem.kind}): ${problem.detail}`);
      console.error(`${result.eventsChecked} events before it are intact.`);
      return 1;
    });
  },

  async export(config, args) {
    const { values } = parseArgs({ args, options: { until: { type: 'string' }, output: { type: 'string' } } });
    const until = values.until === undefined ? undefined : parseUntilOption(values.until);
    const out = values.output ? await openOutput(values.output) : process.stdout;
    const [{ EventStoreRepository }, { exportLog }] = await Promise.all([
      import('./event-store/event-store.repository.js'),
      import('./event-store/log-export.js'),
    ]);
    return withApp(config, async (app) => {
      const repository = app.get(EventStoreRepository);
      // The end is fixed before the first line: the export is the log as it stood when it began,
      // even while a running service appends to it.
      const last = await lastPosition(repository, until);
      await exportLog(repository, out, { untilPosition: last, progress: createProgress({ label: 'export', total: last }) });
      await closeOutput(out);
      return 0;
    });
  },

  async rebuild(config) {
    const { StanceProjection } = await import('./stance/stance-projection.js');
    return withApp(config, async (app) => {
      const startedAt = Date.now();
      const result = await app.get(StanceProjection).rebuild({ progress: progressLine });
      console.log(`stance projection rebuilt up to log position ${result.position}: ${result.timelines} timelines in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      return 0;
    });
  },

  async replay(config, args) {
    const { values } = parseArgs({ args, options: { until: { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (values.until === undefined) throw new UsageError('replay needs --until <position|ISO-time>');
    const until = parseUntilOption(values.until);
    const [{ EventStoreRepository }, { StanceProjection }, { StanceQueries }] = await Promise.all([
      import('./event-store/event-store.repository.js'),
      import('./stance/stance-projection.js'),
      import('./stance/stance-queries.service.js'),
    ]);
    return withApp(config, async (app) => {
      const position = await lastPosition(app.get(EventStoreRepository), until);
      const queries = app.get(StanceQueries);
      const watches = await app.get(StanceProjection).replay(
        position,
        async (trx) => {
          const answers = [];
          for (const watch of queries.listWatches()) answers.push(await queries.stances(watch.id, {}, trx));
          return answers;
        },
        progressLine,
      );
      console.log(values.json ? JSON.stringify({ knownAtPosition: position, watches }) : formatReplay(position, watches));
      return 0;
    });
  },

  async reextract(config) {
    const [{ SubscriptionRunner }, { Reextraction }] = await Promise.all([
      import('./event-store/subscription-runner.js'),
      import('./extraction/reextraction.service.js'),
    ]);
    return withApp(config, async (app) => {
      // Documents ingested but not yet read by the extraction subscription get read first.
      await app.get(SubscriptionRunner).catchUp();
      const report = await app.get(Reextraction).run();
      console.log(
        `extractor ${report.version} over ${report.documents} documents: ${report.documentsChanged} changed, ` +
          `${report.superseded} claims superseded, ${report.recorded} new claims`,
      );
      await app.get(SubscriptionRunner).catchUp();
      return 0;
    });
  },
};

/** A Nest application context for a one-shot command (no HTTP, no scheduler), closed after. */
async function withApp<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const [{ NestFactory }, { AppModule }] = await Promise.all([import('@nestjs/core'), import('./app.module.js')]);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

function progressLine(label: string, total: number) {
  return createProgress({ label, total });
}

function formatReplay(position: number, watches: Awaited<ReturnType<StanceQueries['stances']>>[]): string {
  const lines = [`stances as known at log position ${position} (replayed from position 0 into a scratch schema):`];
  for (const watch of watches) {
    lines.push('', `${watch.watch}: ${watch.proposition}`);
    for (const s of watch.stances) {
      const since = s.since ? `since ${s.since.effectiveOn.from ?? '…'}..${s.since.effectiveOn.to}` : '';
      const quote = s.since ? ` "${truncate(s.since.claim.quote, 90)}"${s.since.claim.document ? ` (${s.since.claim.document.outlet})` : ''}` : '';
      lines.push(`  ${s.actor.padEnd(14)} ${(s.stance ?? '-').padEnd(8)} ${since}${quote}`.trimEnd());
    }
  }
  return lines.join('\n');
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The log position `--until` names (the head when absent or beyond it). */
async function lastPosition(repository: EventStoreRepository, until: Until | undefined): Promise<number> {
  const head = (await repository.head()).position;
  if (!until) return head;
  return Math.min(head, 'position' in until ? until.position : await repository.lastPositionRecordedBy(until.time));
}

function parseUntilOption(value: string): Until {
  try {
    return parseUntil(value);
  } catch (error) {
    throw new UsageError(`--until: ${(error as Error).message}`);
  }
}

async function openOutput(path: string): Promise<NodeJS.WritableStream> {
  try {
    return (await open(path, 'w')).createWriteStream();
  } catch (error) {
    throw new UsageError(`--output: cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Flushes what was written; closes a file, never stdout (the process still needs it). */
async function closeOutput(out: NodeJS.WritableStream): Promise<void> {
  if (out === process.stdout) {
    await new Promise<void>((resolve, reject) => process.stdout.write('', (error) => (error ? reject(error) : resolve())));
    return;
  }
  out.end();
  await finished(out);
}

function parseHead(value: string): ExpectedHead {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new UsageError(`--expect-head must be POSITION:SHA256HEX, got "${value}"`);
  return { position: Number(match[1]), hash: match[2]! };
}

class UsageError extends Error {}

/** eval works in memory; every other command opens DATA_DIR when there is no DATABASE_URL. */
function usesDataFolder(command: string): boolean {
  return command !== 'eval';
}

const ONE_PROCESS_PER_DATA_FOLDER = `The embedded database serves one process at a time. \`serve\` polls every source itself: no
\`ingest\` is needed beside it, and a feed is added through the running service
(POST /api/admin/sources). For migrate, rebuild, reextract, replay, verify or export, stop the
service first (SIGTERM lets it finish what it is doing), run the command, then start it again.
Several processes can share a Postgres server instead (DATABASE_URL).`;

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
  if (args.includes('--help')) {
    console.log(USAGE);
    return 0;
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
  if (!config.databaseUrl && usesDataFolder(name)) {
    try {
      const lock = await lockDataFolder(config.dataDir, `stance-monitor ${argv.join(' ')}`);
      process.on('exit', () => lock.release());
    } catch (error) {
      if (error instanceof DataFolderLockedError) {
        console.error(`${error.message}\n${ONE_PROCESS_PER_DATA_FOLDER}`);
        return 2;
      }
      throw error;
    }
  }
  try {
    return await command(config, args);
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

/** node:util's parseArgs rejects an unknown or malformed option with a coded TypeError: the user's words, not a fault. */
function isArgumentError(error: unknown): boolean {
  return error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`stance-monitor: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
