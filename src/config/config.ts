// Configuration is read and validated once, at start. A bad value stops the process with a
// message naming the variable, rather than failing later in some request.
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRateLimit, RateLimitSyntaxError, type RateLimit } from '../admin/domain/rate-limit.js';
import { packageRoot } from '../common/package-root.js';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface AppConfig {
  /** Postgres server URL; null means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  /** The address to listen on; null: every interface (IPv6 and IPv4). */
  host: string | null;
  publicBaseUrl: string;
  /** Bearer token for the admin API; null disables the admin API (every admin call is 401). */
  adminToken: string | null;
  logLevel: LogLevel;
  /** Folder of fixture articles ingested at start; null turns the fixture source off. */
  fixturesDir: string | null;
  /** Folder of watch files (`<id>.yaml`), or one watch file; language packs are in `languages/` beside the folder. */
  watchesDir: string;
  /** Feed URLs from configuration (more can be added through the admin API). */
  feedUrls: string[];
  /** Lets feed URLs reach private and loopback addresses (tests, intranets). */
  allowPrivateSources: boolean;
  /** How many feeds are polled at once. */
  pollConcurrency: number;
  /**
   * The tagging entity of every feed id (`tag:<authority>:...`, RFC 4151), e.g.
   * `news.example.org,2026`. Ids must never change: set it once, before the first reader subscribes.
   */
  feedIdAuthority: string;
  /** Entries per feed document; older ones are on RFC 5005 archive pages. */
  feedPageSize: number;
  /** Deadline for one webhook delivery (connect, send, response). */
  webhookTimeoutMs: number;
  /** The first retry of a failed delivery waits this long; each next one twice as long. */
  webhookRetryBaseMs: number;
  /** Attempts before a delivery is dead-lettered. */
  webhookMaxAttempts: number;
  /** Lets webhook URLs reach private and loopback addresses (tests, intranets). */
  allowPrivateWebhooks: boolean;
  /** Names this process among the instances sharing one database (in /health and its logs). */
  instanceId: string;
  /** Requests per client address to /api/admin/*, per instance (a token bucket). */
  adminRateLimit: RateLimit;
  /** After a SIGTERM or SIGINT, the process exits after this long even if work is still in flight. */
  shutdownTimeoutMs: number;
  /** Live streams (`/api/stream`) open at once per client address, and in all, on this instance. */
  streamMaxPerClient: number;
  streamMaxTotal: number;
  /** A live stream whose client takes nothing for this long, its buffer full, is dropped. */
  streamStallTimeoutMs: number;
  /**
   * While the projection keeps moving, cached pages, answers and feeds are renewed at most this
   * often (a move after a quiet spell renews them at once); 0: on every move.
   */
  readRefreshMs: number;
  /**
   * How far V8 lets the heap grow past what the last full collection kept, in percent (0: V8's
   * own heuristics). See heapGrowthFlag.
   */
  heapGrowthPercent: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** An IP address or a host name (RFC 1123 labels): what listen() accepts. */
function parseHost(env: Env, name: string): string | null {
  const raw = optional(env, name);
  if (raw === undefined) return null;
  if (isIP(raw) === 0 && !/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(raw)) {
    throw new ConfigError(name, `must be an IP address or a host name (127.0.0.1, ::1, localhost), got "${raw}"`);
  }
  return raw;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function parseCount(env: Env, name: string, fallback: number, max: number, min = 1): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${url.protocol}"`);
  }
  return raw;
}

function rateLimitOf(env: Env, name: string, fallback: string): RateLimit {
  try {
    return parseRateLimit(optional(env, name) ?? fallback);
  } catch (error) {
    if (error instanceof RateLimitSyntaxError) throw new ConfigError(name, error.message);
    throw error;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = parseUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']) ?? null;
  const port = parsePort(env, 'PORT', 3000);
  const publicBaseUrl = (
    parseUrl(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`
  ).replace(/\/+$/, '');

  const adminToken = optional(env, 'ADMIN_TOKEN') ?? null;
  if (adminToken !== null && adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN', 'must be at least 16 characters long');
  }

  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const feedUrls = (optional(env, 'FEED_URLS') ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((url, i) => {
      if (!/^https?:\/\//i.test(url)) throw new ConfigError('FEED_URLS', `entry ${i + 1} must be an http(s) URL, got "${url}"`);
      try {
        return new URL(url).toString();
      } catch {
        throw new ConfigError('FEED_URLS', `entry ${i + 1} must be an http(s) URL, got "${url}"`);
      }
    });
  const fixturesDir = optional(env, 'FIXTURES_DIR');

  // RFC 4151: a DNS name or an e-mail address, a comma, and a date on which its owner held it.
  const feedIdAuthority = optional(env, 'FEED_ID_AUTHORITY') ?? `${new URL(publicBaseUrl).hostname},2026`;
  if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*|[^@\s,:]+@[a-z0-9-]+(\.[a-z0-9-]+)*),\d{4}(-\d{2}(-\d{2})?)?$/i.test(feedIdAuthority)) {
    throw new ConfigError('FEED_ID_AUTHORITY', `must be "<domain or e-mail>,<YYYY[-MM[-DD]]>" (RFC 4151), got "${feedIdAuthority}"`);
  }

  return {
    databaseUrl,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? './data'),
    port,
    host: parseHost(env, 'HOST'),
    publicBaseUrl,
    adminToken,
    logLevel,
    fixturesDir: fixturesDir === 'off' ? null : resolve(fixturesDir ?? join(packageRoot(), 'fixtures/articles')),
    watchesDir: resolve(optional(env, 'WATCHES_DIR') ?? join(packageRoot(), 'fixtures/watches')),
    feedUrls,
    allowPrivateSources: parseBoolean(env, 'ALLOW_PRIVATE_SOURCES', false),
    pollConcurrency: parseCount(env, 'POLL_CONCURRENCY', 4, 64),
    feedIdAuthority: feedIdAuthority.toLowerCase(),
    feedPageSize: parseCount(env, 'FEED_PAGE_SIZE', 50, 1000),
    webhookTimeoutMs: parseCount(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 300_000),
    webhookRetryBaseMs: parseCount(env, 'WEBHOOK_RETRY_BASE_MS', 1_000, 3_600_000),
    webhookMaxAttempts: parseCount(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 100),
    allowPrivateWebhooks: parseBoolean(env, 'ALLOW_PRIVATE_WEBHOOKS', false),
    // The pid tells apart instances on one host; in a container (pid 1) the hostname does.
    instanceId: optional(env, 'INSTANCE_ID') ?? `${hostname()}-${process.pid}`,
    adminRateLimit: rateLimitOf(env, 'ADMIN_RATE_LIMIT', '600/minute'),
    shutdownTimeoutMs: parseCount(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 600_000),
    streamMaxPerClient: parseCount(env, 'STREAM_MAX_PER_CLIENT', 8, 10_000),
    streamMaxTotal: parseCount(env, 'STREAM_MAX_TOTAL', 1000, 100_000),
    streamStallTimeoutMs: parseCount(env, 'STREAM_STALL_TIMEOUT_MS', 30_000, 600_000),
    readRefreshMs: parseCount(env, 'READ_REFRESH_MS', 1_000, 60_000, 0),
    heapGrowthPercent: parseCount(env, 'HEAP_GROWTH_PERCENT', 10, 400, 0),
  };
}

/**
 * The V8 flag that `serve` sets from HEAP_GROWTH_PERCENT, or null to leave V8's heuristics. Under
 * a steady churn of short-lived objects (renders, parsed feeds, extraction) V8 grows the heap up
 * to four times what survives, so the service sat on 300-400 MB of garbage it had no reason to
 * collect (the long-history bench's mixed load); at 10 % it collects more often and stays within
 * 100 MB of where it started, for a p99 no worse under that load.
 */
export function heapGrowthFlag(config: Pick<AppConfig, 'heapGrowthPercent'>): string | null {
  return config.heapGrowthPercent > 0 ? `--heap-growing-percent=${config.heapGrowthPercent}` : null;
}
