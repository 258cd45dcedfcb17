// The service's LOG_LEVEL names are Nest's; the JSON lines carry pino's level names.
import type { LogLevel } from '../../config/config.js';

export type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** The pino level of a Nest level: `log` is pino's `info`, `verbose` its `trace`. */
const PINO_LEVEL_OF: Record<LogLevel | 'fatal', PinoLevel> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

export function pinoLevel(level: LogLevel | 'fatal'): PinoLevel {
  return PINO_LEVEL_OF[level];
}
