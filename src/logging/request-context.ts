// The request a piece of code runs for, carried across awaits (AsyncLocalStorage), so that any
// log line written while handling a request names it without being handed the id.
import { AsyncLocalStorage } from 'node:async_hooks';

const requests = new AsyncLocalStorage<string>();

export function runInRequest<T>(requestId: string, work: () => T): T {
  return requests.run(requestId, work);
}

/** The id of the request being handled, or undefined outside one (start, background jobs). */
export function currentRequestId(): string | undefined {
  return requests.getStore();
}
