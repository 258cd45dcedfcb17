// The text/event-stream wire format (HTML Living Standard, "Server-sent events"), and how a
// reconnecting client says where it stopped. Pure.

export interface StreamEvent {
  /** Event name: what `addEventListener` listens for. */
  event: string;
  /** The log position: a client that reconnects with it as Last-Event-ID misses nothing. */
  id: number;
  data: unknown;
}

/** One event as a block of fields. JSON has no raw newlines, so `data` is one line. */
export function formatEvent({ event, id, data }: StreamEvent): string {
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class StreamRequestError extends Error {}

/**
 * Where a stream starts: after the `Last-Event-ID` header's position (a reconnect), else after
 * `?since=` (a client that keeps its own place; 0 replays everything), else null: from now on.
 */
export function resumePosition(lastEventId: string | undefined, since: unknown): number | null {
  for (const [name, value] of [['Last-Event-ID', lastEventId], ['since', since]] as const) {
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(value.trim())) {
      throw new StreamRequestError(`${name} must be a log position (a whole number), got ${JSON.stringify(value)}`);
    }
    return Number(value.trim());
  }
  return null;
}
