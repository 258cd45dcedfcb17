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

  /** Calls back after each append in this process; returns the unsubscribe function. */
  onAppended(listener: (position: number) => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }
}
