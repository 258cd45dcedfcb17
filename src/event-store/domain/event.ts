// Events as plain types: what callers append and what readers get back.

export interface NewEvent<Data = unknown> {
  type: string;
  data: Data;
  /** causationId, correlationId, actor of a manual change, ... */
  metadata?: Record<string, unknown>;
  /** Generated when absent. */
  eventId?: string;
}

export interface StoredEvent<Data = unknown> {
  /** Global, gapless position in commit order, from 1. */
  position: number;
  streamId: string;
  /** Position within the stream, from 1. */
  streamVersion: number;
  eventId: string;
  type: string;
  data: Data;
  metadata: Record<string, unknown>;
  idempotencyKey: string | null;
  /** Transaction time: when the log recorded the event. Grows with position. */
  recordedAt: Date;
  hash: string;
}

/**
 * What the stream must look like for an append to go through:
 * `any` skips the check, `no_stream` requires a new stream, a number is the stream's current version.
 */
export type ExpectedVersion = number | 'any' | 'no_stream';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** The same key again returns the first append's positions and writes nothing. */
  idempotencyKey?: string;
}

export interface AppendResult {
  positions: number[];
  /** The stream's version after the append (for a duplicate: after the original append). */
  streamVersion: number;
  /** True when the idempotency key had been used: nothing was written. */
  duplicate: boolean;
}

export class StreamVersionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'StreamVersionConflictError';
  }
}

export function expectedVersionNumber(expected: ExpectedVersion | undefined): number | null {
  if (expected === undefined || expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) {
    throw new RangeError(`expectedVersion must be a whole number >= 0, 'any' or 'no_stream', got ${expected}`);
  }
  return expected;
}
