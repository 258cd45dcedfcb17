// Delivers the stance alerts of the outbox to the webhooks, at least once, in alert order per
// webhook (hence in order per actor). One loop, on the instance holding the `webhooks:dispatch`
// leader lock; all its state is in the tables (each webhook's cursor and pending delivery), so a
// restarted or new leader resumes where the last one stopped.
//
// Each webhook has its own worker, which takes one alert at a time: its pending delivery if it
// has one, else the next alert after its cursor that matches its filter. Workers of different
// webhooks run side by side, so a slow or failing receiver delays only itself.
//
// The loop wakes when the stance projection of this process commits (new alerts), once a second
// (alerts committed by another instance, subscriptions added elsewhere) and when the earliest
// retry is due.
import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { PublicLinks } from '../domain/public-links.js';
import { LeaderLockRepository, type LeaderLease } from '../event-store/leader-lock.repository.js';
import { SubscriptionRunner } from '../event-store/subscription-runner.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { BlockedAddressError, assertPublicIpLiteral, publicAddressLookup } from '../sources/http/address-guard.js';
import { alertPayload, type AlertRecord } from '../stance/domain/alerts.js';
import { STANCE_SUBSCRIPTION } from '../stance/stance-projection.js';
import { StanceRepository } from '../stance/stance.repository.js';
import { WatchesService } from '../watches/watches.service.js';
import type { RetryPolicy } from './domain/backoff.js';
import { afterAttempt, isDue, newDelivery, type AttemptOutcome } from './domain/delivery-state.js';
import { idempotencyKey, signatureOf } from './domain/signature.js';
import { deliveryState, WebhooksRepository, type WebhookRow } from './webhooks.repository.js';

export const DISPATCH_LEADER_LOCK = 'webhooks:dispatch';
const POLL_MS = 1_000;
export const DISPATCH_LEADER_RETRY_MS = 2_000;
/** The wait before a worker that hit an error (the database, most likely) tries again. */
const ERROR_RETRY_MS = 1_000;
/** A receiver's answer is read up to this much and discarded (a snippet goes into last_error). */
const RESPONSE_BODY_LIMIT = 4 * 1024;
export const WEBHOOK_USER_AGENT = 'stance-monitor/0.1 (+webhooks)';

/** What one step of a webhook's worker found. */
type Step =
  | { kind: 'progressed' }
  | { kind: 'waiting'; until: Date }
  | { kind: 'idle' }
  | { kind: 'stopped' };

@Injectable()
export class WebhookDispatcher implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly links: PublicLinks;
  private readonly policy: RetryPolicy;
  private agent: Agent | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private stopListening: () => void = () => undefined;

  /** Running workers, by webhook id: never two for one webhook, so its deliveries never overlap. */
  private readonly workers = new Map<string, Promise<void>>();
  /** When each waiting webhook's next attempt is due (epoch ms). */
  private readonly dueAt = new Map<string, number>();
  /** Counts wake-ups, so a worker that ends can tell whether something arrived while it ran. */
  private generation = 0;
  private woken = false;
  private sleeper: { until: number; timer: NodeJS.Timeout; wake: () => void } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
    private readonly stances: StanceRepository,
    private readonly watches: WatchesService,
    private readonly runner: SubscriptionRunner,
    private readonly leaderLocks: LeaderLockRepository,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.links = new PublicLinks(config.publicBaseUrl);
    this.policy = { baseMs: config.webhookRetryBaseMs, maxAttempts: config.webhookMaxAttempts };
  }

  /** Starts the dispatch loop (the service's background work; not for one-shot commands). */
  start(): void {
    if (this.loop || this.stopping) return;
    const timeout = this.config.webhookTimeoutMs;
    this.agent = new Agent({
      connect: { timeout, ...(this.config.allowPrivateWebhooks ? {} : { lookup: publicAddressLookup }) },
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    this.stopListening = this.runner.onCommitted((subscription) => {
      if (subscription === STANCE_SUBSCRIPTION) this.wake();
    });
    this.loop = this.run();
  }

  /** Look for work now: new alerts, a new subscription, a dead letter put back. */
  wake(): void {
    this.generation++;
    this.rouse();
  }

  /** Ends the loop's sleep (or the next one) without counting as news for the workers. */
  private rouse(): void {
    this.woken = true;
    this.sleeper?.wake();
  }

  private async run(): Promise<void> {
    let lease: LeaderLease | null = null;
    while (!this.stopping) {
      try {
        if (!lease?.held) lease = await this.leaderLocks.tryAcquire(DISPATCH_LEADER_LOCK);
        if (!lease) {
          await this.sleep(DISPATCH_LEADER_RETRY_MS);
          continue;
        }
        await this.startWorkers(lease);
        await this.sleep(this.untilNextDue());
      } catch (error) {
        this.logger.error(`webhook dispatch failed (retry in ${ERROR_RETRY_MS} ms): ${(error as Error).message}`);
        await this.sleep(ERROR_RETRY_MS);
      }
    }
    await Promise.allSettled([...this.workers.values()]);
    await lease?.release();
  }

  /** A worker for every enabled webhook that has none running. */
  private async startWorkers(lease: LeaderLease): Promise<void> {
    const hooks = await this.webhooks.enabled();
    const ids = new Set(hooks.map((hook) => hook.webhook_id));
    for (const id of this.dueAt.keys()) if (!ids.has(id)) this.dueAt.delete(id);
    for (const hook of hooks) {
      if (this.stopping || !lease.held) return;
      if (this.workers.has(hook.webhook_id)) continue;
      this.dueAt.delete(hook.webhook_id); // the worker says when it is due again
      this.workers.set(hook.webhook_id, this.work(hook.webhook_id, lease));
    }
  }

  /** Works through one webhook's alerts until it has none due. */
  private async work(webhookId: string, lease: LeaderLease): Promise<void> {
    const generation = this.generation;
    try {
      for (;;) {
        // Asked before each attempt: a POST cannot be rolled back, so a lost lock must stop it before it is sent.
        if (this.stopping || !(await lease.confirm())) return;
        const step = await this.step(webhookId);
        if (step.kind === 'progressed') continue;
        if (step.kind === 'waiting') this.waitFor(webhookId, step.until.getTime());
        else this.dueAt.delete(webhookId);
        return;
      }
    } catch (error) {
      if (!this.stopping) this.logger.error(`webhook ${webhookId}: dispatch failed (retry in ${ERROR_RETRY_MS} ms): ${(error as Error).message}`);
      this.waitFor(webhookId, Date.now() + ERROR_RETRY_MS);
    } finally {
      this.workers.delete(webhookId);
      // Alerts may have been committed after this worker last looked: a new round looks again.
      // (rouse, not wake: a worker's end is no news for the other workers, else they would keep
      // restarting each other.)
      if (generation !== this.generation && !this.stopping) this.rouse();
    }
  }

  /** One attempt, or the finding that there is nothing to attempt yet. */
  private async step(webhookId: string): Promise<Step> {
    const hook = await this.webhooks.find(webhookId);
    if (!hook || !hook.enabled) return { kind: 'stopped' };
    let delivery = await this.webhooks.nextPending(webhookId);
    let alert: AlertRecord | undefined;
    if (!delivery) {
      [alert] = await this.stances.alerts({
        afterAlertId: hook.cursor,
        watchId: hook.watch_id ?? undefined,
        actorId: hook.actor_id ?? undefined,
        limit: 1,
      });
      if (!alert) return { kind: 'idle' };
      delivery = await this.webhooks.startDelivery(webhookId, alert.alertId, newDelivery(new Date()));
      if (delivery.status !== 'pending') {
        // Settled rows move the cursor in their own transaction, so this is not expected; moving
        // the cursor past it is the repair that keeps the webhook from looping on it.
        this.logger.warn(`webhook ${webhookId}: alert ${alert.alertId} was already ${delivery.status} behind the cursor; moving on`);
        await this.webhooks.advanceCursor(webhookId, alert.alertId);
        return { kind: 'progressed' };
      }
    }
    const state = deliveryState(delivery);
    if (!isDue(state, new Date())) return { kind: 'waiting', until: state.nextAttemptAt };
    if (alert?.alertId !== delivery.alert_id) [alert] = await this.stances.alerts({ afterAlertId: delivery.alert_id - 1, limit: 1 });
    if (alert?.alertId !== delivery.alert_id) throw new Error(`alert ${delivery.alert_id} is missing from the outbox`);

    const attempt = state.attempts + 1;
    const outcome = await this.post(hook, alert, attempt);
    const transition = afterAttempt(state, outcome, this.policy, new Date());
    const recorded = await this.webhooks.recordAttempt(webhookId, alert.alertId, state.attempts, transition.state, transition.advanceCursor);
    if (recorded) this.metrics?.webhookAttemptRecorded(transition.state.status);
    if (recorded && transition.failure) {
      const { reason, retryInMs } = transition.failure;
      const what = `webhook ${webhookId} alert ${alert.alertId} attempt ${attempt}/${this.policy.maxAttempts} failed: ${reason}`;
      if (retryInMs === null) this.logger.error(`${what}; dead-lettered, the webhook goes on with the next alert`);
      else this.logger.warn(`${what}; retry in ${retryInMs} ms`);
    }
    return { kind: 'progressed' };
  }

  /** POSTs one alert; never throws: every outcome is recorded on the delivery. */
  private async post(hook: WebhookRow, alert: AlertRecord, attempt: number): Promise<AttemptOutcome> {
    const timeoutMs = this.config.webhookTimeoutMs;
    // Recomputed from the stored alert on each attempt: the payload is a function of the row.
    const payload = alertPayload(alert, this.watches.actorName(alert.watchId, alert.actorId), this.links);
    const body = JSON.stringify(payload);
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const target = new URL(hook.url);
      // An IP literal skips the guarded DNS lookup: check it here, at every attempt.
      if (!this.config.allowPrivateWebhooks) assertPublicIpLiteral(target);
      const response = await request(target, {
        method: 'POST',
        dispatcher: this.agent ?? undefined,
        signal: deadline,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': WEBHOOK_USER_AGENT,
          'idempotency-key': idempotencyKey(hook.webhook_id, alert.alertId),
          'x-stance-signature': signatureOf(hook.secret, body),
          'x-stance-event': payload.type,
          'x-stance-delivery-attempt': String(attempt),
        },
      });
      const bodySnippet = await readSnippet(response.body);
      return {
        kind: 'response',
        status: response.statusCode,
        retryAfter: header(response.headers, 'retry-after'),
        location: header(response.headers, 'location'),
        bodySnippet,
      };
    } catch (error) {
      const blocked = causes(error).find((cause): cause is BlockedAddressError => cause instanceof BlockedAddressError);
      if (blocked) {
        const { host, address, addressClass } = blocked;
        const what = host === address ? `${address} is a ${addressClass} address` : `${host} resolves to ${address}, a ${addressClass} address`;
        return { kind: 'blocked-address', message: `${what}; private-network webhooks are blocked (ALLOW_PRIVATE_WEBHOOKS is off)` };
      }
      if (deadline.aborted || causes(error).some((cause) => TIMEOUT_CODES.has(errorCode(cause)))) {
        return { kind: 'timeout', message: `no complete response within ${timeoutMs} ms` };
      }
      const cause = causes(error).at(-1)!;
      return { kind: 'network', message: cause.message || errorCode(cause) || 'the connection failed' };
    }
  }


  // ---- sleeping and waking ----

  private waitFor(webhookId: string, at: number): void {
    this.dueAt.set(webhookId, at);
    // The loop may be asleep until later than this: bring its wake-up forward.
    if (this.sleeper && at < this.sleeper.until) {
      const { wake } = this.sleeper;
      clearTimeout(this.sleeper.timer);
      this.sleeper = { until: at, wake, timer: setTimeout(wake, Math.max(0, at - Date.now())) };
    }
  }

  private untilNextDue(): number {
    const earliest = Math.min(...this.dueAt.values());
    return Math.max(0, Math.min(POLL_MS, earliest - Date.now()));
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(this.sleeper?.timer);
        this.sleeper = null;
        this.woken = false;
        resolve();
      };
      this.sleeper = { until: Date.now() + ms, wake, timer: setTimeout(wake, ms) };
    });
  }

  /**
   * From the signal on, no delivery starts. Those in flight finish (within the webhook deadline)
   * and are recorded, as the source scheduler lets its poll finish: every attempt a receiver saw
   * is counted. One cut off by the shutdown deadline stays pending, and is sent again.
   */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.stopListening();
    this.sleeper?.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.beforeApplicationShutdown(); // again, for callers that skip the first hook: it is idempotent
    await this.loop; // the workers have settled and the leader lock is released
    await this.agent?.close().catch(() => undefined);
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Reads up to RESPONSE_BODY_LIMIT bytes of a response and drops the rest (and the connection). */
async function readSnippet(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_BODY_LIMIT) {
        body.destroy();
        break;
      }
    }
  } catch {
    // The status decides the outcome; a body cut short changes nothing.
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && !chain.includes(current); current = current.cause) chain.push(current);
  return chain.length > 0 ? chain : [new Error(String(error))];
}

function errorCode(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}
