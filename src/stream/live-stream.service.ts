// GET /api/stream: stance changes and new claims as Server-Sent Events, as the projection commits
// them. Each client has its own cursor (a log position): it is sent everything in (cursor,
// projected position], then waits for the projection to move on. Every event's id is its log
// position, and all events of one position go out in one write, so a client reconnecting with
// Last-Event-ID resumes exactly after the last position it received whole.
//
// Paced: a replay reads the log a page at a time and writes each position only once the socket
// took the one before ('drain'), so memory per stream is one page whatever the replay's length;
// a client that takes nothing for STREAM_STALL_TIMEOUT_MS is dropped (it reconnects with its
// Last-Event-ID); and open streams are capped per client address and in all (StreamSlots).
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { PublicLinks } from '../domain/public-links.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { alertPayload, claimPayload } from '../stance/domain/alerts.js';
import { STANCE_SUBSCRIPTION } from '../stance/stance-projection.js';
import { StanceRepository } from '../stance/stance.repository.js';
import { StanceUpdates } from '../stance/stance-updates.js';
import { WatchesService } from '../watches/watches.service.js';
import { formatEvent, type StreamEvent } from './domain/server-sent-events.js';
import { StreamSlots } from './domain/stream-slots.js';

/** Rows read per query while catching a client up: what a replay holds in memory at a time. */
const PAGE = 200;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export interface StreamFilter {
  watchId?: string;
  actorId?: string;
}

@Injectable()
export class LiveStream implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveStream.name);
  private readonly links: PublicLinks;
  private readonly closers = new Set<() => void>();
  private readonly slots: StreamSlots;
  private readonly stallTimeoutMs: number;

  constructor(
    private readonly stances: StanceRepository,
    private readonly events: EventStoreRepository,
    private readonly updates: StanceUpdates,
    private readonly watches: WatchesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new PublicLinks(config.publicBaseUrl);
    this.slots = new StreamSlots({ perClient: config.streamMaxPerClient, total: config.streamMaxTotal });
    this.stallTimeoutMs = config.streamStallTimeoutMs;
  }

  /**
   * Streams to `res` until the client goes away, stalls, or the service stops; or answers 429
   * (this address holds its share of streams) or 503 (the instance is full) with Retry-After.
   */
  async serve(req: Request, res: Response, after: number | null, filter: StreamFilter): Promise<void> {
    const slot = this.slots.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (!slot.admitted) {
      const body = JSON.stringify({ statusCode: slot.status, error: slot.status === 429 ? 'Too Many Requests' : 'Service Unavailable', message: slot.message });
      res.writeHead(slot.status, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(slot.retryAfterSeconds), 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
      return;
    }
    try {
      await this.stream(req, res, after, filter);
    } finally {
      slot.release();
    }
  }

  private async stream(req: Request, res: Response, after: number | null, filter: StreamFilter): Promise<void> {
    let cursor = after ?? (await this.projected());
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx would otherwise buffer the stream
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(`: stance monitor live stream, after log position ${cursor}\nretry: 3000\n\n`);

    let moved = true;
    let wake: () => void = () => undefined;
    let closed = false;
    const close = () => {
      closed = true;
      wake();
    };
    const unsubscribe = this.updates.subscribe(() => {
      moved = true;
      wake();
    });
    req.on('close', close);
    this.closers.add(close);
    try {
      while (!closed) {
        if (moved) {
          moved = false;
          cursor = await this.sendUpTo(res, cursor, await this.projected(), filter);
          continue;
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        if (timedOut && !closed) await this.write(res, ': keepalive\n\n');
      }
    } catch (error) {
      // The client reconnects with its Last-Event-ID and loses nothing.
      this.logger.warn(`live stream ended: ${(error as Error).message}`);
    } finally {
      unsubscribe();
      this.closers.delete(close);
      req.off('close', close);
      res.end();
    }
  }

  /** Sends every event in (after, head], a page at a time; returns the new cursor. */
  private async sendUpTo(res: Response, after: number, head: number, filter: StreamFilter): Promise<number> {
    while (after < head) {
      const alerts = await this.stances.alerts({ afterPosition: after, upToPosition: head, ...filter, limit: PAGE });
      const claims = await this.stances.claimsLogged(after, head, { ...filter, limit: PAGE });
      // A full page may end inside a position: stop before it, and read it whole next time.
      let until = head;
      if (claims.length === PAGE) until = Math.min(until, claims.at(-1)!.claim.position);
      if (alerts.length === PAGE) until = Math.min(until, alerts.at(-1)!.position - 1);
      if (until <= after) until = alerts.at(-1)!.position; // one position with more alerts than a page
      const events: StreamEvent[] = [
        ...claims
          .filter(({ claim }) => claim.position <= until)
          .map(({ claim, document }) => ({ event: 'claim.recorded', id: claim.position, data: claimPayload(claim, document, this.watches.actorName(claim.watchId, claim.actorId), this.links) })),
        ...alerts
          .filter((a) => a.position <= until)
          .map((a) => {
            const data = alertPayload(a, this.watches.actorName(a.watchId, a.actorId), this.links);
            return { event: data.type, id: a.position, data };
          }),
      ];
      // Claims before the changes they make, at one position; otherwise in log order.
      events.sort((a, b) => a.id - b.id || Number(a.event !== 'claim.recorded') - Number(b.event !== 'claim.recorded'));
      for (let i = 0; i < events.length; ) {
        let text = '';
        const position = events[i]!.id;
        for (; i < events.length && events[i]!.id === position; i++) text += formatEvent(events[i]!);
        await this.write(res, text);
      }
      after = until;
    }
    return after;
  }

  private projected(): Promise<number> {
    return this.events.checkpoint(STANCE_SUBSCRIPTION);
  }

  /** Ends every stream before the HTTP server closes: it waits for open connections to end. */
  beforeApplicationShutdown(): void {
    for (const close of [...this.closers]) close();
  }

  /**
   * Writes and waits for the socket to take it, so a slow client holds back only its own stream
   * and never more than one write is buffered for it. A client that takes nothing for the stall
   * timeout is dropped: waiting longer would only hold its slot and its page of events.
   */
  private write(res: Response, text: string): Promise<void> {
    if (res.destroyed) return Promise.reject(new Error('client went away'));
    if (res.write(text)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(stalled);
        res.off('drain', onDrain);
        res.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error('client went away'));
      const stalled = setTimeout(() => {
        res.destroy();
        done(new Error(`client read nothing for ${this.stallTimeoutMs} ms with its buffer full: dropped`));
      }, this.stallTimeoutMs);
      res.once('drain', onDrain);
      res.once('close', onClose);
    });
  }
}
