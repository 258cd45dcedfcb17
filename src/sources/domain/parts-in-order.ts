// A large feed's documents come from the parse worker in parts; they are stored in feed order,
// and parts that arrive while one is being stored are stored together: fewer, larger
// transactions once the parser runs ahead of the inserts. Pure (the store is a function).
import type { UnlinkedDocument } from './article-document.js';

/** What storing some documents did (DocumentIngestion's result, in the shape this needs). */
export interface StoredCount {
  count: { ingested: number; revisions: number; alreadyStored: number };
  rejected: unknown[];
}

/**
 * Stores the parts of one feed in the order they come, one batch at a time: whatever arrived while
 * a batch was being stored goes into the next. A failure stops it; the parts after are not stored.
 */
export class PartsInOrder<R extends StoredCount = StoredCount> {
  private readonly waiting: UnlinkedDocument[][] = [];
  private sofar = { count: { ingested: 0, revisions: 0, alreadyStored: 0 }, rejected: [] as R['rejected'] };
  private storing: Promise<void> = Promise.resolve();
  private running = false;
  private failure: { error: unknown } | null = null;

  constructor(private readonly store: (documents: UnlinkedDocument[]) => Promise<R>) {}

  add(documents: UnlinkedDocument[]): void {
    this.waiting.push(documents);
    if (this.running || this.failure) return;
    this.running = true;
    this.storing = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0 && !this.failure) {
        const stored = await this.store(this.waiting.splice(0).flat());
        this.sofar = {
          count: {
            ingested: this.sofar.count.ingested + stored.count.ingested,
            revisions: this.sofar.count.revisions + stored.count.revisions,
            alreadyStored: this.sofar.count.alreadyStored + stored.count.alreadyStored,
          },
          rejected: [...this.sofar.rejected, ...stored.rejected],
        };
      }
    } catch (error) {
      this.failure = { error };
      this.waiting.length = 0;
    } finally {
      this.running = false;
    }
  }

  /** Waits for the writes under way, whatever their outcome. */
  async settled(): Promise<void> {
    while (this.running) await this.storing;
  }

  /** What was stored, once every part is; the first failure if one was. */
  async result(): Promise<Pick<R, 'count' | 'rejected'>> {
    await this.settled();
    if (this.failure) throw this.failure.error;
    return this.sofar;
  }
}
