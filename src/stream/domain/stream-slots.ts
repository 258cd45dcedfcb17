// How many live streams may be open: at most `perClient` per client address and `total` in all
// (STREAM_MAX_PER_CLIENT, STREAM_MAX_TOTAL). A stream holds a socket, a cursor and a replay for
// as long as it is open; without a cap, three hundred `?since=0` replays starved /health for 15 s.
// Pure: the service counts, this decides.

export interface StreamLimits {
  perClient: number;
  total: number;
}

export type StreamAdmission =
  | { admitted: true; release: () => void }
  | { admitted: false; status: 429 | 503; message: string; retryAfterSeconds: number };

/** A client at its own cap waits longer than one that only met a full service, which frees up as anyone leaves. */
const RETRY_AFTER_SECONDS = { perClient: 30, total: 10 } as const;

export class StreamSlots {
  private readonly perClient = new Map<string, number>();
  private open = 0;

  constructor(private readonly limits: StreamLimits) {}

  /** Takes a slot for `client`, or says why not. `release` gives it back (once, however often called). */
  take(client: string): StreamAdmission {
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) {
      return {
        admitted: false,
        status: 429,
        retryAfterSeconds: RETRY_AFTER_SECONDS.perClient,
        message: `this address already has ${mine} live streams open (STREAM_MAX_PER_CLIENT is ${this.limits.perClient}); close one or retry later`,
      };
    }
    if (this.open >= this.limits.total) {
      return {
        admitted: false,
        status: 503,
        retryAfterSeconds: RETRY_AFTER_SECONDS.total,
        message: `the service has ${this.open} live streams open, its limit (STREAM_MAX_TOTAL); retry shortly`,
      };
    }
    this.perClient.set(client, mine + 1);
    this.open++;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.open--;
        const left = (this.perClient.get(client) ?? 1) - 1;
        if (left > 0) this.perClient.set(client, left);
        else this.perClient.delete(client);
      },
    };
  }

  /** Streams open now, in all. */
  get size(): number {
    return this.open;
  }
}
