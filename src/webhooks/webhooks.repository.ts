// Every query on the webhook subscriptions and their deliveries (migrations/0004_publishing.sql).
// The alerts themselves are read through StanceRepository.alerts; the one exception is the
// deliveries listing, which joins each delivery to its outbox row for the alert's watch, actor
// and stances (one query for a page instead of one per delivery).
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../database/schema.js';
import type { Stance } from '../domain/vocabulary.js';
import type { DeliveryState, DeliveryStatus } from './domain/delivery-state.js';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export interface NewWebhook {
  webhookId: string;
  url: string;
  watchId: string | null;
  actorId: string | null;
  secret: string;
  description: string | null;
  createdBy: string;
  cursor: number;
}

export interface DeliveryCounts {
  pending: number;
  delivered: number;
  dead: number;
}

/** A delivery with the alert it carries, for the admin listing. */
export interface DeliveryListing extends DeliveryRow {
  position: number;
  kind: 'changed' | 'withdrawn';
  watch_id: string;
  actor_id: string;
  claim_id: string;
  from_stance: Stance | null;
  to_stance: Stance;
}

@Injectable()
export class WebhooksRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  // ---- subscriptions ----

  async create(webhook: NewWebhook): Promise<WebhookRow> {
    return this.db
      .insertInto('webhooks')
      .values({
        webhook_id: webhook.webhookId,
        url: webhook.url,
        watch_id: webhook.watchId,
        actor_id: webhook.actorId,
        secret: webhook.secret,
        description: webhook.description,
        created_by: webhook.createdBy,
        cursor: webhook.cursor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async list(): Promise<WebhookRow[]> {
    return this.db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('webhook_id').execute();
  }

  async enabled(): Promise<WebhookRow[]> {
    return this.db.selectFrom('webhooks').selectAll().where('enabled', '=', true).orderBy('webhook_id').execute();
  }

  async find(webhookId: string): Promise<WebhookRow | undefined> {
    return this.db.selectFrom('webhooks').selectAll().where('webhook_id', '=', webhookId).executeTakeFirst();
  }

  /** Deletes a subscription and (by the foreign key's cascade) its deliveries; false when unknown. */
  async remove(webhookId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhooks').where('webhook_id', '=', webhookId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Deliveries by status, per webhook (webhooks without any are absent). */
  async deliveryCounts(): Promise<Map<string, DeliveryCounts>> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select(['webhook_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['webhook_id', 'status'])
      .execute();
    const counts = new Map<string, DeliveryCounts>();
    for (const row of rows) {
      const entry = counts.get(row.webhook_id) ?? { pending: 0, delivered: 0, dead: 0 };
      entry[row.status] = Number(row.n);
      counts.set(row.webhook_id, entry);
    }
    return counts;
  }

  // ---- deliveries ----

  /** A webhook's deliveries, newest alert first, with the alert each carries. */
  async deliveries(webhookId: string, { status, limit }: { status: DeliveryStatus | null; limit: number }): Promise<DeliveryListing[]> {
    let query = this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('stance_alerts as a', 'a.alert_id', 'd.alert_id')
      .selectAll('d')
      .select(['a.position', 'a.kind', 'a.watch_id', 'a.actor_id', 'a.claim_id', 'a.from_stance', 'a.to_stance'])
      .where('d.webhook_id', '=', webhookId)
      .orderBy('d.alert_id', 'desc')
      .limit(limit);
    if (status !== null) query = query.where('d.status', '=', status);
    const rows = await query.execute();
    return rows.map((row) => ({
      ...row,
      alert_id: Number(row.alert_id),
      position: Number(row.position),
      from_stance: row.from_stance as Stance | null,
      to_stance: row.to_stance as Stance,
    }));
  }

  async delivery(webhookId: string, alertId: number): Promise<DeliveryRow | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .where('alert_id', '=', alertId)
      .executeTakeFirst();
    return row && { ...row, alert_id: Number(row.alert_id) };
  }

  /**
   * The pending delivery of the lowest alert: a webhook works on one alert at a time, in alert
   * order (an operator's retry of a dead letter can put an older alert back in front).
   */
  async nextPending(webhookId: string): Promise<DeliveryRow | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .where('status', '=', 'pending')
      .orderBy('alert_id')
      .limit(1)
      .executeTakeFirst();
    return row && { ...row, alert_id: Number(row.alert_id) };
  }

  /** Starts the delivery of an alert (or returns the row already there). */
  async startDelivery(webhookId: string, alertId: number, state: DeliveryState): Promise<DeliveryRow> {
    await this.db
      .insertInto('webhook_deliveries')
      .values({ webhook_id: webhookId, alert_id: alertId, ...columnsOf(state) })
      .onConflict((oc) => oc.columns(['webhook_id', 'alert_id']).doNothing())
      .execute();
    return (await this.delivery(webhookId, alertId))!;
  }

  /**
   * Stores an attempt's outcome, only if the row is still the pending one with `attemptsBefore`
   * attempts (a deletion, an operator, or a second dispatcher during a change of leader may have
   * moved it meanwhile: then nothing is written and false returned). When the webhook is done
   * with the alert, its cursor moves there in the same transaction, never backwards.
   */
  async recordAttempt(
    webhookId: string,
    alertId: number,
    attemptsBefore: number,
    state: DeliveryState,
    advanceCursor: boolean,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('webhook_deliveries')
        .set(columnsOf(state))
        .where('webhook_id', '=', webhookId)
        .where('alert_id', '=', alertId)
        .where('status', '=', 'pending')
        .where('attempts', '=', attemptsBefore)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      if (advanceCursor) {
        await trx
          .updateTable('webhooks')
          .set({ cursor: sql<number>`greatest(cursor, ${alertId}::bigint)` })
          .where('webhook_id', '=', webhookId)
          .execute();
      }
      return true;
    });
  }

  /** Moves a webhook's cursor to an alert, never backwards. */
  async advanceCursor(webhookId: string, alertId: number): Promise<void> {
    await this.db
      .updateTable('webhooks')
      .set({ cursor: sql<number>`greatest(cursor, ${alertId}::bigint)` })
      .where('webhook_id', '=', webhookId)
      .execute();
  }

  /** Puts a dead delivery back to pending; false when it is not (or no longer) dead. */
  async requeueDead(webhookId: string, alertId: number, state: DeliveryState): Promise<boolean> {
    const updated = await this.db
      .updateTable('webhook_deliveries')
      .set(columnsOf(state))
      .where('webhook_id', '=', webhookId)
      .where('alert_id', '=', alertId)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }
}

export function deliveryState(row: DeliveryRow): DeliveryState {
  return {
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
  };
}

function columnsOf(state: DeliveryState) {
  return {
    status: state.status,
    attempts: state.attempts,
    next_attempt_at: state.nextAttemptAt,
    last_attempt_at: state.lastAttemptAt,
    last_status: state.lastStatus,
    last_error: state.lastError,
    delivered_at: state.deliveredAt,
  };
}
