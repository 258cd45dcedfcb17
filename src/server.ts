// Builds the Nest application; the CLI's `serve` and the e2e tests both start it from here.
import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, LogLevel as NestLogLevel } from '@nestjs/common';
import { AppModule } from './app.module.js';
import type { AppConfig, LogLevel } from './config/config.js';
import { SubscriptionRunner } from './event-store/subscription-runner.js';
import { FeedsHttpHandler } from './feeds/feeds-http.handler.js';
import { SourcesScheduler } from './sources/sources.scheduler.js';
import { SourcesService } from './sources/sources.service.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

const LEVELS_UP_TO: Record<LogLevel, NestLogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export interface ServerOptions {
  /** Run subscribers and the scheduler (off for one-shot commands and some tests). */
  background?: boolean;
}

export async function createServer(config: AppConfig, options: ServerOptions = {}): Promise<INestApplication> {
  const background = options.background ?? true;
  const app = await NestFactory.create(AppModule.forRoot(config, { scheduler: background }), {
    logger: LEVELS_UP_TO[config.logLevel],
    abortOnError: false,
  });
  app.enableShutdownHooks();
  // Modules register their subscribers and load their watches in onModuleInit: that must have
  // happened before the runner starts (listen() would init the app only later).
  await app.init();
  serveFeedsAheadOfExpress(app.getHttpServer() as Server, app.get(FeedsHttpHandler));
  await app.get(SourcesService).registerConfiguredSources();
  if (background) {
    app.get(SubscriptionRunner).start();
    app.get(WebhookDispatcher).start();
    void app.get(SourcesScheduler).tick(); // the first poll now, not one interval after start
  }
  return app;
}

/** Puts the feed handler in front of Express's request listener (see FeedsHttpHandler for why). */
function serveFeedsAheadOfExpress(server: Server, feeds: FeedsHttpHandler): void {
  const others = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!feeds.handle(req, res)) for (const listener of others) listener.call(server, req, res);
  });
}
