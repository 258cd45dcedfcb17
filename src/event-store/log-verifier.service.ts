// `verify`: walks the whole log in pages, recomputing the hash chain outside the database.
import { Injectable } from '@nestjs/common';
import { ChainVerifier, type ChainProblem } from './domain/event-hash.js';
import { EventStoreRepository } from './event-store.repository.js';

export interface VerificationResult {
  ok: boolean;
  eventsChecked: number;
  headPosition: number;
  headHash: string;
  problem: ChainProblem | null;
}

/** A head recorded earlier (from /health, an export, a feed): the log must still contain it. */
export interface ExpectedHead {
  position: number;
  hash: string;
}

const PAGE_SIZE = 5_000;

@Injectable()
export class LogVerifier {
  constructor(private readonly repository: EventStoreRepository) {}

  async verify(options: { expectedHead?: ExpectedHead } = {}): Promise<VerificationResult> {
    const verifier = new ChainVerifier();
    let after = 0;
    let afterEventId = '00000000-0000-0000-0000-000000000000';
    let anchorSeen = false;
    for (;;) {
      const rows = await this.repository.readChainRows(after, PAGE_SIZE, afterEventId);
      if (rows.length === 0) break;
      for (const [i, row] of rows.entries()) {
        const problem = verifier.check(row, rows[i + 1]);
        if (problem) return this.result(verifier, problem);
        if (options.expectedHead && row.position === options.expectedHead.position) {
          anchorSeen = true;
          if (row.hash !== options.expectedHead.hash) {
            return this.result(verifier, {
              position: row.position,
              kind: 'content-changed',
              detail: `hash differs from the recorded head ${options.expectedHead.hash.slice(0, 12)}…: the log was rewritten up to here`,
            });
          }
        }
      }
      after = rows[rows.length - 1]!.position;
      afterEventId = rows[rows.length - 1]!.eventId;
    }
    if (options.expectedHead && !anchorSeen) {
      // Events at the end were removed (the chain up to the new end is intact, so only an
      // anchor recorded outside the database can show it).
      return this.result(verifier, {
        position: options.expectedHead.position,
        kind: 'missing-events',
        detail: `the recorded head at position ${options.expectedHead.position} is gone: the log ends at ${after}`,
      });
    }
    return this.result(verifier, null);
  }

  private result(verifier: ChainVerifier, problem: ChainProblem | null): VerificationResult {
    return {
      ok: problem === null,
      eventsChecked: verifier.eventsChecked,
      headPosition: verifier.eventsChecked,
      headHash: verifier.headHash,
      problem,
    };
  }
}
