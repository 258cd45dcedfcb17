// Builds the Nest application; the CLI's `serve` and the e2e tests both start it from here.
import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { mountApiDocs } from './api-docs/api-docs.js';
import { boundShutdownOnSignal } from './common/graceful-shutdown.js';
import type { AppConfig } from './config/config.js';
import { SubscriptionRunner } from './event-store/subscription-runner.js';
import { FeedsHttpHandler } from './feeds/feeds-http.handler.js';
import { accessLogLevel, accessLogLine } from './logging/domain/access-log.js';
import { JsonLogger } from './logging/json-logger.js';
import { traceRequests } from './logging/request-tracing.js';
import { setSecurityHeaders } from './http-boundary/security-headers.js';
import { MetricsService } from './metrics/metrics.service.js';
import { SourcesScheduler } from './sources/sources.scheduler.js';
import { SourcesService } from './sources/sources.service.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { AnswerCache } from './stance/answer-cache.js';

export interface ServerOptions {
  /** Run subscribers and the scheduler (off for one-shot commands and some tests). */
  background?: boolean;
}

export async function createServer(config: AppConfig, options: ServerOptions = {}): Promise<INestApplication> {
  const background = options.background ?? true;
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { scheduler: background }), {
    logger,
    abortOnError: false,
  });
  app.disable('x-powered-by'); // says nothing a client needs, and tells an attacker what to try
  app.enableShutdownHooks();
  const server = app.getHttpServer() as Server;
  // An idle keep-alive connection is closed after 65 s, not Node's 5 s: a client or a load
  // balancer (60 s on the common ones) that reuses a connection just as the server closes it gets
  // a reset (seen under the long-history bench's mixed load). Headers may take a little longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  boundShutdownOnSignal(server, config.shutdownTimeoutMs);
  mountApiDocs(app);
  // Modules register their subscribers and load their watches in onModuleInit: that must have
  // happened before the runner starts (listen() would init the app only later).
  await app.init();
  const metrics = app.get(MetricsService);
  metrics.collectProcessMetrics();
  serveFeedsAheadOfExpress(app.getHttpServer() as Server, app.get(FeedsHttpHandler), app.get(AnswerCache), metrics, logger);
  await app.get(SourcesService).registerConfiguredSources();
  if (background) {
    app.get(SubscriptionRunner).start();
    app.get(WebhookDispatcher).start();
    void app.get(SourcesScheduler).tick(); // the first poll now, not one interval after start
  }
  return app;
}

/**
 * Puts the feed handler in front of Express's request listener (see FeedsHttpHandler for why),
 * answers what is already rendered (feeds, and AnswerCache's pages and stance answers) at once,
 * and all of it behind the request tracing: request ids, the access log and the HTTP metrics.
 */
function serveFeedsAheadOfExpress(server: Server, feeds: FeedsHttpHandler, answers: AnswerCache, metrics: MetricsService, logger: JsonLogger): void {
  const others = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(req, res);
    if (!feeds.handle(req, res)) for (const listener of others) listener.call(server, req, res);
  };
  server.on(
    'request',
    traceRequests(
      serve,
      (request) => {
        metrics.httpRequestFinished(request);
        // Checked first: on the feeds' hot path, building a line nobody reads costs measurably.
        const level = accessLogLevel(request);
        if (!logger.isLevelEnabled(level)) return;
        const { message, fields } = accessLogLine(request);
        logger[level](message, fields, 'HTTP');
      },
      (req, res, extraHeaders) => feeds.answerAtOnce(req, res, extraHeaders) || answers.answerAtOnce(req, res, extraHeaders),
    ),
  );
}
