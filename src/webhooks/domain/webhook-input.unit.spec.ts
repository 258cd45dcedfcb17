import { describe, expect, it } from '@jest/globals';
import { parseAlertId, parseDeliveriesQuery, parseWebhookInput, WebhookInputError, type WatchActors } from './webhook-input.js';

const WATCHES: WatchActors[] = [{ id: 'dprk-troops-russia', actors: [{ id: 'russia' }, { id: 'dprk' }] }];
const PUBLIC = { allowPrivate: false };
const parse = (body: unknown, options = PUBLIC) => parseWebhookInput(body, WATCHES, options);
const rejects = (body: unknown, message: string | RegExp, options = PUBLIC) => {
  expect(() => parse(body, options)).toThrow(WebhookInputError);
  expect(() => parse(body, options)).toThrow(message);
};

describe('parseWebhookInput', () => {
  it('takes a URL alone: every alert, a generated secret', () => {
    expect(parse({ url: 'https://hooks.example.org/stance' })).toEqual({
      url: 'https://hooks.example.org/stance',
      watchId: null,
      actorId: null,
      secret: null,
      description: null,
    });
  });

  it('takes a watch and an actor filter, a secret and a description', () => {
    expect(
      parse({ url: ' https://hooks.example.org/a?b=1 ', watch: 'dprk-troops-russia', actor: 'russia', secret: 's'.repeat(16), description: ' desk ' }),
    ).toEqual({ url: 'https://hooks.example.org/a?b=1', watchId: 'dprk-troops-russia', actorId: 'russia', secret: 's'.repeat(16), description: 'desk' });
  });

  it('requires a JSON object with an absolute http(s) URL', () => {
    rejects(null, 'the body must be a JSON object');
    rejects([], 'the body must be a JSON object');
    rejects('https://x.example', 'the body must be a JSON object');
    rejects({}, 'url is required');
    rejects({ url: 42 }, 'url must be a non-empty string');
    rejects({ url: '/relative' }, 'url must be an absolute http(s) URL, got "/relative"');
    rejects({ url: 'ftp://files.example.org/' }, 'url must use http or https, got "ftp:"');
    rejects({ url: 'https://user:pw@hooks.example.org/' }, 'url must not contain a user name or password');
    rejects({ url: `https://hooks.example.org/${'a'.repeat(2000)}` }, 'url is longer than 2000 characters');
  });

  it('blocks private and loopback addresses unless they are allowed', () => {
    rejects({ url: 'http://127.0.0.1:8080/hook' }, 'url: 127.0.0.1 is a loopback address; private-network webhooks are blocked');
    rejects({ url: 'http://10.1.2.3/hook' }, /10\.1\.2\.3 is a private address/);
    rejects({ url: 'http://[::1]/hook' }, /::1 is a loopback address/);
    rejects({ url: 'http://169.254.169.254/latest' }, /link-local/);
    rejects({ url: 'http://localhost:3000/hook' }, /localhost is a loopback address/);
    expect(parse({ url: 'http://127.0.0.1:8080/hook' }, { allowPrivate: true }).url).toBe('http://127.0.0.1:8080/hook');
    expect(parse({ url: 'http://93.184.216.34/hook' }).url).toBe('http://93.184.216.34/hook');
  });

  it('names the watch or actor that does not exist', () => {
    rejects({ url: 'https://h.example/', watch: 'atlantis' }, 'watch: no watch "atlantis" (the watches are dprk-troops-russia)');
    rejects({ url: 'https://h.example/', watch: 'dprk-troops-russia', actor: 'atlantis' }, 'actor must be one of the actors of dprk-troops-russia (russia, dprk), got "atlantis"');
    rejects({ url: 'https://h.example/', actor: 'russia' }, 'actor needs watch');
    rejects({ url: 'https://h.example/', watch: 7 }, 'watch must be a non-empty string');
  });

  it('wants a secret of at least 16 characters and no unknown fields', () => {
    rejects({ url: 'https://h.example/', secret: 'short' }, 'secret must be at least 16 characters long');
    rejects({ url: 'https://h.example/', secret: 'x'.repeat(257) }, 'secret is longer than 256 characters');
    rejects({ url: 'https://h.example/', watchId: 'dprk-troops-russia' }, 'unknown field "watchId"');
    rejects({ url: 'https://h.example/', description: 'd'.repeat(501) }, 'description is longer than 500 characters');
  });
});

describe('parseDeliveriesQuery', () => {
  it('defaults to every status, 100 at most', () => {
    expect(parseDeliveriesQuery({})).toEqual({ status: null, limit: 100 });
    expect(parseDeliveriesQuery({ status: 'dead', limit: '5' })).toEqual({ status: 'dead', limit: 5 });
  });

  it('names the bad parameter', () => {
    expect(() => parseDeliveriesQuery({ status: 'lost' })).toThrow('status must be one of pending, delivered, dead, got "lost"');
    expect(() => parseDeliveriesQuery({ status: ['dead', 'pending'] })).toThrow('status must be one of');
    expect(() => parseDeliveriesQuery({ limit: '0' })).toThrow('limit must be a whole number from 1 to 1000, got "0"');
    expect(() => parseDeliveriesQuery({ limit: '2.5' })).toThrow('limit must be a whole number');
    expect(() => parseDeliveriesQuery({ limit: '5000' })).toThrow('limit must be a whole number');
    expect(() => parseDeliveriesQuery({ state: 'dead' })).toThrow('unknown query parameter "state"');
  });
});

describe('parseAlertId', () => {
  it('takes a positive whole number', () => {
    expect(parseAlertId('42')).toBe(42);
    for (const bad of ['0', '-1', 'abc', '1.5', '']) expect(() => parseAlertId(bad)).toThrow(`alertId must be a positive whole number, got "${bad}"`);
  });
});
