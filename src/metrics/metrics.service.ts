// The service's Prometheus metrics, in a registry of this application's own (never prom-client's
// global one: tests start several applications in one process). Counters count what this
// instance did: when several instances share a database, Prometheus sums them. Gauges read from
// the database describe the whole deployment, whichever instance is scraped.
//
// The services that count take it as an optional dependency: tests that wire them by hand leave
// it out.
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ClaimRecorded } from '../domain/vocabulary.js';
import { SubscriptionRunner } from '../event-store/subscription-runner.js';
import type { FinishedRequest } from '../logging/domain/access-log.js';
import type { StanceAlert } from '../stance/domain/alerts.js';
import type { DeliveryStatus } from '../webhooks/domain/delivery-state.js';
import { methodLabel, routeTemplate } from './domain/http-route.js';
import { MetricsRepository } from './metrics.repository.js';

const PREFIX = 'stance_monitor_';
const THIS_INSTANCE = 'Counts this instance only (sum over instances).';
const WHOLE_DEPLOYMENT = 'Read from the database at scrape time: the same on every instance.';

/** What a recorded webhook attempt did, by the delivery's status after it. */
const ATTEMPT_OUTCOME: Record<DeliveryStatus, string> = { delivered: 'delivered', pending: 'failed', dead: 'dead' };

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  private readonly documents = new Counter({
    name: `${PREFIX}documents_ingested_total`,
    help: `Documents appended to the log (DocumentIngested events: new articles and revisions). ${THIS_INSTANCE}`,
    registers: [this.registry],
  });
  private readonly claims = new Counter({
    name: `${PREFIX}claims_recorded_total`,
    help: `Claims appended to the log (ClaimRecorded events), by origin. ${THIS_INSTANCE}`,
    labelNames: ['origin'],
    registers: [this.registry],
  });
  private readonly announced = new Counter({
    name: `${PREFIX}stance_changes_announced_total`,
    help: `Stance alerts the projection appended to the outbox, by kind (changed, withdrawn). ${THIS_INSTANCE}`,
    labelNames: ['kind'],
    registers: [this.registry],
  });
  private readonly polls = new Counter({
    name: `${PREFIX}source_polls_total`,
    help: `Polls of a source, by source kind (feed, fixture-folder). ${THIS_INSTANCE}`,
    labelNames: ['kind'],
    registers: [this.registry],
  });
  private readonly pollFailures = new Counter({
    name: `${PREFIX}source_failures_total`,
    help: `Polls of a source that failed, by source kind and reason (timeout, http-status, malformed...). ${THIS_INSTANCE}`,
    labelNames: ['kind', 'reason'],
    registers: [this.registry],
  });
  private readonly webhookAttempts = new Counter({
    name: `${PREFIX}webhook_delivery_attempts_total`,
    help: `Webhook delivery attempts, by outcome: delivered, failed (to be retried), dead (the last attempt failed). ${THIS_INSTANCE}`,
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: `Time from a request's arrival to the end of its response (for /api/stream: how long the stream was open), by method, route template and status ("none" when the connection closed before a response). ${THIS_INSTANCE}`,
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly httpSeries = new Map<string, { observe(seconds: number): void }>();
  private readonly lagEvents = new Gauge({
    name: `${PREFIX}projection_lag_events`,
    help: `Events of the types a subscription reads that it has not handled yet, by subscription. ${WHOLE_DEPLOYMENT}`,
    labelNames: ['subscription'],
    registers: [this.registry],
  });
  private readonly lagSeconds = new Gauge({
    name: `${PREFIX}projection_lag_seconds`,
    help: `Age of the oldest event a subscription has not handled yet (0 when caught up), by subscription. ${WHOLE_DEPLOYMENT}`,
    labelNames: ['subscription'],
    registers: [this.registry],
  });

  constructor(
    private readonly repository: MetricsRepository,
    private readonly runner: SubscriptionRunner,
  ) {
    // Every outcome shows from the start, at 0, rather than appearing with its first occurrence.
    for (const kind of ['changed', 'withdrawn'] satisfies StanceAlert['kind'][]) this.announced.inc({ kind }, 0);
    for (const outcome of new Set(Object.values(ATTEMPT_OUTCOME))) this.webhookAttempts.inc({ outcome }, 0);
  }

  /** Adds Node's process metrics (CPU, memory, event loop, GC): for the service, not one-shot commands. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  documentsIngested(count: number): void {
    this.documents.inc(count);
  }

  claimsRecorded(claims: readonly Pick<ClaimRecorded, 'data'>[]): void {
    for (const claim of claims) this.claims.inc({ origin: claim.data.origin });
  }

  stanceChangesAnnounced(alerts: readonly Pick<StanceAlert, 'kind'>[]): void {
    for (const alert of alerts) this.announced.inc({ kind: alert.kind });
  }

  sourcePolled(kind: string): void {
    this.polls.inc({ kind });
  }

  sourceFailed(kind: string, reason: string): void {
    this.pollFailures.inc({ kind, reason });
  }

  webhookAttemptRecorded(statusAfter: DeliveryStatus): void {
    this.webhookAttempts.inc({ outcome: ATTEMPT_OUTCOME[statusAfter] });
  }

  httpRequestFinished(request: FinishedRequest): void {
    const method = methodLabel(request.method);
    const route = routeTemplate(request.path);
    const status = request.status === null ? 'none' : String(request.status);
    // prom-client hashes a label object on every observe; the series are few (bounded labels), so
    // each one's child is looked up once and kept.
    const series = `${method} ${route} ${status}`;
    let child = this.httpSeries.get(series);
    if (!child) {
      child = this.httpDuration.labels(method, route, status);
      this.httpSeries.set(series, child);
    }
    child.observe(request.durationMs / 1000);
  }

  /** The Prometheus text exposition, with the database gauges read now. */
  async exposition(): Promise<string> {
    const lags = await Promise.all(
      this.runner.registered().map(async ({ subscriptionName, eventTypes }) => ({
        subscription: subscriptionName,
        lag: await this.repository.projectionLag(subscriptionName, eventTypes),
      })),
    );
    // Set after every query has answered, so two scrapes at once cannot mix their readings.
    this.lagEvents.reset();
    this.lagSeconds.reset();
    for (const { subscription, lag } of lags) {
      this.lagEvents.set({ subscription }, lag.events);
      this.lagSeconds.set({ subscription }, lag.seconds);
    }
    return this.registry.metrics();
  }
}
