// On SIGTERM or SIGINT, Nest's shutdown hooks stop taking work and let what is in flight finish:
// HTTP requests, a source poll, webhook deliveries, a subscription batch. Two things they do not
// cover are here, for the service process only (one-shot commands keep the default signal
// handling):
// - keep-alive connections: Node's server.close() waits for a connection whose request is in
//   flight, and after the response keeps it open until keepAliveTimeout; closing each connection
//   as soon as it is idle lets the shutdown go on at once;
// - a deadline, for a receiver or a feed that never answers. What it cuts off is safe to lose: a
//   delivery not recorded stays pending and is sent again (same Idempotency-Key) by the next
//   leader, a transaction not committed rolls back, a poll not recorded is polled again.
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';

const IDLE_CHECK_MS = 100;

export function boundShutdownOnSignal(server: Server, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: finishing the work in flight (at most ${timeoutMs} ms, SHUTDOWN_TIMEOUT_MS)`);
      setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS).unref();
      setTimeout(() => {
        logger.error(`shutdown did not finish within ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS); exiting with work cut off`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
