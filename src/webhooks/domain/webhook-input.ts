// What an operator may send to the webhooks admin API, checked field by field: every error names
// the field, so a 400 says what to fix. Pure: the watches are handed in.
import { isIP } from 'node:net';
import { classifyIpAddress } from '../../sources/domain/ip-address.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery-state.js';

export class WebhookInputError extends Error {}

export interface WatchActors {
  id: string;
  actors: readonly { id: string }[];
}

/** A subscription as posted, validated. A null secret means: generate one. */
export interface WebhookInput {
  url: string;
  watchId: string | null;
  actorId: string | null;
  secret: string | null;
  description: string | null;
}

export const SECRET_MIN_LENGTH = 16;
const SECRET_MAX_LENGTH = 256;
const URL_MAX_LENGTH = 2000;
const DESCRIPTION_MAX_LENGTH = 500;
const FIELDS = ['url', 'watch', 'actor', 'secret', 'description'] as const;

/**
 * @param allowPrivate lets the URL name a private or loopback address (ALLOW_PRIVATE_WEBHOOKS).
 *   Only IP literals and `localhost` can be judged here; a host name is checked again at each
 *   delivery, on the address it resolves to then.
 */
export function parseWebhookInput(body: unknown, watches: readonly WatchActors[], { allowPrivate }: { allowPrivate: boolean }): WebhookInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WebhookInputError('the body must be a JSON object: {"url": "https://...", "watch"?, "actor"?, "secret"?, "description"?}');
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new WebhookInputError(`unknown field "${unknown[0]}" (the fields are ${FIELDS.join(', ')})`);

  const text = (name: (typeof FIELDS)[number], max: number): string | null => {
    const value = input[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || value.trim() === '') throw new WebhookInputError(`${name} must be a non-empty string`);
    if (value.length > max) throw new WebhookInputError(`${name} is longer than ${max} characters`);
    return value;
  };

  const rawUrl = text('url', URL_MAX_LENGTH);
  if (rawUrl === null) throw new WebhookInputError('url is required: the absolute http(s) URL to POST alerts to');
  const url = webhookUrl(rawUrl.trim(), allowPrivate);

  const watchId = text('watch', 200)?.trim() ?? null;
  const actorId = text('actor', 200)?.trim() ?? null;
  if (actorId !== null && watchId === null) throw new WebhookInputError('actor needs watch: an actor is named within a watch');
  if (watchId !== null) {
    const watch = watches.find((w) => w.id === watchId);
    if (!watch) throw new WebhookInputError(`watch: no watch "${watchId}" (the watches are ${watches.map((w) => w.id).join(', ') || 'none'})`);
    if (actorId !== null && !watch.actors.some((a) => a.id === actorId)) {
      throw new WebhookInputError(`actor must be one of the actors of ${watch.id} (${watch.actors.map((a) => a.id).join(', ')}), got "${actorId}"`);
    }
  }

  const secret = text('secret', SECRET_MAX_LENGTH);
  if (secret !== null && secret.length < SECRET_MIN_LENGTH) {
    throw new WebhookInputError(`secret must be at least ${SECRET_MIN_LENGTH} characters long (leave it out to get a generated one)`);
  }
  const description = text('description', DESCRIPTION_MAX_LENGTH)?.trim() ?? null;
  return { url, watchId, actorId, secret, description };
}

function webhookUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookInputError(`url must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookInputError(`url must use http or https, got "${url.protocol}"`);
  }
  // Deliveries authenticate with the signature; credentials in the URL would be shown by every
  // listing and log line that shows the URL.
  if (url.username || url.password) throw new WebhookInputError('url must not contain a user name or password');
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const addressClass = isIP(host) !== 0 ? classifyIpAddress(host) : host === 'localhost' || host.endsWith('.localhost') ? 'loopback' : 'public';
    if (addressClass !== 'public') {
      throw new WebhookInputError(`url: ${host} is a ${addressClass} address; private-network webhooks are blocked (ALLOW_PRIVATE_WEBHOOKS)`);
    }
  }
  return url.href;
}

export interface DeliveriesQuery {
  status: DeliveryStatus | null;
  limit: number;
}

export const DELIVERIES_DEFAULT_LIMIT = 100;
const DELIVERIES_MAX_LIMIT = 1000;

/** `?status=pending|delivered|dead&limit=N` of GET /api/admin/webhooks/:id/deliveries. */
export function parseDeliveriesQuery(query: Record<string, unknown>): DeliveriesQuery {
  const unknown = Object.keys(query).find((key) => key !== 'status' && key !== 'limit');
  if (unknown !== undefined) throw new WebhookInputError(`unknown query parameter "${unknown}" (use status, limit)`);
  const { status, limit } = query;
  if (status !== undefined && (typeof status !== 'string' || !(DELIVERY_STATUSES as readonly string[]).includes(status))) {
    throw new WebhookInputError(`status must be one of ${DELIVERY_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
  }
  let count = DELIVERIES_DEFAULT_LIMIT;
  if (limit !== undefined) {
    count = typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > DELIVERIES_MAX_LIMIT) {
      throw new WebhookInputError(`limit must be a whole number from 1 to ${DELIVERIES_MAX_LIMIT}, got ${JSON.stringify(limit)}`);
    }
  }
  return { status: (status as DeliveryStatus | undefined) ?? null, limit: count };
}

/** The `:alertId` of a delivery's route. */
export function parseAlertId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new WebhookInputError(`alertId must be a positive whole number, got "${raw}"`);
  return id;
}
