// The event log as the rest of the service uses it: append, read, and a signal when something
// was appended in this process, so subscribers here need not wait for their next poll.
import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Tables } from '../database/schema.js';
import type { AppendOptions, AppendResult, NewEvent } from './domain/event.js';
import { EventStoreRepository, type Executor, type VersionedAppend } from './event-store.repository.js';

@Injectable()
export class EventStore {
  private readonly appended = new EventEmitter();

  constructor(readonly repository: EventStoreRepository) {
    this.appended.setMaxListeners(100);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
    executor?: Executor,
  ): Promise<AppendResult> {
    const result = await this.repository.append(streamId, events, options, executor);
    if (!result.duplicate) this.appended.emit('appended', result.positions.at(-1));
    return result;
  }

  /** Many streams at once, at versions read under the append lock (EventStoreRepository.appendAtVersions). */
  async appendAtVersions(trx: Transaction<Tables>, appends: readonly VersionedAppend[]): Promise<number[]> {
    const positions = await this.repository.appendAtVersions(trx, appends);
    if (positions.length) this.appended.emit('appended', positions.at(-1));
    return positions;
  }

  /**
   * Appends each batch to its stream after the stream's last event, in one statement under the
   * log's append lock, skipping a batch whose idempotency key the log has already seen (each of
   * its events carries the key, as `append` writes them). Returns, per batch, whether it was
   * appended. For a subscriber that writes many streams per batch: one round trip and the lock
   * held for one statement, not for the whole batch's work.
   */
  async appendOnce(trx: Transaction<Tables>, batches: readonly { streamId: string; idempotencyKey: string; events: readonly NewEvent[] }[]): Promise<boolean[]> {
    if (batches.length === 0) return [];
    await this.repository.lockAppends(trx);
    const known = await this.repository.knownIdempotencyKeys(batches.map((b) => b.idempotencyKey), trx);
    const versions = new Map<string, number>();
    for (const [streamId, event] of await this.repository.lastInStreams(batches.map((b) => b.streamId), trx)) versions.set(streamId, event.streamVersion);
    const appends: VersionedAppend[] = [];
    const appended = batches.map(({ streamId, idempotencyKey, events }) => {
      if (known.has(idempotencyKey)) return false;
      known.add(idempotencyKey);
      let version = versions.get(streamId) ?? 0;
      for (const event of events) appends.push({ streamId, streamVersion: ++version, event, idempotencyKey });
      versions.set(streamId, version);
      return true;
    });
    await this.appendAtVersions(trx, appends);
    return appended;
  }

  /** Calls back after each append in this process; returns the unsubscribe function. */
  onAppended(listener: (position: number) => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }
}
