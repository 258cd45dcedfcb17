// The service's logger: Nest's LoggerService over pino, one JSON object per line on stdout with
// level, time, msg, the Nest context and, while a request is handled, its reqId.
import { inspect } from 'node:util';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/config.js';
import { pinoLevel } from './domain/log-level.js';
import { readNestLogCall } from './domain/nest-log-call.js';
import { currentRequestId } from './request-context.js';

export class JsonLogger implements LoggerService {
  private readonly pino: Logger;

  /**
   * Writes synchronously by default: Nest ends the process by re-raising SIGTERM after its
   * shutdown, which would drop lines still in an asynchronous buffer.
   */
  constructor(level: LogLevel, destination: DestinationStream = pino.destination({ dest: 1, sync: true })) {
    this.pino = pino(
      {
        level: pinoLevel(level),
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const reqId = currentRequestId();
          return reqId === undefined ? {} : { reqId };
        },
      },
      destination,
    );
  }

  isLevelEnabled(level: LogLevel | 'fatal'): boolean {
    return this.pino.isLevelEnabled(pinoLevel(level));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel | 'fatal', message: unknown, params: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    const pinoLevelName = pinoLevel(level);
    const { context, stack, fields } = readNestLogCall(params, level === 'error' || level === 'fatal');
    const line: Record<string, unknown> = { ...fields, context };
    if (message instanceof Error) {
      line.err = message;
      this.pino[pinoLevelName](line, message.message);
      return;
    }
    if (stack) line.stack = stack;
    this.pino[pinoLevelName](line, typeof message === 'string' ? message : inspect(message, { breakLength: Infinity }));
  }
}
