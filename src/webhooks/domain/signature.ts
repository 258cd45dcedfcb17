// What lets a receiver trust a delivery: an HMAC-SHA256 of the exact body bytes with the
// subscription's secret (GitHub's `sha256=<hex>` form), and an idempotency key that stays the
// same on every attempt of one alert, so a receiver can drop a repeat. Pure.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_PREFIX = 'sha256=';

/** `sha256=<lowercase hex HMAC-SHA256(secret, body)>`; a string body is signed as its UTF-8 bytes. */
export function signatureOf(secret: string, body: string | Uint8Array): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(secret: string, body: string | Uint8Array, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureOf(secret, body));
  const presented = Buffer.from(header.trim());
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

/** The same for every attempt of one alert to one webhook, and different for any other pair. */
export function idempotencyKey(webhookId: string, alertId: number): string {
  return `${webhookId}:${alertId}`;
}

/** A generated secret: 32 random bytes, base64url (43 characters). */
export function newSecret(random: (size: number) => Buffer = randomBytes): string {
  return random(32).toString('base64url');
}

/** `wh_` and 12 random bytes, base64url: unguessable, URL-safe, short enough to read out. */
export function newWebhookId(random: (size: number) => Buffer = randomBytes): string {
  return `wh_${random(12).toString('base64url')}`;
}
