import { describe, expect, it } from '@jest/globals';
import { idempotencyKey, newSecret, newWebhookId, signatureOf, verifySignature } from './signature.js';

// The expected values were computed outside this code, e.g.
//   printf '%s' '{"type":"stance.changed","alertId":42}' | openssl dgst -sha256 -hmac 'whsec-test-0123456789abcdef'
const SECRET = 'whsec-test-0123456789abcdef';

describe('signatureOf', () => {
  it('is sha256= and the hex HMAC-SHA256 of the body with the secret', () => {
    expect(signatureOf(SECRET, '{"type":"stance.changed","alertId":42}')).toBe(
      'sha256=46b2729165bebc848c77286d7b43f7db02ad902f3d1df061cf17c61703133729',
    );
  });

  it('signs the UTF-8 bytes of a string, the same as the bytes themselves', () => {
    const body = 'Rusia membantah — “hoaks”';
    const expected = 'sha256=1fe1c640d11779e2f453c8f8ef206074116aeb96380af3405ce2666215d7a1f5';
    expect(signatureOf(SECRET, body)).toBe(expected);
    expect(signatureOf(SECRET, Buffer.from(body, 'utf8'))).toBe(expected);
  });

  it('matches RFC 4231 test case 2', () => {
    expect(signatureOf('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe('verifySignature', () => {
  const body = '{"type":"stance.changed","alertId":42}';
  const header = 'sha256=46b2729165bebc848c77286d7b43f7db02ad902f3d1df061cf17c61703133729';

  it('accepts the signature of the exact body', () => {
    expect(verifySignature(SECRET, body, header)).toBe(true);
  });

  it('refuses another body, another secret, a missing or malformed header', () => {
    expect(verifySignature(SECRET, `${body} `, header)).toBe(false);
    expect(verifySignature(`${SECRET}x`, body, header)).toBe(false);
    expect(verifySignature(SECRET, body, undefined)).toBe(false);
    expect(verifySignature(SECRET, body, header.slice(7))).toBe(false);
  });
});

describe('identifiers', () => {
  it('the idempotency key names the webhook and the alert', () => {
    expect(idempotencyKey('wh_abc', 17)).toBe('wh_abc:17');
  });

  it('generates a 32-byte base64url secret and a wh_ id from the random source', () => {
    const zeros = (n: number) => Buffer.alloc(n);
    expect(newSecret(zeros)).toBe('A'.repeat(43));
    expect(newWebhookId(zeros)).toBe(`wh_${'A'.repeat(16)}`);
    expect(newSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
  });
});
