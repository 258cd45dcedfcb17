// The webhooks admin API: subscriptions (the secret is shown once, when it is created), their
// deliveries with the dead letters, and the retry of a dead letter. Behind ADMIN_TOKEN.
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { schemaRef } from '../api-docs/api-schemas.js';
import { ApiAdmin, ApiBadRequest, ApiNotFound, ERROR_BODY } from '../api-docs/api-docs.decorators.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { changeTitle } from '../stance/domain/alerts.js';
import { StanceRepository } from '../stance/stance.repository.js';
import { WatchesService } from '../watches/watches.service.js';
import { DELIVERY_STATUSES, retryDead } from './domain/delivery-state.js';
import { newSecret, newWebhookId } from './domain/signature.js';
import {
  DELIVERIES_DEFAULT_LIMIT,
  parseAlertId,
  parseDeliveriesQuery,
  parseWebhookInput,
  SECRET_MIN_LENGTH,
  WebhookInputError,
} from './domain/webhook-input.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { deliveryState, WebhooksRepository, type DeliveryCounts, type DeliveryListing, type DeliveryRow, type WebhookRow } from './webhooks.repository.js';

const ApiWebhookId = () => ApiParam({ name: 'id', description: 'the webhook id', example: 'wh_0123456789abcdef' });

@Controller('api/admin/webhooks')
@UseGuards(AdminTokenGuard)
@ApiTags('webhooks')
@ApiAdmin()
export class WebhooksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
    private readonly stances: StanceRepository,
    private readonly watches: WatchesService,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Subscribe a URL to stance changes',
    description: 'Receives the changes made from now on, each POSTed as JSON, signed (X-Stance-Signature), with an Idempotency-Key; retried with backoff.',
  })
  @ApiBody({
    // What parseWebhookInput (domain/webhook-input.ts) accepts; any other field is refused.
    schema: {
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: {
        url: { type: 'string', format: 'uri', maxLength: 2000, description: 'the absolute http(s) URL to POST alerts to', example: 'https://hooks.example.org/stance' },
        watch: { type: 'string', description: 'only changes of this watch', example: 'dprk-troops-russia' },
        actor: { type: 'string', description: 'only changes of this actor (needs watch)', example: 'russia' },
        secret: { type: 'string', minLength: SECRET_MIN_LENGTH, maxLength: 256, description: 'the HMAC key of the signatures; generated when left out' },
        description: { type: 'string', maxLength: 500, example: 'newsroom alerts' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'the subscription, with its secret (shown only here)', schema: schemaRef('WebhookCreated') })
  @ApiBadRequest('a missing or malformed field, an unknown watch or actor, a private address without ALLOW_PRIVATE_WEBHOOKS, or an unknown field')
  async create(@Body() body: unknown) {
    const input = validated(() => parseWebhookInput(body, this.watches.watches(), { allowPrivate: this.config.allowPrivateWebhooks }));
    const secret = input.secret ?? newSecret();
    const row = await this.webhooks.create({
      webhookId: newWebhookId(),
      url: input.url,
      watchId: input.watchId,
      actorId: input.actorId,
      secret,
      description: input.description,
      createdBy: 'admin-api',
      // From now on: the alerts already in the outbox are not this subscription's.
      cursor: await this.stances.lastAlertId(),
    });
    this.dispatcher.wake();
    // The only time the secret leaves the service.
    return { ...webhookView(row), secret };
  }

  @Get()
  @ApiOperation({ summary: 'The subscriptions, with their delivery counts (no secrets)' })
  @ApiOkResponse({ description: 'the subscriptions', schema: { type: 'object', required: ['webhooks'], properties: { webhooks: { type: 'array', items: schemaRef('Webhook') } } } })
  async list() {
    const counts = await this.webhooks.deliveryCounts();
    return { webhooks: (await this.webhooks.list()).map((row) => webhookView(row, counts.get(row.webhook_id))) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription, with its delivery counts' })
  @ApiWebhookId()
  @ApiOkResponse({ description: 'the subscription', schema: schemaRef('Webhook') })
  @ApiNotFound('no such webhook')
  async get(@Param('id') id: string) {
    const row = await this.webhook(id);
    return webhookView(row, (await this.webhooks.deliveryCounts()).get(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its deliveries' })
  @ApiWebhookId()
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiNotFound('no such webhook')
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.webhooks.remove(id))) throw unknownWebhook(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "A subscription's deliveries, newest first: status, attempts, last error, next attempt" })
  @ApiWebhookId()
  @ApiQuery({ name: 'status', required: false, enum: [...DELIVERY_STATUSES], description: 'only deliveries in this state (dead: the dead letters)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: DELIVERIES_DEFAULT_LIMIT } })
  @ApiOkResponse({ description: 'the deliveries, newest first', schema: { type: 'object', required: ['webhook', 'status', 'deliveries'], properties: { webhook: { type: 'string' }, status: { type: 'string', nullable: true, enum: [...DELIVERY_STATUSES, null] }, deliveries: { type: 'array', items: schemaRef('Delivery') } } } })
  @ApiBadRequest('an unknown status, a bad limit or an unknown query parameter')
  @ApiNotFound('no such webhook')
  async deliveries(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const options = validated(() => parseDeliveriesQuery(query));
    await this.webhook(id);
    const rows = await this.webhooks.deliveries(id, options);
    return { webhook: id, status: options.status, deliveries: rows.map((row) => this.deliveryView(row)) };
  }

  /**
   * Puts a dead letter back to pending, once the receiver is fixed. Ordering caveat: the webhook
   * takes it before any alert it has not started on, but the alerts after it that were delivered
   * while it lay dead stay delivered: the receiver gets this one after them, out of order. Its
   * Idempotency-Key is the one of its first attempts; its attempt count starts again at 1.
   */
  @Post(':id/deliveries/:alertId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead letter again, once the receiver is fixed', description: 'Same Idempotency-Key as its first attempts; attempts count from 1 again.' })
  @ApiWebhookId()
  @ApiParam({ name: 'alertId', description: 'the alert id of the dead delivery', schema: { type: 'integer', minimum: 1 } })
  @ApiOkResponse({ description: 'the delivery, pending again', schema: { type: 'object', required: ['webhook', 'delivery'], properties: { webhook: { type: 'string' }, delivery: schemaRef('Delivery') } } })
  @ApiBadRequest('alertId is not a positive whole number')
  @ApiNotFound('no such webhook, or no delivery of that alert to it')
  @ApiConflictResponse({ description: 'the delivery is not dead', schema: ERROR_BODY })
  async retry(@Param('id') id: string, @Param('alertId') rawAlertId: string) {
    const alertId = validated(() => parseAlertId(rawAlertId));
    await this.webhook(id);
    const delivery = await this.webhooks.delivery(id, alertId);
    if (!delivery) throw new NotFoundException(`webhook ${id} has no delivery of alert ${alertId}`);
    if (delivery.status !== 'dead') throw notDead(id, delivery);
    if (!(await this.webhooks.requeueDead(id, alertId, retryDead(deliveryState(delivery), new Date())))) {
      throw notDead(id, (await this.webhooks.delivery(id, alertId)) ?? delivery);
    }
    this.dispatcher.wake();
    return { webhook: id, delivery: deliveryFields((await this.webhooks.delivery(id, alertId))!) };
  }

  private async webhook(id: string): Promise<WebhookRow> {
    const row = await this.webhooks.find(id);
    if (!row) throw unknownWebhook(id);
    return row;
  }

  private deliveryView(row: DeliveryListing) {
    const actorName = this.watches.actorName(row.watch_id, row.actor_id);
    const title = changeTitle(actorName, row.from_stance, row.to_stance);
    return {
      ...deliveryFields(row),
      position: row.position,
      type: row.kind === 'changed' ? 'stance.changed' : 'stance.withdrawn',
      watch: row.watch_id,
      actor: row.actor_id,
      claimId: row.claim_id,
      title: row.kind === 'changed' ? title : `${title} withdrawn`,
    };
  }
}

function webhookView(row: WebhookRow, counts?: DeliveryCounts) {
  return {
    id: row.webhook_id,
    url: row.url,
    filter: { watch: row.watch_id, actor: row.actor_id },
    description: row.description,
    enabled: row.enabled,
    createdAt: row.created_at,
    createdBy: row.created_by,
    cursor: Number(row.cursor),
    ...(counts === undefined ? {} : { deliveries: counts }),
  };
}

function deliveryFields(row: DeliveryRow) {
  return {
    alertId: Number(row.alert_id),
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
  };
}

function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof WebhookInputError) throw new BadRequestException(error.message);
    throw error;
  }
}

function unknownWebhook(id: string): NotFoundException {
  return new NotFoundException(`no webhook "${id}"`);
}

function notDead(id: string, delivery: DeliveryRow): ConflictException {
  return new ConflictException(`the delivery of alert ${Number(delivery.alert_id)} to webhook ${id} is ${delivery.status}; only a dead one can be retried`);
}
