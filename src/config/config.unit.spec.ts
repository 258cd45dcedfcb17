import { describe, expect, it } from '@jest/globals';
import { hostname } from 'node:os';
import { ConfigError, heapGrowthFlag, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to embedded PGlite in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.port).toBe(3000);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.adminToken).toBeNull();
    expect(config.logLevel).toBe('log');
    expect(config.fixturesDir).toMatch(/fixtures\/articles$/);
    expect(config.feedUrls).toEqual([]);
    expect(config.allowPrivateSources).toBe(false);
    expect(config.pollConcurrency).toBe(4);
  });

  it('lets the heap grow 10 % past what survives a full collection unless HEAP_GROWTH_PERCENT says otherwise (0: V8 decides)', () => {
    expect(heapGrowthFlag(loadConfig({}))).toBe('--heap-growing-percent=10');
    expect(heapGrowthFlag(loadConfig({ HEAP_GROWTH_PERCENT: '50' }))).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag(loadConfig({ HEAP_GROWTH_PERCENT: '0' }))).toBeNull();
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '-5' })).toThrow(/HEAP_GROWTH_PERCENT/);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: 'lots' })).toThrow(/HEAP_GROWTH_PERCENT/);
  });

  it('reads feed URLs separated by commas or white space, and turns fixtures off', () => {
    const config = loadConfig({ FEED_URLS: 'https://a.example/rss, https://b.example/atom.xml\nhttps://c.example/feed.json', FIXTURES_DIR: 'off' });
    expect(config.feedUrls).toEqual(['https://a.example/rss', 'https://b.example/atom.xml', 'https://c.example/feed.json']);
    expect(config.fixturesDir).toBeNull();
  });

  it('reads a server URL, a public base URL without trailing slash and a token', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/stance',
      PUBLIC_BASE_URL: 'https://stance.example.org/',
      ADMIN_TOKEN: 'a-very-long-admin-token',
      PORT: '8080',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://app@db:5432/stance',
      publicBaseUrl: 'https://stance.example.org',
      adminToken: 'a-very-long-admin-token',
      port: 8080,
      logLevel: 'debug',
    });
  });

  it('takes the feed id authority from PUBLIC_BASE_URL unless given', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://News.Example.org/stance' }).feedIdAuthority).toBe('news.example.org,2026');
    expect(loadConfig({ FEED_ID_AUTHORITY: 'desk@example.org,2025-03' }).feedIdAuthority).toBe('desk@example.org,2025-03');
    expect(loadConfig({}).feedPageSize).toBe(50);
  });

  it('listens on every interface unless HOST names an address', () => {
    expect(loadConfig({}).host).toBeNull();
    expect(loadConfig({ HOST: ' 127.0.0.1 ' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it('names the instance by host and pid unless INSTANCE_ID is given', () => {
    expect(loadConfig({}).instanceId).toBe(`${hostname()}-${process.pid}`);
    expect(loadConfig({ INSTANCE_ID: ' replica-2 ' }).instanceId).toBe('replica-2');
  });

  it('reads the admin rate limit as requests per window, and the shutdown deadline', () => {
    expect(loadConfig({})).toMatchObject({ adminRateLimit: { limit: 600, windowMs: 60_000 }, shutdownTimeoutMs: 10_000 });
    expect(loadConfig({ ADMIN_RATE_LIMIT: '10/second' }).adminRateLimit).toEqual({ limit: 10, windowMs: 1_000 });
    expect(loadConfig({ ADMIN_RATE_LIMIT: ' 5 / 10s ' }).adminRateLimit).toEqual({ limit: 5, windowMs: 10_000 });
    expect(loadConfig({ ADMIN_RATE_LIMIT: '1000/Hour' }).adminRateLimit).toEqual({ limit: 1000, windowMs: 3_600_000 });
    expect(loadConfig({ ADMIN_RATE_LIMIT: '100/15m' }).adminRateLimit).toEqual({ limit: 100, windowMs: 900_000 });
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'http://0.0.0.0' }, 'HOST'],
    [{ HOST: '300.1.1.1:80' }, 'HOST'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ FEED_URLS: 'https://ok.example/feed, file:///etc/passwd' }, 'FEED_URLS'],
    [{ ALLOW_PRIVATE_SOURCES: 'maybe' }, 'ALLOW_PRIVATE_SOURCES'],
    [{ POLL_CONCURRENCY: '0' }, 'POLL_CONCURRENCY'],
    [{ FEED_ID_AUTHORITY: 'example.org' }, 'FEED_ID_AUTHORITY'],
    [{ FEED_ID_AUTHORITY: 'example.org,26' }, 'FEED_ID_AUTHORITY'],
    [{ FEED_PAGE_SIZE: '0' }, 'FEED_PAGE_SIZE'],
    [{ WEBHOOK_MAX_ATTEMPTS: 'many' }, 'WEBHOOK_MAX_ATTEMPTS'],
    [{ ALLOW_PRIVATE_WEBHOOKS: 'sure' }, 'ALLOW_PRIVATE_WEBHOOKS'],
    [{ ADMIN_RATE_LIMIT: '60' }, 'ADMIN_RATE_LIMIT'],
    [{ ADMIN_RATE_LIMIT: '0/minute' }, 'ADMIN_RATE_LIMIT'],
    [{ ADMIN_RATE_LIMIT: '60/fortnight' }, 'ADMIN_RATE_LIMIT'],
    [{ ADMIN_RATE_LIMIT: '60/0s' }, 'ADMIN_RATE_LIMIT'],
    [{ ADMIN_RATE_LIMIT: '60/48h' }, 'ADMIN_RATE_LIMIT'],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, 'SHUTDOWN_TIMEOUT_MS'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
