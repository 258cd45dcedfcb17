// The buckets of the admin API's rate limit (ADMIN_RATE_LIMIT), one per client address, in this
// process's memory: each instance counts the requests it receives.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { admit, fullBucket, isFull, type Bucket, type RateLimit } from './domain/rate-limit.js';

@Injectable()
export class AdminRateLimiter {
  private readonly rate: RateLimit;
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = Date.now();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.rate = config.adminRateLimit;
  }

  /** Counts one request of `client`: null when it may go ahead, else the ms until it may retry. */
  take(client: string, now = Date.now()): number | null {
    this.sweep(now);
    const admission = admit(this.buckets.get(client) ?? fullBucket(now), this.rate, now);
    if (!admission.admitted) return admission.retryAfterMs;
    this.buckets.set(client, admission.bucket);
    return null;
  }

  /** Forgets the clients whose buckets have refilled, at most once a window: memory stays bounded by the clients of one window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.rate.windowMs) return;
    this.lastSweep = now;
    for (const [client, bucket] of this.buckets) if (isFull(bucket, now)) this.buckets.delete(client);
  }
}
