// Analysts' corrections, recorded as events (never edits): a rejected claim drops out of the
// stance with its reason and who; an analyst's claim counts like an extracted one.
import { Injectable, Optional } from '@nestjs/common';
import type { ClaimRejected } from '../domain/vocabulary.js';
import { EventStore } from '../event-store/event-store.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { WatchesService } from '../watches/watches.service.js';
import { analystClaim, ClaimInputError, rejectionOf } from './domain/analyst-claim.js';
import { StanceRepository } from './stance.repository.js';

export class UnknownClaimError extends Error {}

export interface CorrectionResult {
  claimId: string;
  /** Log position of the event (of the first one, for a repeated request). */
  position: number;
  /** True when the same correction had been recorded before: nothing new was written. */
  duplicate: boolean;
}

@Injectable()
export class ClaimCorrections {
  constructor(
    private readonly events: EventStore,
    private readonly stances: StanceRepository,
    private readonly watches: WatchesService,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async reject(claimId: string, body: unknown): Promise<CorrectionResult> {
    const { reason, analyst } = rejectionOf(body);
    // The projection knows every claim it has read; one logged a moment ago may not be there yet.
    if (!(await this.stances.claims([claimId])).has(claimId)) {
      throw new UnknownClaimError(`no claim "${claimId}" (a claim recorded in the last moments may not be projected yet)`);
    }
    const event: ClaimRejected = { type: 'ClaimRejected', data: { claimId, reason, by: `analyst:${analyst}` } };
    // One rejection per claim: a repeated request returns the first one's position.
    const result = await this.events.append(`corrections:${claimId}`, [{ ...event, metadata: { analyst } }], {
      idempotencyKey: `reject:${claimId}`,
    });
    return { claimId, position: result.positions[0]!, duplicate: result.duplicate };
  }

  async record(body: unknown, now = new Date()): Promise<CorrectionResult> {
    const watchId = (body as { watch?: unknown } | null)?.watch;
    if (typeof watchId !== 'string') throw new ClaimInputError('watch is required');
    const watch = this.watches.find(watchId);
    if (!watch) throw new ClaimInputError(`no watch "${watchId}"`);
    const event = analystClaim(body, watch, now);
    const { claimId } = event.data;
    const result = await this.events.append(`analyst-claims:${claimId}`, [{ ...event, metadata: { analyst: event.data.recordedBy } }], {
      idempotencyKey: `analyst-claim:${claimId}`,
    });
    if (!result.duplicate) this.metrics?.claimsRecorded([event]);
    return { claimId, position: result.positions[0]!, duplicate: result.duplicate };
  }
}
