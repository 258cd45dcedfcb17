import { describe, expect, it } from '@jest/globals';
import { isSecretParameter, redactLocation, redactLocationsIn } from './redact-location.js';

describe('redactLocation', () => {
  it('hides the user name and password of a feed URL', () => {
    expect(redactLocation('https://ana:hunter2@news.example.org/feed.xml')).toBe('https://***:***@news.example.org/feed.xml');
    expect(redactLocation('https://only-a-token@news.example.org/feed.xml')).toBe('https://***@news.example.org/feed.xml');
  });

  it('hides the values of secret-looking query parameters and keeps the others in order', () => {
    expect(redactLocation('https://news.example.org/feed?lang=id&api_key=abc123&page=2&access_token=t0k&Signature=s1g')).toBe(
      'https://news.example.org/feed?lang=id&api_key=***&page=2&access_token=***&Signature=***',
    );
    for (const name of ['key', 'apikey', 'api-key', 'token', 'secret', 'client_secret', 'password', 'sig', 'auth', 'X-Amz-Signature', 'private_token']) {
      expect({ name, secret: isSecretParameter(name) }).toEqual({ name, secret: true });
    }
    for (const name of ['lang', 'page', 'category', 'format', 'q', 'id']) {
      expect({ name, secret: isSecretParameter(name) }).toEqual({ name, secret: false });
    }
  });

  it('redacts a malformed address by its shape', () => {
    expect(redactLocation('http://[bad@host/x?token=abc&page=2')).toBe('http://***@host/x?token=***&page=2');
  });

  it('leaves a clean URL and a fixture folder path as they are', () => {
    expect(redactLocation('https://news.example.org/rss?lang=en')).toBe('https://news.example.org/rss?lang=en');
    expect(redactLocation('/srv/stance/fixtures/articles')).toBe('/srv/stance/fixtures/articles');
  });
});

describe('redactLocationsIn', () => {
  it('redacts every URL in a message, keeping the sentence around it', () => {
    const message = 'redirect from https://a:b@one.example/feed?token=xyz to http://two.example/x?sig=1&n=2.';
    expect(redactLocationsIn(message)).toBe('redirect from https://***:***@one.example/feed?token=*** to http://two.example/x?sig=***&n=2.');
  });
});
