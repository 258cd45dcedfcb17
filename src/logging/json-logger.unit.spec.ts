import { describe, expect, it } from '@jest/globals';
import type { LogLevel } from '../config/config.js';
import { pinoLevel } from './domain/log-level.js';
import { JsonLogger } from './json-logger.js';
import { runInRequest } from './request-context.js';

/** A logger at `level` and the JSON objects it wrote, one per line. */
function capture(level: LogLevel): { logger: JsonLogger; lines: () => Record<string, unknown>[] } {
  let text = '';
  const logger = new JsonLogger(level, { write: (chunk: string) => void (text += chunk) });
  return {
    logger,
    lines: () => {
      expect(text === '' || text.endsWith('\n')).toBe(true);
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

describe('LOG_LEVEL in pino terms', () => {
  it('maps Nest levels to pino levels', () => {
    expect(pinoLevel('error')).toBe('error');
    expect(pinoLevel('warn')).toBe('warn');
    expect(pinoLevel('log')).toBe('info');
    expect(pinoLevel('debug')).toBe('debug');
    expect(pinoLevel('verbose')).toBe('trace');
    expect(pinoLevel('fatal')).toBe('fatal');
  });

  it('writes the levels up to LOG_LEVEL and none above', () => {
    const written = (level: LogLevel) => {
      const { logger, lines } = capture(level);
      logger.fatal('f');
      logger.error('e');
      logger.warn('w');
      logger.log('l');
      logger.debug('d');
      logger.verbose('v');
      return lines().map((line) => line.level);
    };
    expect(written('error')).toEqual(['fatal', 'error']);
    expect(written('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(written('log')).toEqual(['fatal', 'error', 'warn', 'info']);
    expect(written('debug')).toEqual(['fatal', 'error', 'warn', 'info', 'debug']);
    expect(written('verbose')).toEqual(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);
  });
});

describe('the JSON logger', () => {
  it('writes level, time, msg and the context Nest passes last', () => {
    const { logger, lines } = capture('log');
    logger.log('polled 3 sources', 'SourcesScheduler');
    logger.log('no context');
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 'info', msg: 'polled 3 sources', context: 'SourcesScheduler' });
    expect(new Date(first!.time as string).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ msg: 'no context' });
    expect(second).not.toHaveProperty('context');
  });

  it('keeps an error’s stack apart from its context, as Nest passes them', () => {
    const { logger, lines } = capture('error');
    const stack = new Error('boom').stack!;
    logger.error('feed failed', stack, 'FeedsHttpHandler');
    logger.error('no stack', undefined, 'WebhookDispatcher'); // what new Logger(ctx).error(m) sends
    logger.error('only a context', 'SubscriptionRunner');
    logger.error('only a stack', stack);
    logger.error(new Error('thrown'), 'ExceptionsHandler');
    const [withStack, noStack, onlyContext, onlyStack, thrown] = lines();
    expect(withStack).toMatchObject({ level: 'error', msg: 'feed failed', context: 'FeedsHttpHandler', stack });
    expect(noStack).toMatchObject({ msg: 'no stack', context: 'WebhookDispatcher' });
    expect(noStack).not.toHaveProperty('stack');
    expect(onlyContext).toMatchObject({ msg: 'only a context', context: 'SubscriptionRunner' });
    expect(onlyStack).toMatchObject({ msg: 'only a stack', stack });
    expect(onlyStack).not.toHaveProperty('context');
    expect(thrown).toMatchObject({ msg: 'thrown', context: 'ExceptionsHandler', err: { message: 'thrown', stack: expect.stringContaining('thrown') } });
  });

  it('adds structured fields and, inside a request, its reqId', async () => {
    const { logger, lines } = capture('debug');
    logger.debug('GET / 200', { status: 200, bytes: 10 }, 'HTTP');
    await runInRequest('abc-123', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn('inside', 'StanceController');
    });
    logger.log({ not: 'a string' }, 'Odd');
    const [fields, inside, odd] = lines();
    expect(fields).toMatchObject({ msg: 'GET / 200', status: 200, bytes: 10, context: 'HTTP' });
    expect(fields).not.toHaveProperty('reqId');
    expect(inside).toMatchObject({ msg: 'inside', reqId: 'abc-123' });
    expect(odd).toMatchObject({ msg: "{ not: 'a string' }", context: 'Odd' });
  });
});
